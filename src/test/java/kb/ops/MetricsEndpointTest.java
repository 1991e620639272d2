package kb.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import kb.TestServer;
import org.junit.jupiter.api.Test;

/** What an operator reads: Prometheus metrics and the access log. */
class MetricsEndpointTest {
    @Test
    void metricsCountRequestsByRouteTemplateAndShowTheContent() {
        try (TestServer server = TestServer.shipped()) {
            server.get("/pt/erros-de-conexao-caixa-de-entrada-calendario");
            server.get("/pt/does-not-exist");
            String metrics = server.get("/metrics").body();
            assertThat(metrics).contains("kb_http_requests_seconds_count{method=\"GET\",route=\"/{lang}/<path>\",status=\"200\"}");
            assertThat(metrics).contains("route=\"/{lang}/<path>\",status=\"404\"");
            assertThat(metrics).doesNotContain("does-not-exist");
            assertThat(metrics).contains("kb_articles{lang=\"pt\"} 2.0").contains("kb_articles{lang=\"en\"} 2.0");
            assertThat(metrics).containsPattern("kb_content_version\\{version=\"[0-9a-f-]+\"} 1.0");
            assertThat(metrics).contains("kb_content_reloads_total").contains("kb_content_reload_failures_total");
            assertThat(server.get("/health").body()).containsPattern("\"version\":\"[0-9a-f-]+\"");
        }
    }

    @Test
    void anAccessLogLineHasMethodPathWithoutQueryStatusBytesAndTime() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (AccessLog log = new AccessLog(new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            log.log("GET", "/pt/x\n<script>", 404, 2171, 1.234);
        }
        String line = bytes.toString(StandardCharsets.UTF_8).strip();
        assertThat(line).matches("\\S+Z GET /pt/x\\?<script> 404 2171 1\\.23ms");
    }
}
