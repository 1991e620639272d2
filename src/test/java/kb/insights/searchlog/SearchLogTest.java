package kb.insights.searchlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import kb.TestServer;
import kb.insights.Db;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What is recorded of searches: the settled query, normalised, with its source, result count and the result opened. */
class SearchLogTest {
    static final String PT = "/pt/erros-de-conexao-caixa-de-entrada-calendario";
    static TestServer server;
    static String db;

    @BeforeAll
    static void start() {
        server = TestServer.shipped();
        db = Db.sqlite(server.dataDir());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<List<Object>> search(String query) {
        return Db.await(db, Duration.ofSeconds(20), r -> !r.isEmpty(),
                "SELECT lang, results, source, id FROM searches WHERE query_text = ?", query);
    }

    @Test
    void theResultsPageRecordsTheNormalisedQueryAndCarriesItsIdForTheClick() {
        Document page = server.page("/pt/search?q=" + "%20%20Conex%C3%A3o%0A%20CAIXA%20");
        String id = page.select("[data-search-id]").attr("data-search-id");
        assertThat(id).matches("[0-9a-f]{32}");
        List<Object> row = search("conexão caixa").get(0);
        assertThat(row).containsExactly("pt", row.get(1), "page", id);
        assertThat(((Number) row.get(1)).intValue()).isPositive();
        // Later pages are the same search read further: not counted again, no id.
        assertThat(server.page("/pt/search?q=office&page=2").select("[data-search-id]")).isEmpty();
        // The reader opens the second card: one beacon.
        assertThat(server.post("/api/search/click", "search=" + id + "&url=" + PT + "%23tenant-admin-consent&position=2",
                Map.of("Content-Type", "application/x-www-form-urlencoded")).statusCode()).isEqualTo(204);
        Db.awaitCount(db, 1, "SELECT COUNT(*) FROM search_clicks WHERE search_id = ? AND click_position = 2 AND url = ?", id,
                PT + "#tenant-admin-consent");
    }

    @Test
    void anEmptyQueryIsNotASearchAndNoResultIsRecordedAsZero() {
        server.get("/en/search?q=");
        server.get("/en/search?q=%20%20");
        server.get("/en/search?q=qwxzvv+nothing");
        assertThat(search("qwxzvv nothing").get(0).get(1)).isEqualTo(0);
        assertThat(Db.rows(db, "SELECT COUNT(*) FROM searches WHERE query_text = ''").get(0).get(0)).isEqualTo(0);
    }

    @Test
    void theApiRecordsItsCallsButNotInstantSearchKeystrokesNorBrowserSuggestions() {
        server.get("/api/search?lang=en&q=Calendar+Permissions");
        assertThat(search("calendar permissions").get(0).get(2)).isEqualTo("api");
        server.get("/api/search?lang=en&q=cale", Map.of("X-Search-Source", "instant"));
        server.get("/api/search?lang=en&q=calen", Map.of("Accept", "application/x-suggestions+json"));
        server.get("/api/search?lang=en&q=marker+after+keystrokes");
        search("marker after keystrokes");
        assertThat(Db.rows(db, "SELECT COUNT(*) FROM searches WHERE query_text IN ('cale', 'calen')").get(0).get(0)).isEqualTo(0);
    }

    @Test
    void instantSearchReportsTheQueryTheReaderSettledOnWithTheResultOpened() {
        assertThat(server.post("/api/search/instant", "lang=pt&q=Tenant+ID&results=4&url=" + PT + "&position=1",
                Map.of("Content-Type", "application/x-www-form-urlencoded")).statusCode()).isEqualTo(204);
        List<Object> row = search("tenant id").get(0);
        assertThat(row.subList(0, 3)).containsExactly("pt", 4, "instant");
        Db.awaitCount(db, 1, "SELECT COUNT(*) FROM search_clicks WHERE search_id = ? AND click_position = 1", row.get(3));
        // Left the box without opening anything: recorded, no click.
        server.post("/api/search/instant", "lang=en&q=gmail+blocked&results=1", Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(search("gmail blocked").get(0).get(2)).isEqualTo("instant");
    }

    @Test
    void beaconsRefuseWhatIsNotAClickOnThisSite() {
        Map<String, String> form = Map.of("Content-Type", "application/x-www-form-urlencoded");
        for (String body : List.of("search=nothex&url=/pt/&position=1", "search=0123456789abcdef0123456789abcdef&url=https://evil.example/&position=1",
                "search=0123456789abcdef0123456789abcdef&url=//evil.example/&position=1",
                "search=0123456789abcdef0123456789abcdef&url=/pt/&position=0", "lang=xx&q=a&results=1", "lang=pt&q=a&results=-1",
                "lang=pt&q=&results=1", "lang=pt&q=a&results=1&url=/pt/")) {
            String path = body.startsWith("search") ? "/api/search/click" : "/api/search/instant";
            assertThat(server.post(path, body, form).statusCode()).as(body).isEqualTo(400);
        }
        assertThat(server.post("/api/search/click", "search=0123456789abcdef0123456789abcdef&url=/pt/&position=1",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Sec-Fetch-Site", "cross-site")).statusCode()).isEqualTo(403);
    }

    @Test
    void queriesAreStoredAsOneLowerCaseLineOfAtMost200Characters() {
        assertThat(Queries.normalise("  Conexão\n\tCAIXA  ")).isEqualTo("conexão caixa");
        assertThat(Queries.normalise("conexa\u0303o")).isEqualTo("conexão");
        assertThat(Queries.normalise("a\u0000b")).isEqualTo("ab");
        assertThat(Queries.normalise("x".repeat(5000))).hasSize(200);
        assertThat(Queries.normalise("🙂".repeat(300)).codePointCount(0, Queries.normalise("🙂".repeat(300)).length())).isEqualTo(200);
    }
}
