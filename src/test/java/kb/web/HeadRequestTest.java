package kb.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import kb.TestServer;
import org.junit.jupiter.api.Test;

/**
 * A HEAD request is answered as the GET of the same URL would be, without the body (RFC 9110):
 * monitors, link checkers and caches ask this way. The same status and headers, page prepared
 * or not. Another method is told which ones the URL takes (405 with {@code Allow}).
 */
class HeadRequestTest {
    private static final TestServer server = TestServer.shared();
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> head(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.base() + path)).timeout(Duration.ofSeconds(20))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void sameAsGet(HttpResponse<String> head, HttpResponse<String> get, String path) {
        assertThat(head.statusCode()).as(path).isEqualTo(get.statusCode());
        assertThat(head.body()).as(path).isEmpty();
        for (String name : List.of("content-type", "etag", "cache-control", "location", "content-security-policy")) {
            assertThat(head.headers().firstValue(name)).as(path + " " + name).isEqualTo(get.headers().firstValue(name));
        }
        get.headers().firstValue("content-length").ifPresent(length ->
                assertThat(head.headers().firstValue("content-length")).as(path + " content-length").hasValue(length));
    }

    @Test
    void headAnswersAsGetWouldWithoutTheBody() throws Exception {
        String article = "/en/find-tenant-id";
        // With a query string the route answers (prepared pages are only those without one).
        HttpResponse<String> routed = head(article + "?ref=mail");
        HttpResponse<String> get = server.get(article + "?ref=mail");
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        sameAsGet(routed, get, article + " (route)");
        // Without one, once a GET has prepared it, from the prepared pages.
        server.get(article);
        sameAsGet(head(article), server.get(article), article + " (prepared)");
        for (String path : List.of("/", "/pt/", "/health", "/sitemap.xml", "/en/search?q=consent", "/pt/feed.xml", "/en/no-such-article")) {
            sameAsGet(head(path), server.get(path), path);
        }
    }

    @Test
    void anotherMethodIsToldWhichOnesTheUrlTakesWithoutItsPathRepeated() throws Exception {
        for (String method : List.of("DELETE", "PUT", "PATCH", "OPTIONS", "POST")) {
            String path = "/en/find-tenant-id<b>" + method;
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.base() + "/en/find-tenant-id%3Cb%3E" + method))
                    .timeout(Duration.ofSeconds(20)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(method).isEqualTo(405);
            assertThat(r.headers().firstValue("allow")).as(method).hasValueSatisfying(allow ->
                    assertThat(allow).contains("GET").contains("HEAD").doesNotContain(method.equals("POST") ? "POST" : method));
            assertThat(r.body()).as(method).contains("Method not allowed").contains("Método não permitido")
                    .doesNotContain("find-tenant-id").doesNotContain("<b>");
        }
        // A method no route takes at all, on a path no route takes either: the answer names neither.
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/nothing-here"))
                .timeout(Duration.ofSeconds(20)).method("DELETE", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isBetween(400, 499);
        assertThat(r.body()).doesNotContain("nothing-here").doesNotContain("DELETE");
    }
}
