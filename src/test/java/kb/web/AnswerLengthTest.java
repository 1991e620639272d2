package kb.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kb.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers bigger than the piece the web layer copies them in (8 KB) still go out whole with their
 * length: a client (or a proxy) can tell a complete answer from one cut short by a replica dying.
 */
class AnswerLengthTest {
    @TempDir
    Path content;

    @Test
    void anAnswerOfManyPiecesCarriesItsLength() throws Exception {
        for (int i = 1; i <= 40; i++) {
            Path file = content.resolve("pt/artigo-" + i + ".md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, "---\ntitle: \"Caixa de entrada " + i + "\"\ndescription: \"A caixa de entrada número " + i
                    + " e o que fazer quando ela não sincroniza.\"\n---\n\nIntro.\n\n## Caixa compartilhada {#caixa}\n\n"
                    + "A caixa compartilhada do artigo " + i + " guarda as mensagens da equipe. ".repeat(6) + "\n",
                    StandardCharsets.UTF_8);
        }
        try (TestServer server = new TestServer(content)) {
            HttpResponse<String> r = server.get("/api/search?lang=pt&limit=50&q=caixa");
            assertThat(r.statusCode()).isEqualTo(200);
            int bytes = r.body().getBytes(StandardCharsets.UTF_8).length;
            assertThat(bytes).isGreaterThan(8 * 1024);
            assertThat(r.headers().firstValue("content-length")).hasValue(Integer.toString(bytes));
        }
    }
}
