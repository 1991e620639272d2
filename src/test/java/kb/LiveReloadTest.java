package kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Authors edit the content folder of a running site: changes appear without a restart. */
class LiveReloadTest {
    @TempDir
    Path content;

    private void write(String path, String text) throws IOException {
        ContentFiles.write(content, path, text);
    }

    private static String article(String title, String body) {
        return "---\ntitle: \"" + title + "\"\n---\n\n## Seção {#secao}\n\n" + body + "\n";
    }

    /** Polls until the condition holds; the contract allows two seconds, the test waits a little longer. */
    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 5 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void addEditBreakAndDeleteAreServedWithoutARestart() throws Exception {
        write("pt/a.md", article("Primeiro", "versão um"));
        try (TestServer server = new TestServer(content)) {
            assertThat(server.get("/pt/a").body()).contains("versão um");
            String firstVersion = server.get("/health").body();

            assertThat(server.get("/sitemap.xml").body()).contains("/pt/a</loc>").doesNotContain("/pt/b</loc>");
            write("pt/b.md", article("Novo", "recém-chegado"));
            eventually(() -> server.get("/pt/b").statusCode() == 200);
            assertThat(server.get("/pt/").body()).contains("Novo");
            // The sitemap is built once per content version: the new version's lists the new article.
            assertThat(server.get("/sitemap.xml").body()).contains("/pt/b</loc>");

            write("pt/a.md", article("Primeiro", "versão dois"));
            eventually(() -> server.get("/pt/a").body().contains("versão dois"));
            assertThat(server.get("/health").body()).isNotEqualTo(firstVersion);

            // A broken edit keeps the last good version on the site.
            write("pt/a.md", "---\ntitle: [quebrado\n---\nversão três\n");
            eventually(() -> server.get("/health").body().contains("\"problems\":1"));
            assertThat(server.get("/pt/a").statusCode()).isEqualTo(200);
            assertThat(server.get("/pt/a").body()).contains("versão dois");

            Files.delete(content.resolve("pt/b.md"));
            eventually(() -> server.get("/pt/b").statusCode() == 404);
            assertThat(server.get("/sitemap.xml").body()).doesNotContain("/pt/b</loc>");

            write("pt/sub/deep.md", article("Fundo", "numa pasta nova"));
            eventually(() -> server.get("/pt/sub/deep").statusCode() == 200);
        }
    }

    @Test
    void theConsentSettingsFileIsReloadedLikeContent() throws Exception {
        try (TestServer server = new TestServer(content)) {
            assertThat(server.get("/api/admin-consent?tenant=contoso.com&lang=en").body()).contains("state=12345");
            write("admin-consent.properties", "state = 999\n");
            eventually(() -> server.get("/api/admin-consent?tenant=contoso.com&lang=en").body().contains("state=999"));
            write("admin-consent.properties", "client_id = not-a-guid\n");
            Thread.sleep(1500);
            assertThat(server.get("/api/admin-consent?tenant=contoso.com&lang=en").body()).contains("state=999");
        }
    }

    @Test
    void anArticleMovedToAnotherFolderMovesInEveryList() throws Exception {
        String moving = "---\ntitle: \"Regras de caixa\"\ntags: [regras]\n---\n\nTexto.\n";
        write("pt/correio/regras-de-caixa.md", moving);
        write("pt/correio/outro.md", article("Outro", "fica"));
        write("pt/agenda/convites.md", article("Convites", "fica"));
        try (TestServer server = new TestServer(content)) {
            assertThat(server.page("/pt/correio").select(".article-list a").eachAttr("href")).contains("/pt/correio/regras-de-caixa");
            assertThat(server.page("/pt/").select(".category-card").eachText()).anyMatch(t -> t.startsWith("Correio 2 artigos"));

            java.nio.file.Files.createDirectories(content.resolve("pt/agenda"));
            java.nio.file.Files.move(content.resolve("pt/correio/regras-de-caixa.md"), content.resolve("pt/agenda/regras-de-caixa.md"));
            eventually(() -> server.get("/pt/agenda/regras-de-caixa").statusCode() == 200);

            assertThat(server.get("/pt/correio/regras-de-caixa").statusCode()).isEqualTo(404);
            assertThat(server.page("/pt/correio").select(".article-list a").eachAttr("href")).containsExactly("/pt/correio/outro");
            assertThat(server.page("/pt/agenda").select(".article-list a").eachAttr("href")).contains("/pt/agenda/regras-de-caixa");
            var home = server.page("/pt/");
            assertThat(home.select(".category-card").eachText()).anyMatch(t -> t.startsWith("Correio 1 artigo"))
                    .anyMatch(t -> t.startsWith("Agenda 2 artigos"));
            assertThat(home.select(".home-recent a").eachAttr("href")).contains("/pt/agenda/regras-de-caixa")
                    .doesNotContain("/pt/correio/regras-de-caixa");
            assertThat(server.page("/pt/tags/regras").select(".article-list a").eachAttr("href"))
                    .containsExactly("/pt/agenda/regras-de-caixa");
            assertThat(server.page("/pt/agenda/regras-de-caixa").select("nav.breadcrumb a").eachAttr("href"))
                    .containsExactly("/pt/", "/pt/agenda", "/pt/agenda/regras-de-caixa");
            assertThat(server.page("/pt/agenda/convites").select(".related a").eachAttr("href"))
                    .containsExactly("/pt/agenda/regras-de-caixa");
        }
    }
}
