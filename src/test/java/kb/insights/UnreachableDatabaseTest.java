package kb.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import kb.TestServer;
import kb.TestSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A database that accepts connections and never answers (the worst kind of slow): the site starts
 * anyway, and pages, search, the consent form and votes answer as fast as without it, while the
 * votes wait in the queue and /metrics says so.
 */
class UnreachableDatabaseTest {
    static final String PT = "/pt/erros-de-conexao-caixa-de-entrada-calendario";
    static ServerSocket blackHole;
    static final List<Socket> held = Collections.synchronizedList(new ArrayList<>());
    static TestServer server;

    @BeforeAll
    static void start() throws IOException {
        blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(() -> {
            while (!blackHole.isClosed()) {
                try {
                    held.add(blackHole.accept()); // read nothing, answer nothing
                } catch (IOException e) {
                    return;
                }
            }
        }, "black-hole-database");
        accept.setDaemon(true);
        accept.start();
        server = new TestServer(TestSettings.withDatabaseUrl(TestSettings.of(Path.of("content")),
                "jdbc:postgresql://127.0.0.1:" + blackHole.getLocalPort() + "/kb?user=kb"));
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        blackHole.close();
        for (Socket s : held) {
            s.close();
        }
    }

    @Test
    void startsAndAnswersAsFastAsEverWhileTheDatabaseHangs() {
        assertThat(server.get("/health").statusCode()).isEqualTo(200);
        List<Long> slowest = new ArrayList<>();
        List<Supplier<HttpResponse<String>>> requests = List.of(
                () -> server.get(PT),
                () -> server.get("/pt/search?q=conexao+caixa"),
                () -> server.get("/api/search?lang=en&q=calendar"),
                () -> server.get("/en/admin-consent?tenant=contoso.onmicrosoft.com"),
                () -> server.post("/api/feedback", "{\"lang\":\"pt\",\"article\":\"" + PT + "\",\"helpful\":\"yes\"}",
                        Map.of("Content-Type", "application/json", "X-Forwarded-For", "192.0.2." + slowest.size() % 200)),
                () -> server.post("/pt/feedback", "article=" + PT + "&helpful=no",
                        Map.of("Content-Type", "application/x-www-form-urlencoded", "X-Forwarded-For", "192.0.2.200")));
        for (int round = 0; round < 6; round++) {
            for (Supplier<HttpResponse<String>> r : requests) {
                long start = System.nanoTime();
                HttpResponse<String> answer = r.get();
                // The first round warms the JVM up (templates, classes): not counted.
                if (round > 0) {
                    slowest.add((System.nanoTime() - start) / 1_000_000);
                }
                assertThat(answer.statusCode()).isBetween(200, 303);
            }
        }
        // The database's own timeouts are 2 s and more: anything waiting on it would show here.
        assertThat(Collections.max(slowest)).as("slowest answer, ms").isLessThan(1500);
        System.out.println("database hanging: " + slowest.size() + " requests, slowest " + Collections.max(slowest) + " ms");
        String metrics = server.get("/metrics").body();
        assertThat(metrics).contains("kb_insights_database_up 0.0");
        // 6 rounds of 2 votes and 2 searches (results page and API) wait; nothing is lost yet.
        assertThat(metrics).contains("kb_insights_queue_length 24.0");
        assertThat(metrics).contains("kb_insights_queue_overflow_total 0.0");
    }

    @Test
    void manyReportsAskedAtOnceDoNotTakeTheReadersThreads() throws Exception {
        // More asks than the site has request threads: each would wait on the database.
        int asks = kb.web.RequestThreads.size(Runtime.getRuntime().availableProcessors()) + 4;
        java.util.concurrent.ExecutorService admins = java.util.concurrent.Executors.newFixedThreadPool(asks);
        try {
            List<java.util.concurrent.Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < asks; i++) {
                answers.add(admins.submit(() -> server.insights("/insights?lang=en")));
            }
            Thread.sleep(500);
            long start = System.nanoTime();
            HttpResponse<String> search = server.get("/api/search?lang=en&q=calendar");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(search.statusCode()).isEqualTo(200);
            assertThat(millis).as("a search while " + asks + " reports wait on the database, ms").isLessThan(1500);
            int busy = 0;
            for (var answer : answers) {
                HttpResponse<String> page = answer.get(30, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(page.statusCode()).isEqualTo(503);
                if (page.body().contains("Other insights reports are being read")) {
                    busy++;
                    assertThat(page.headers().firstValue("Retry-After")).contains("5");
                } else {
                    assertThat(page.body()).contains("The insights database cannot be reached right now.");
                }
            }
            assertThat(busy).as("asks told to come back at once").isGreaterThanOrEqualTo(asks - kb.insights.report.InsightsPage.CONCURRENT_READS);
        } finally {
            admins.shutdownNow();
        }
    }

    @Test
    void insightsSaysTheDatabaseIsAwayInsteadOfHanging() {
        long start = System.nanoTime();
        HttpResponse<String> page = server.insights("/insights?lang=en");
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body()).contains("The insights database cannot be reached right now.");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(6000);
    }
}
