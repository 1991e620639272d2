package kb;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** The real site, started the way the jar starts it, on a free port; for end-to-end tests. */
public final class TestServer implements AutoCloseable {
    private final Javalin app;
    private final Path contentDir;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public TestServer(Path content) {
        this(new Settings(0, content));
    }

    /** With settings of the test's choosing, such as a public base URL; the port should be 0. */
    public TestServer(Settings settings) {
        this.app = Main.start(settings);
        this.contentDir = settings.contentDir();
    }

    /** The content folder it serves. */
    public Path contentDir() {
        return contentDir;
    }

    /** A server of its own on the shipped content folder, for tests that change or stop it. */
    public static TestServer shipped() {
        return new TestServer(Path.of("content"));
    }

    private static TestServer shared;

    /**
     * One server on the shipped content for every test class that only reads pages: started on
     * first use, stopped when the test JVM exits.
     */
    public static synchronized TestServer shared() {
        if (shared == null) {
            shared = shipped();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "shared-test-server-stop"));
        }
        return shared;
    }

    public String base() {
        return "http://localhost:" + app.port();
    }

    public HttpResponse<String> get(String path) {
        return get(path, Map.of());
    }

    public HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(20));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends the path bytes exactly as given, for paths that java.net.URI would refuse or normalise. */
    public String rawStatusLine(String rawPath) {
        try (java.net.Socket socket = new java.net.Socket("localhost", app.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + rawPath + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            String all = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Document page(String path) {
        HttpResponse<String> response = get(path);
        return Jsoup.parse(response.body(), base() + path);
    }

    @Override
    public void close() {
        app.stop();
    }
}
