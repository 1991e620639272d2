package kb.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import kb.TestServer;
import org.junit.jupiter.api.Test;

/**
 * An article page already prepared is answered ahead of the routes (for speed): a reader cannot
 * tell the two apart. Same bytes, same headers, the same 304 and gzip behaviour.
 */
class CachedPagesTest {
    private static final String PAGE = "/pt/erros-de-conexao-caixa-de-entrada-calendario";

    private static Map<String, Object> headers(HttpResponse<String> r) {
        Map<String, Object> h = new TreeMap<>(r.headers().map());
        h.remove("date");
        return h;
    }

    @Test
    void theSecondRequestIsAnsweredExactlyAsTheFirst() {
        TestServer server = TestServer.shared();
        HttpResponse<String> first = server.get(PAGE + "?feedback=yes"); // another page: prepares nothing for PAGE
        assertThat(first.statusCode()).isEqualTo(200);
        HttpResponse<String> routed = server.get(PAGE);
        HttpResponse<String> cached = server.get(PAGE);
        assertThat(cached.statusCode()).isEqualTo(200);
        assertThat(cached.body()).isEqualTo(routed.body());
        assertThat(headers(cached)).isEqualTo(headers(routed));
        assertThat(cached.headers().firstValue("content-security-policy")).isPresent();

        String etag = cached.headers().firstValue("etag").orElseThrow();
        HttpResponse<String> again = server.get(PAGE, Map.of("If-None-Match", etag));
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        HttpResponse<String> gzip = server.get(PAGE, Map.of("Accept-Encoding", "gzip"));
        assertThat(gzip.headers().firstValue("content-encoding")).hasValue("gzip");
        assertThat(gzip.headers().firstValue("vary")).hasValue("Accept-Encoding");

        // The answer with a query string is the route's own: the thanks after a vote.
        assertThat(server.get(PAGE + "?feedback=yes").body()).isEqualTo(first.body()).isNotEqualTo(cached.body());
        // The same for a language's home and the consent page.
        for (String other : java.util.List.of("/pt/", "/en/admin-consent")) {
            HttpResponse<String> a = server.get(other);
            HttpResponse<String> b = server.get(other);
            assertThat(b.statusCode()).isEqualTo(200);
            assertThat(b.body()).isEqualTo(a.body());
            assertThat(headers(b)).isEqualTo(headers(a));
        }
        // A POST to the same path is not a page: the routes answer it.
        assertThat(server.post(PAGE, "", Map.of()).statusCode()).isNotEqualTo(200);
    }
}
