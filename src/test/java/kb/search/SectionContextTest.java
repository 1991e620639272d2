package kb.search;

import static kb.search.TestContent.article;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A section is found by the headings it sits under, as a reader of the page sees it. */
class SectionContextTest {
    @TempDir
    Path dir;

    @Test
    void aSubsectionIsFoundByItsOwnWordsAndTheWordsOfTheHeadingAboveIt() {
        SearchIndex index = TestContent.index(dir, Map.of(
                "en/errors.md", article("Connection errors", "errors", """
                        ## Need admin approval {#approval}

                        Your organisation asks an administrator to approve new apps.

                        ### Grant it once {#grant}

                        Open the link and accept for everyone.

                        ## Calendar sync {#sync}

                        Events appear after a few minutes.
                        """)));
        assertThat(index.search("approval everyone", "en", 10).results().stream().map(SearchHit::url))
                .first().isEqualTo("/en/errors#grant");
        // The heading above does not leak sideways: the next section at its level is not under it.
        assertThat(index.search("approval", "en", 10).results().stream().map(SearchHit::url))
                .contains("/en/errors#grant").doesNotContain("/en/errors#sync");
    }
}
