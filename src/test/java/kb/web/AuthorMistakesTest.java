package kb.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import kb.ContentFiles;
import kb.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What authors do to a content folder, seen from the reader's side: old URLs, broken files. */
class AuthorMistakesTest {
    @TempDir
    Path content;

    private void write(String path, String text) throws IOException {
        ContentFiles.write(content, path, text);
    }

    @Test
    void aliasesRedirectPermanentlyAndBrokenFilesDoNotTakeTheSiteDown() throws IOException {
        write("pt/novo.md", "---\ntitle: Novo\naliases: [\"/pt/antigo/\", \"/pt/pasta/velho\"]\n---\n\n## A {#a}\n\nTexto.\n");
        write("pt/quebrado.md", "---\ntitle: [sem fechar\n---\n");
        write("en/binary.md", "---\ntitle: x\n---\n\u0000\u0001");
        try (TestServer server = new TestServer(content)) {
            HttpResponse<String> old = server.get("/pt/antigo");
            assertThat(old.statusCode()).isEqualTo(301);
            assertThat(old.headers().firstValue("Location")).contains("/pt/novo");
            assertThat(server.get("/pt/antigo/").headers().firstValue("Location")).contains("/pt/novo");
            assertThat(server.get("/pt/pasta/velho").headers().firstValue("Location")).contains("/pt/novo");

            assertThat(server.get("/pt/novo").statusCode()).isEqualTo(200);
            assertThat(server.get("/pt/quebrado").statusCode()).isEqualTo(404);
            assertThat(server.get("/en/binary").statusCode()).isEqualTo(404);
            assertThat(server.get("/health").body()).contains("\"problems\":2");
        }
    }

    @Test
    void anEmptyContentFolderStillServesTheHomeAndConsentPages() {
        try (TestServer server = new TestServer(content)) {
            assertThat(server.get("/health").statusCode()).isEqualTo(200);
            assertThat(server.get("/en/").statusCode()).isEqualTo(200);
            assertThat(server.get("/en/admin-consent").statusCode()).isEqualTo(200);
        }
    }
}
