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
        this(TestSettings.of(content));
    }

    /**
     * With settings of the test's choosing, such as a public base URL; the port should be 0. Unless
     * the test names a data folder of its own (an absolute path), the server writes into a fresh
     * temporary one, never into the working tree's {@code data/}.
     */
    public TestServer(Settings settings) {
        this(settings, true);
    }

    private TestServer(Settings settings, boolean testPassword) {
        this.temporary = !settings.dataDir().isAbsolute();
        this.dataDir = temporary ? temporaryDataDir() : settings.dataDir();
        Settings inData = TestSettings.withDataDir(settings, dataDir);
        this.app = Main.start(settings.insights().password().isPresent() || !testPassword
                ? inData : TestSettings.withInsightsPassword(inData, INSIGHTS_PASSWORD));
        this.contentDir = settings.contentDir();
    }

    /** The content folder it serves. */
    public Path contentDir() {
        return contentDir;
    }

    /** A server given no insights password, as an operator starts it at first: one is generated into the data folder. */
    public static TestServer withoutInsightsPassword(Settings settings) {
        return new TestServer(settings, false);
    }

    /** The password of /insights on test servers, unless the test's settings name another. */
    public static final String INSIGHTS_PASSWORD = "test-insights-password";

    private final Path dataDir;
    private final boolean temporary;

    private static Path temporaryDataDir() {
        try {
            return java.nio.file.Files.createTempDirectory("kb-test-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where this server writes (its embedded database, generated secrets). */
    public Path dataDir() {
        return dataDir;
    }

    public int port() {
        return app.port();
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
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                // A pooled keep-alive connection the server had already closed answers nothing at
                // all; browsers send the request again on a new connection, and so does this client,
                // once. Any answer, or any other failure, is the test's.
                if (e.getMessage() == null || !e.getMessage().contains("received no bytes")) {
                    throw e;
                }
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            }
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

    /** A POST with a body and headers of the test's choosing (Content-Type among them). */
    public HttpResponse<String> post(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                // A pooled keep-alive connection the server had already closed answers nothing at
                // all; browsers send the request again on a new connection, and so does this client,
                // once. Any answer, or any other failure, is the test's.
                if (e.getMessage() == null || !e.getMessage().contains("received no bytes")) {
                    throw e;
                }
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until this server's insights writer has written every row it was given (its queue is empty). */
    public void awaitInsightsWritten() {
        long end = System.nanoTime() + 20_000_000_000L;
        while (!get("/metrics").body().contains("\nkb_insights_queue_length 0.0")) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the insights queue did not empty in 20 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A GET of /insights (or its exports) with the test servers' credentials. */
    public HttpResponse<String> insights(String pathAndQuery) {
        return get(pathAndQuery, Map.of("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString(("admin:" + INSIGHTS_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }

    public Document page(String path) {
        HttpResponse<String> response = get(path);
        return Jsoup.parse(response.body(), base() + path);
    }

    @Override
    public void close() {
        app.stop();
        if (temporary) {
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temp folder left behind is harmless
            }
        }
    }
}
