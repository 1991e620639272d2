package kb.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kb.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The site answers on a few threads (RequestThreads): clients that send a request's body slowly,
 * more of them than there are threads, must not leave readers waiting, and a body that does
 * arrive in the end is still read whole.
 */
class SlowClientsTest {
    static final String PT = "/pt/erros-de-conexao-caixa-de-entrada-calendario";
    static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(java.nio.file.Path.of("content"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theThreadsAreFewAndGrowWithTheCores() {
        assertThat(RequestThreads.size(1)).isEqualTo(8);
        assertThat(RequestThreads.size(2)).isEqualTo(8);
        assertThat(RequestThreads.size(16)).isEqualTo(64);
    }

    @Test
    void bodiesThatNeverFinishDoNotHoldUpReaders() throws Exception {
        String body = "{\"lang\":\"pt\",\"article\":\"" + PT + "\",\"helpful\":\"yes\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        int stalled = RequestThreads.size(Runtime.getRuntime().availableProcessors()) * 2;
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < stalled; i++) {
                Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port());
                s.setSoTimeout(20_000);
                OutputStream out = s.getOutputStream();
                out.write(("POST /api/feedback HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "X-Forwarded-For: 198.51.100." + (i + 1) + "\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(bytes, 0, 10); // and then nothing, for now
                out.flush();
                sockets.add(s);
            }
            Thread.sleep(300); // let every one of them reach the server
            // Routes that run on the request threads (not prepared pages, which never wait on one).
            for (String path : List.of("/api/search?lang=pt&q=consentimento", "/pt/search?q=calendario",
                    "/en/admin-consent?tenant=contoso.onmicrosoft.com")) {
                long started = System.nanoTime();
                HttpResponse<String> answer = server.get(path);
                long millis = (System.nanoTime() - started) / 1_000_000;
                assertThat(answer.statusCode()).as(path).isEqualTo(200);
                // A thread blocked on a body waits for the connection's idle timeout (30 s).
                assertThat(millis).as(path + ", ms, with " + stalled + " bodies stalled").isLessThan(3000);
            }
            // A body that does arrive, late, is taken as if it had come at once.
            Socket late = sockets.get(0);
            late.getOutputStream().write(bytes, 10, bytes.length - 10);
            late.getOutputStream().flush();
            String answer = statusLine(late.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 2");
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
        // And the usual way still works.
        HttpResponse<String> vote = server.post("/api/feedback", body,
                Map.of("Content-Type", "application/json", "X-Forwarded-For", "198.51.100.200"));
        assertThat(vote.statusCode()).isBetween(200, 299);
    }

    /**
     * Crawlers that ask for a sitemap of many megabytes and read it slowly (here: not at all), more
     * of them than there are threads, must not leave readers waiting either: the sitemap is
     * written without a thread waiting on the socket.
     */
    @Test
    void readersThatNeverReadABigSitemapDoNotHoldUpOthers(@org.junit.jupiter.api.io.TempDir java.nio.file.Path content) throws Exception {
        // Long paths, each in both languages: about 1 KB of sitemap per URL.
        String tail = "-" + "m".repeat(200);
        for (int i = 0; i < 3_500; i++) {
            String key = "translationKey: k" + i + "\n";
            kb.ContentFiles.write(content, "pt/a" + i + tail + ".md", "---\ntitle: \"A " + i + "\"\n" + key + "---\n\nTexto.\n");
            kb.ContentFiles.write(content, "en/a" + i + tail + ".md", "---\ntitle: \"A " + i + "\"\n" + key + "---\n\nText.\n");
        }
        try (TestServer big = new TestServer(content)) {
            int size = big.get("/sitemap.xml").body().length();
            assertThat(size).as("sitemap bytes").isGreaterThan(6_000_000); // more than loopback's socket buffers take
            int stalled = RequestThreads.size(Runtime.getRuntime().availableProcessors()) * 2;
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < stalled; i++) {
                    Socket s = new Socket();
                    s.setReceiveBufferSize(4096);
                    s.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), big.port()));
                    // A query, so that nothing prepared for the bare path could be what answers.
                    s.getOutputStream().write(("GET /sitemap.xml?from=" + i + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    sockets.add(s); // and never read
                }
                Thread.sleep(3000); // time for every one of them to be answered as far as the socket takes
                for (String path : List.of("/api/search?lang=pt&q=texto", "/en/search?q=text", "/health")) {
                    long started = System.nanoTime();
                    HttpResponse<String> answer = big.get(path);
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    assertThat(answer.statusCode()).as(path).isEqualTo(200);
                    assertThat(millis).as(path + ", ms, with " + stalled + " sitemaps unread").isLessThan(3000);
                }
            } finally {
                for (Socket s : sockets) {
                    s.close();
                }
            }
        }
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString().trim();
    }
}
