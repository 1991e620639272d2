package kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import kb.consent.ConsentSettings;
import kb.consent.ConsentSettingsFile;
import kb.content.ContentLoader;
import kb.web.ConsentLinks;
import kb.content.Library;
import org.junit.jupiter.api.Test;

/** The content that ships with the site: every file loads and every internal link and #fragment lands. */
class ShippedContentTest {
    private final Library library = new ContentLoader(kb.web.SitePage.embeds(), kb.web.SitePage.linkTargets()).load(Path.of("content"));

    @Test
    void everyFileLoads() {
        assertThat(library.problems()).isEmpty();
        assertThat(library.all()).isNotEmpty();
    }

    @Test
    void everyInternalLinkAndFragmentResolvesInBothLanguages() {
        assertThat(library.brokenLinks()).as("broken links in content/").isEmpty();
        ConsentSettings consent = ConsentSettingsFile.read(Path.of("content", ConsentSettingsFile.NAME)).orElse(null);
        assertThat(ConsentLinks.broken(library, consent, Path.of("content"))).as("the consent page's article links").isEmpty();
        assertThat(library.articles("pt")).isNotEmpty();
        assertThat(library.articles("en")).isNotEmpty();
    }
}
