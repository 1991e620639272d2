package kb.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import kb.ContentFiles;
import kb.TestServer;
import kb.consent.ConsentSettings;
import kb.consent.ConsentSettingsFile;
import kb.content.BrokenLink;
import kb.content.ContentLoader;
import kb.content.Library;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The consent page's article links come from the consent settings, and one that leads nowhere is reported like a broken link. */
class ConsentLinksTest {
    @TempDir
    Path dir;

    private void article(String lang, String name, String key, String body) throws IOException {
        ContentFiles.write(dir, lang + "/" + name + ".md", "---\ntitle: " + name + "\ntranslationKey: " + key + "\n---\n\n" + body + "\n");
    }

    private ConsentSettings settings() {
        return ((ConsentSettingsFile.Result.Loaded) ConsentSettingsFile.read(dir.resolve(ConsentSettingsFile.NAME))).settings();
    }

    private Library library() {
        return new ContentLoader(SitePage.embeds(), SitePage.linkTargets()).load(dir);
    }

    @Test
    void theConsentPageLinksToTheArticlesTheSettingsName() throws IOException {
        article("pt", "onde-fica-o-id", "where-id", "Texto.");
        article("en", "where-the-id-is", "where-id", "Text.");
        article("pt", "sobre-consentimento", "about-consent", "## Consentimento {#consent}\n\nTexto.");
        article("en", "about-consent", "about-consent", "## Consent {#consent}\n\nText.");
        ContentFiles.write(dir, ConsentSettingsFile.NAME, "find_tenant_article = where-id\nconsent_article = about-consent#consent\n");
        try (TestServer server = new TestServer(dir)) {
            Document pt = server.page("/pt/admin-consent");
            assertThat(pt.select("main a[href=/pt/onde-fica-o-id]").text()).isEqualTo("onde-fica-o-id");
            assertThat(pt.select("main a[href=/pt/sobre-consentimento#consent]")).hasSize(1);
            Document en = server.page("/en/admin-consent");
            assertThat(en.select("main a[href=/en/where-the-id-is]").text()).isEqualTo("where-the-id-is");
            assertThat(en.select("main a[href=/en/about-consent#consent]")).hasSize(1);
        }
        assertThat(ConsentLinks.broken(library(), settings(), dir)).isEmpty();
    }

    @Test
    void aTargetMissingInALanguageIsReportedWithTheFileLineAndReason() throws IOException {
        article("pt", "sobre-consentimento", "about-consent", "## Consentimento {#consent}\n\nTexto.");
        article("en", "about-consent", "about-consent", "## Other {#other}\n\nText.");
        ContentFiles.write(dir, ConsentSettingsFile.NAME, "# links\nfind_tenant_article = nowhere\nconsent_article = about-consent#consent\n");
        assertThat(ConsentLinks.broken(library(), settings(), dir)).extracting(BrokenLink::toString).containsExactly(
                "admin-consent.properties:2: broken link nowhere (find_tenant_article: no article in pt has the translationKey 'nowhere')",
                "admin-consent.properties:2: broken link nowhere (find_tenant_article: no article in en has the translationKey 'nowhere')",
                "admin-consent.properties:3: broken link about-consent#consent (consent_article: no section #consent in /en/about-consent)");
        try (TestServer server = new TestServer(dir)) {
            // A link that leads nowhere is left out of the page rather than sent to a 404.
            assertThat(server.page("/en/admin-consent").select("main a[href^=/en/about-consent]")).isEmpty();
            assertThat(server.page("/pt/admin-consent").select("main a[href=/pt/sobre-consentimento#consent]")).hasSize(1);
        }
    }
}
