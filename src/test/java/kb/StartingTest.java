package kb;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The port opens while the content loads (a restart costs the load, not the load and then the
 * server's start): until the content is in, a load balancer and a reader get a 503 that says to
 * come back, never a half-made page; {@code /health} says 200 only once the site is ready.
 */
class StartingTest {
    private static final String ARTICLE = "/pt/erros-de-conexao-caixa-de-entrada-calendario";
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(Javalin app, String method, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                    .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("helpful=yes")
                            : HttpRequest.BodyPublishers.noBody())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + " failed", e);
        }
    }

    @Test
    void whileTheContentLoadsEveryRequestIsToldToComeBackAndHealthSaysReadyOnlyAfter(@TempDir Path data) {
        List<HttpResponse<String>> early = new ArrayList<>();
        Javalin app = Main.start(TestSettings.withInsightsPassword(
                TestSettings.withDataDir(TestSettings.of(Path.of("content")), data), "a-password"), listening -> {
            early.add(send(listening, "GET", "/health"));
            early.add(send(listening, "GET", ARTICLE));
            early.add(send(listening, "GET", "/api/search?q=consent&lang=en"));
            early.add(send(listening, "POST", "/pt/feedback"));
        });
        try {
            assertThat(early).allSatisfy(r -> {
                assertThat(r.statusCode()).isEqualTo(503);
                assertThat(r.headers().firstValue("retry-after")).hasValue("1");
                assertThat(r.headers().firstValue("cache-control")).hasValue("no-store");
                assertThat(r.headers().firstValue("content-type")).hasValue("text/plain; charset=utf-8");
                assertThat(r.body()).contains("Try again in a moment").contains("Tente de novo em instantes");
            });
            assertThat(send(app, "GET", "/health").statusCode()).isEqualTo(200);
            HttpResponse<String> page = send(app, "GET", ARTICLE);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<h1");
        } finally {
            app.stop();
        }
    }

    @Test
    void aPortAlreadyTakenFailsTheStartAndNothingGoesOnWithoutIt(@TempDir Path data) throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
            Settings base = TestSettings.withInsightsPassword(
                    TestSettings.withDataDir(TestSettings.of(Path.of("content")), data), "a-password");
            Settings onTaken = new Settings(taken.getLocalPort(), base.contentDir(), base.baseUrl(), base.dataDir(), base.insights());
            java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Main.start(onTaken))
                    .hasMessageContaining(String.valueOf(taken.getLocalPort()));
            // No watcher reloads content for a server that never opened, and the database writer is done.
            long until = System.nanoTime() + 10_000_000_000L;
            while (System.nanoTime() < until && startedSince(before, "content-watcher", "kb-insights-writer")) {
                Thread.sleep(50);
            }
            assertThat(startedSince(before, "content-watcher", "kb-insights-writer")).isFalse();
        }
    }

    @Test
    void aDataFolderThatIsAFileFailsTheStartWithItsPath() throws Exception {
        Path notAFolder = java.nio.file.Files.createTempFile("kb-data", ".txt");
        try {
            Settings settings = TestSettings.withInsightsPassword(
                    TestSettings.withDataDir(TestSettings.of(Path.of("content")), notAFolder), "a-password");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Main.start(settings))
                    .hasMessageContaining(notAFolder.toString());
        } finally {
            java.nio.file.Files.deleteIfExists(notAFolder);
        }
    }

    /** Whether a thread of one of these names, not there before, is still alive (other tests' servers have their own). */
    private static boolean startedSince(java.util.Set<Thread> before, String... names) {
        java.util.Set<String> wanted = java.util.Set.of(names);
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && !before.contains(t) && wanted.contains(t.getName()));
    }
}
