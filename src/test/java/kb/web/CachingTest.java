package kb.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.nio.file.Path;
import java.util.Optional;
import kb.Settings;
import kb.TestServer;
import kb.TestSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pages are answered from memory with strong ETags, 304s and gzip. */
class CachingTest {
    static TestServer server;
    static TestServer replica;

    @BeforeAll
    static void start() {
        // Replicas behind one load balancer publish the same public address.
        Settings settings = TestSettings.of(Path.of("content"), Optional.of(URI.create("https://help.example.com")));
        server = new TestServer(settings);
        replica = new TestServer(settings);
    }

    @AfterAll
    static void stop() {
        server.close();
        replica.close();
    }

    @Test
    void articleAndHomeCarryAStrongEtagThatTwoReplicasAgreeOn() {
        for (String path : new String[] {"/pt/", "/en/", SiteTest.PT, SiteTest.EN, "/pt/admin-consent"}) {
            String etag = server.get(path).headers().firstValue("ETag").orElse("");
            assertThat(etag).as(path).matches("\"[0-9a-f]{32}\"");
            assertThat(replica.get(path).headers().firstValue("ETag")).as(path).contains(etag);
        }
        assertThat(server.get(SiteTest.PT).headers().firstValue("ETag"))
                .isNotEqualTo(server.get(SiteTest.EN).headers().firstValue("ETag"));
    }

    @Test
    void ifNoneMatchGets304WithoutABody() {
        String etag = server.get(SiteTest.EN).headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = server.get(SiteTest.EN, Map.of("If-None-Match", etag));
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(server.get(SiteTest.EN, Map.of("If-None-Match", "\"other\", " + etag)).statusCode()).isEqualTo(304);
        assertThat(server.get(SiteTest.EN, Map.of("If-None-Match", "\"stale\"")).statusCode()).isEqualTo(200);
    }

    @Test
    void htmlIsRevalidatedSoonAndGzippedWhenAccepted() throws IOException, InterruptedException {
        HttpResponse<String> plain = server.get(SiteTest.PT);
        assertThat(plain.headers().firstValue("Cache-Control").orElse("")).contains("max-age=60").contains("must-revalidate");
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();

        HttpResponse<byte[]> gz = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.base() + SiteTest.PT)).header("Accept-Encoding", "gzip, br").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gz.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(gz.headers().firstValue("Vary").orElse("")).contains("Accept-Encoding");
        String unzipped = new String(new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(unzipped).isEqualTo(plain.body());
        assertThat(gz.body().length).isLessThan(plain.body().length() / 2);

        assertThat(server.get(SiteTest.PT, Map.of("Accept-Encoding", "gzip;q=0")).headers().firstValue("Content-Encoding")).isEmpty();
    }
}
