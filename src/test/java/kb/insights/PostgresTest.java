package kb.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kb.Settings;
import kb.TestServer;
import kb.TestSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same site on a real PostgreSQL (a throwaway cluster of Debian's package): the migrations,
 * two replicas (two servers in this JVM) writing to one database and sharing the day's reader
 * salt, the insights page and exports read from it, and an outage during votes with nothing lost.
 */
class PostgresTest {
    static final String PT = "/pt/erros-de-conexao-caixa-de-entrada-calendario";
    static final String EN = "/en/inbox-calendar-connection-errors";
    static PostgresCluster cluster;
    static String url;
    static TestServer replica1;
    static TestServer replica2;

    @BeforeAll
    static void start() {
        cluster = PostgresCluster.start();
        url = cluster.createDatabase("kb_replicas");
        Settings settings = TestSettings.withDatabaseUrl(TestSettings.of(Path.of("content")), url);
        replica1 = new TestServer(settings);
        replica2 = new TestServer(settings);
    }

    @AfterAll
    static void stop() {
        if (replica1 != null) {
            replica1.close();
        }
        if (replica2 != null) {
            replica2.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    static HttpResponse<String> vote(TestServer replica, String address, String article, String lang, String helpful, String comment) {
        String json = "{\"lang\":\"" + lang + "\",\"article\":\"" + article + "\",\"helpful\":\"" + helpful + "\""
                + (comment == null ? "" : ",\"comment\":\"" + comment + "\"") + "}";
        return replica.post("/api/feedback", json, Map.of("Content-Type", "application/json", "X-Forwarded-For", address));
    }

    @Test
    void theMigrationsBuildTheSchemaOnPostgresql() {
        Db.awaitCount(url, 1, "SELECT COUNT(*) FROM flyway_schema_history WHERE success = TRUE AND version = '1'");
        assertThat(Db.rows(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name"))
                .extracting(r -> r.get(0)).contains("reader_salts", "search_clicks", "searches", "votes");
    }

    @Test
    void votesSentToBothReplicasLandInTheOneDatabaseAndAReaderIsOneReaderOnEither() {
        for (int i = 0; i < 5; i++) {
            assertThat(vote(replica1, "198.18.0." + i, EN, "en", "yes", null).statusCode()).isEqualTo(201);
            assertThat(vote(replica2, "198.18.1." + i, EN, "en", "no", "replica two " + i).statusCode()).isEqualTo(201);
        }
        Db.awaitCount(url, 10, "SELECT COUNT(*) FROM votes WHERE comment_text LIKE 'replica two %' OR (helpful = 1 AND article = ?)", EN);
        // One reader votes through replica 1, changes their mind through replica 2: the replicas share the
        // day's salt through the database, so it is one reader and one vote.
        vote(replica1, "198.18.2.1", PT, "pt", "yes", null);
        Db.awaitCount(url, 1, "SELECT COUNT(*) FROM votes WHERE article = ? AND helpful = 1", PT);
        vote(replica2, "198.18.2.1", PT, "pt", "no", "changed my mind");
        Db.awaitCount(url, 1, "SELECT COUNT(*) FROM votes WHERE article = ? AND comment_text = 'changed my mind'", PT);
        assertThat(Db.rows(url, "SELECT COUNT(*) FROM votes WHERE article = ? AND helpful = 1", PT).get(0).get(0)).isEqualTo(0L);
        assertThat(Db.rows(url, "SELECT COUNT(*) FROM reader_salts").get(0).get(0)).isEqualTo(1L);
    }

    @Test
    void insightsAndItsExportsReadFromPostgresql() {
        vote(replica2, "198.18.3.1", EN, "en", "no", "=cmd|' /C calc'!A0 <script>x</script>\\u0000");
        replica1.get("/en/search?q=nothing+matches+xyzzyq");
        replica2.get("/api/search?lang=pt&q=caixa+de+entrada");
        Db.awaitCount(url, 1, "SELECT COUNT(*) FROM searches WHERE query_text = 'nothing matches xyzzyq' AND results = 0");
        Db.awaitCount(url, 1, "SELECT COUNT(*) FROM votes WHERE comment_text LIKE '=cmd%'");
        for (TestServer replica : List.of(replica1, replica2)) {
            HttpResponse<String> page = replica.insights("/insights?lang=en&content=all&days=7");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("nothing matches xyzzyq").contains("=cmd|&#39; /C calc&#39;!A0 &lt;script&gt;x&lt;/script&gt;");
            assertThat(replica.insights("/insights/feedback.csv?content=en").body())
                    .startsWith("date,time_utc,language,article,helpful,reason,comment\r\n").contains(",'=cmd|' /C calc'!A0");
            assertThat(replica.insights("/insights/searches.csv").body()).startsWith("date,time_utc,language,query,results,source")
                    .contains(",nothing matches xyzzyq,0,page,");
        }
    }

    /**
     * The database goes away while readers vote on both replicas: every answer is still 201 at once,
     * the votes wait in each replica's queue (seen in /metrics), and all land when it is back.
     */
    @Test
    void anOutageDuringVotesLosesNothing() {
        long before = ((Number) Db.rows(url, "SELECT COUNT(*) FROM votes").get(0).get(0)).longValue();
        cluster.stop();
        try {
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                long start = System.nanoTime();
                assertThat(vote(i % 2 == 0 ? replica1 : replica2, "198.18.4." + i, PT, "pt", "no", "during the outage " + i)
                        .statusCode()).isEqualTo(201);
                millis.add((System.nanoTime() - start) / 1_000_000);
                assertThat(replica1.get(PT).statusCode()).isEqualTo(200);
                assertThat(replica2.get("/pt/search?q=conexao").statusCode()).isEqualTo(200);
            }
            assertThat(millis).as("votes answered without waiting for the database").allSatisfy(ms -> assertThat(ms).isLessThan(1000));
            awaitMetric(replica1, "kb_insights_queue_length", v -> v >= 3);
            awaitMetric(replica2, "kb_insights_queue_length", v -> v >= 3);
            awaitMetric(replica1, "kb_insights_write_errors_total", v -> v >= 1);
            assertThat(replica1.insights("/insights").statusCode()).isEqualTo(503);
        } finally {
            cluster.startServer();
        }
        Db.awaitCount(url, before + 6, "SELECT COUNT(*) FROM votes");
        Db.awaitCount(url, 6, "SELECT COUNT(*) FROM votes WHERE comment_text LIKE 'during the outage %'");
        awaitMetric(replica1, "kb_insights_queue_length", v -> v == 0);
        awaitMetric(replica2, "kb_insights_queue_length", v -> v == 0);
        assertThat(metric(replica1, "kb_insights_queue_overflow_total")).isEqualTo(0);
    }

    static double metric(TestServer server, String name) {
        for (String line : server.get("/metrics").body().split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Double.NaN;
    }

    static void awaitMetric(TestServer server, String name, java.util.function.DoublePredicate check) {
        long end = System.nanoTime() + 30_000_000_000L;
        double v = metric(server, name);
        while (!check.test(v)) {
            if (System.nanoTime() > end) {
                throw new AssertionError(name + " is still " + v);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            v = metric(server, name);
        }
    }

}
