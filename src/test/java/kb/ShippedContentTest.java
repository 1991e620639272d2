package kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import kb.content.ContentLoader;
import kb.content.Library;
import org.junit.jupiter.api.Test;

/** The content that ships with the site: every file loads and every internal link and #fragment lands. */
class ShippedContentTest {
    private final Library library = new ContentLoader(Set.of("admin-consent"), Main.SITE_PAGES).load(Path.of("content"));

    @Test
    void everyFileLoads() {
        assertThat(library.problems()).isEmpty();
        assertThat(library.all()).isNotEmpty();
    }

    @Test
    void everyInternalLinkAndFragmentResolvesInBothLanguages() {
        assertThat(library.brokenLinks()).as("broken links in content/").isEmpty();
        assertThat(library.articles("pt")).isNotEmpty();
        assertThat(library.articles("en")).isNotEmpty();
    }
}
