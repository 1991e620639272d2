package kb.insights.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import kb.PageTypes;
import kb.Settings;
import kb.TestServer;
import kb.TestSettings;
import kb.insights.Db;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The support team's page: who may see it, in which language, what it shows and exports, and that no public page links to it. */
class InsightsPageTest {
    static final String PT = "/pt/erros-de-conexao-caixa-de-entrada-calendario";
    static final String EN = "/en/inbox-calendar-connection-errors";
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.shipped();
        String db = Db.sqlite(server.dataDir());
        String[][] votes = {{EN, "en", "no", "outdated", "Screens changed"}, {EN, "en", "no", "unclear", "=1+1"}, {EN, "en", "yes", null, null},
            {PT, "pt", "yes", null, null}};
        int reader = 1;
        for (String[] v : votes) {
            server.post("/api/feedback", "{\"lang\":\"" + v[1] + "\",\"article\":\"" + v[0] + "\",\"helpful\":\"" + v[2] + "\""
                    + (v[3] == null ? "" : ",\"reason\":\"" + v[3] + "\",\"comment\":\"" + v[4] + "\"") + "}",
                    Map.of("Content-Type", "application/json", "X-Forwarded-For", "198.51.100." + reader++));
        }
        server.get("/en/search?q=qwxzvv+kkjjq");
        server.get("/en/search?q=qwxzvv+kkjjq");
        String id = server.page("/en/search?q=calendar").select("[data-search-id]").attr("data-search-id");
        server.post("/api/search/click", "search=" + id + "&url=" + EN + "&position=1", Map.of("Content-Type", "application/x-www-form-urlencoded"));
        server.get("/pt/search?q=caixa+de+entrada");
        server.get("/api/search?lang=pt&q=office");
        Db.awaitCount(db, 4, "SELECT COUNT(*) FROM votes");
        Db.awaitCount(db, 5, "SELECT COUNT(*) FROM searches");
        Db.awaitCount(db, 1, "SELECT COUNT(*) FROM search_clicks");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void withoutCredentialsTheBrowserIsAskedForThem() {
        HttpResponse<String> r = server.get("/insights");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic realm=");
        assertThat(r.headers().firstValue("X-Robots-Tag")).contains("noindex, nofollow");
        for (String path : List.of("/insights/feedback.csv", "/insights/searches.csv")) {
            assertThat(server.get(path).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void wrongPasswordsGet401AndThenManyInARow429EvenWithTheRightOne() {
        Map<String, String> wrong = Map.of("Authorization", basic("admin", "guess"), "X-Forwarded-For", "203.0.113.50");
        for (int i = 0; i < Access.FAILURES_BEFORE_BLOCK; i++) {
            assertThat(server.get("/insights", wrong).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> blocked = server.get("/insights", Map.of("Authorization", basic("admin", TestServer.INSIGHTS_PASSWORD),
                "X-Forwarded-For", "203.0.113.50"));
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(blocked.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, Access.BLOCK_SECONDS);
        // Others are not locked out; another user name with the right password is still wrong.
        assertThat(server.get("/insights", Map.of("Authorization", basic("root", TestServer.INSIGHTS_PASSWORD))).statusCode()).isEqualTo(401);
        assertThat(server.get("/insights", Map.of("Authorization", "Basic !!!not-base64")).statusCode()).isEqualTo(401);
        assertThat(server.insights("/insights").statusCode()).isEqualTo(200);
    }

    @Test
    void theLanguageComesFromTheQueryOrAcceptLanguage() {
        assertThat(Jsoup.parse(server.insights("/insights?lang=en").body()).select("h1").text()).isEqualTo("Insights");
        Document pt = Jsoup.parse(server.insights("/insights?lang=pt").body());
        assertThat(pt.select("html").attr("lang")).isEqualTo("pt-BR");
        assertThat(pt.select("#top-title").text()).isEqualTo("Pesquisas mais frequentes");
        HttpResponse<String> accept = server.get("/insights", Map.of("Authorization", basic("admin", TestServer.INSIGHTS_PASSWORD),
                "Accept-Language", "en-GB,en;q=0.8"));
        assertThat(Jsoup.parse(accept.body()).select("#top-title").text()).isEqualTo("Top searches");
        assertThat(server.insights("/insights?lang=de").statusCode()).isEqualTo(400);
    }

    @Test
    void itShowsRatiosReasonsCommentsAndTheSearchesToActOn() {
        HttpResponse<String> r = server.insights("/insights?lang=en");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        Document page = Jsoup.parse(r.body());
        assertThat(page.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
        assertThat(page.select("link[rel=canonical]")).isEmpty();
        // The worst article first: 3 answers, 1 yes, 33 %, its reasons and latest comments.
        var first = page.select(".insights-articles tbody tr").first();
        assertThat(first.select("th a").attr("href")).isEqualTo(EN);
        assertThat(first.text()).contains("3 (1 / 2)").contains("33 %").contains("It is out of date: 1").contains("It is hard to understand: 1")
                .contains("Screens changed").contains("=1+1");
        var noResult = page.select("section[aria-labelledby=noresult-title] tbody tr");
        assertThat(noResult.text()).as(noResult.outerHtml()).contains("qwxzvv kkjjq");
        assertThat(noResult.first().select("td").first().text()).isEqualTo("2");
        // Clicked searches are not in the no-click list; API searches (no clicks reported) are not either.
        String noClick = page.select("section[aria-labelledby=noclick-title]").text();
        assertThat(noClick).contains("caixa de entrada").doesNotContain("calendar").doesNotContain("office");
        assertThat(page.select("svg.chart")).hasSize(2);
        assertThat(page.select("svg.chart rect.series-no")).isNotEmpty();
        assertThat(page.select(".insights-trend-table tbody tr")).hasSize(30);
    }

    @Test
    void filtersNarrowToALanguageAndAPeriodAndBadOnesGet400InThePagesLanguage() {
        Document pt = Jsoup.parse(server.insights("/insights?lang=en&content=pt&days=7").body());
        assertThat(pt.select(".insights-articles tbody tr")).hasSize(1);
        assertThat(pt.select("#insights-content option[selected]").val()).isEqualTo("pt");
        assertThat(pt.select("#insights-days option[selected]").val()).isEqualTo("7");
        HttpResponse<String> bad = server.insights("/insights?lang=en&days=0");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(bad.body()).select("[role=alert]").text()).isEqualTo("The period must be a whole number of days from 1 to 3,650.");
        HttpResponse<String> badPt = server.insights("/insights?lang=pt&content=fr");
        assertThat(badPt.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(badPt.body()).select("[role=alert]").text()).isEqualTo("O idioma do conteúdo deve ser all ou um dos idiomas do site.");
    }

    @Test
    void theExportsStartWithAHeaderRowAndNeutraliseFormulas() {
        HttpResponse<String> feedback = server.insights("/insights/feedback.csv?content=en");
        assertThat(feedback.headers().firstValue("Content-Type")).contains("text/csv; charset=utf-8");
        assertThat(feedback.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment; filename=\"kb-feedback-");
        String[] lines = feedback.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("date,time_utc,language,article,helpful,reason,comment");
        assertThat(lines).hasSize(4);
        assertThat(feedback.body()).contains(",en," + EN + ",no,unclear,'=1+1\r\n");
        String searches = server.insights("/insights/searches.csv").body();
        assertThat(searches).startsWith("date,time_utc,language,query,results,source,opened_url,opened_position\r\n");
        assertThat(searches).contains(",en,calendar,").contains("," + EN + ",1\r\n");
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunStartWithAQuote() {
        assertThat(Csv.cell("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(Csv.cell("+1")).isEqualTo("'+1");
        assertThat(Csv.cell("-1")).isEqualTo("'-1");
        assertThat(Csv.cell("@x")).isEqualTo("'@x");
        assertThat(Csv.cell("\tx")).isEqualTo("'\tx");
        assertThat(Csv.cell("=a,b")).isEqualTo("\"'=a,b\"");
        assertThat(Csv.cell("say \"hi\"\nbye")).isEqualTo("\"say \"\"hi\"\"\nbye\"");
        assertThat(Csv.cell("plain")).isEqualTo("plain");
        assertThat(Csv.cell(null)).isEmpty();
    }

    @Test
    void noPublicPageLinksToIt() {
        for (String path : PageTypes.URLS) {
            String body = server.get(path).body();
            assertThat(body).as(path).doesNotContain("/insights");
        }
        assertThat(server.get("/sitemap.xml").body()).doesNotContain("insights");
        assertThat(server.get("/robots.txt").body()).doesNotContain("insights");
    }

    @Test
    void aPasswordIsGeneratedIntoTheDataFolderWhenNoneIsSet() throws Exception {
        Path data = Files.createTempDirectory("kb-insights-password");
        Settings settings = TestSettings.withDataDir(TestSettings.of(Path.of("content")), data);
        try (TestServer own = TestServer.withoutInsightsPassword(settings)) {
            Path file = data.resolve(Access.PASSWORD_FILE);
            String password = Files.readString(file).strip();
            assertThat(password).hasSizeGreaterThanOrEqualTo(20);
            assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                    java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
            // The schema is made in the background: /insights answers 503 until then.
            Db.await(Db.sqlite(data), Duration.ofSeconds(20), rows -> !rows.isEmpty(), "SELECT 1 FROM flyway_schema_history");
            assertThat(own.get("/insights", Map.of("Authorization", basic("admin", password))).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aDataFolderThatIsAFileLeavesInsightsClosedInsteadOfLoopingForever() throws Exception {
        Path notAFolder = Files.createTempFile("kb-data", ".txt");
        try {
            Settings settings = TestSettings.withDataDir(TestSettings.of(Path.of("content")), notAFolder);
            // "Already exists" from making the folder is not another process's password file.
            assertThat(Access.password(settings.insights(), notAFolder)).isEmpty();
            assertThat(Access.password(settings.insights(), notAFolder.resolve("deeper"))).isEmpty();
        } finally {
            Files.deleteIfExists(notAFolder);
        }
    }
}
