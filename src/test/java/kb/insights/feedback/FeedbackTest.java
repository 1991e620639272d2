package kb.insights.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kb.TestServer;
import kb.insights.Db;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The feedback endpoints end to end, on the embedded database: the form without JavaScript and the
 * JSON API, one vote per reader per article per day, refusals in the page's language, cross-site
 * requests, the per-address limit. Each test votes from addresses of its own (a local proxy's
 * {@code X-Forwarded-For}), so tests do not share a reader or a rate limit.
 */
class FeedbackTest {
    static final String PT = "/pt/erros-de-conexao-caixa-de-entrada-calendario";
    static final String EN = "/en/inbox-calendar-connection-errors";
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

    static HttpResponse<String> form(String lang, String address, String body) {
        return server.post("/" + lang + "/feedback", body, Map.of("Content-Type", "application/x-www-form-urlencoded",
                "X-Forwarded-For", address));
    }

    static HttpResponse<String> api(String address, String json) {
        return server.post("/api/feedback", json, Map.of("Content-Type", "application/json", "X-Forwarded-For", address));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void withoutJavaScriptNoComesBackToTheArticleWithTheDetailsFormAndThenTheThanks() {
        HttpResponse<String> no = form("pt", "192.0.2.1", "article=" + enc(PT) + "&helpful=no");
        assertThat(no.statusCode()).isEqualTo(303);
        assertThat(no.headers().firstValue("Location")).contains(PT + "?feedback=no#feedback");

        Document page = server.page(PT + "?feedback=no");
        assertThat(page.select("#feedback .feedback-status").text()).isEqualTo("Obrigado por responder.");
        assertThat(page.select("#feedback form.feedback-vote").hasAttr("hidden")).isTrue();
        assertThat(page.select("#feedback form.feedback-details").hasAttr("hidden")).isFalse();
        assertThat(page.select("#feedback form.feedback-details input[name=reason]")).hasSize(4);

        HttpResponse<String> details = form("pt", "192.0.2.1", "article=" + enc(PT) + "&helpful=no&reason=outdated&comment="
                + enc("A tela mudou"));
        assertThat(details.headers().firstValue("Location")).contains(PT + "?feedback=sent#feedback");
        assertThat(server.page(PT + "?feedback=sent").select("#feedback .feedback-status").text())
                .isEqualTo("Obrigado: sua resposta nos ajuda a melhorar este artigo.");
        // The details replaced the first answer: one row, with the reason and the comment.
        List<List<Object>> rows = Db.await(db, java.time.Duration.ofSeconds(20), r -> r.size() == 1 && "outdated".equals(r.get(0).get(1)),
                "SELECT helpful, reason, comment_text, lang FROM votes WHERE article = ? AND comment_text = 'A tela mudou'", PT);
        assertThat(rows.get(0)).containsExactly(0, "outdated", "A tela mudou", "pt");
    }

    @Test
    void yesIsThankedAndEveryArticleCarriesTheFormInItsLanguage() {
        HttpResponse<String> yes = form("en", "192.0.2.2", "article=" + enc(EN) + "&helpful=yes");
        assertThat(yes.headers().firstValue("Location")).contains(EN + "?feedback=yes#feedback");
        assertThat(server.page(EN + "?feedback=yes").select("#feedback .feedback-status").text()).isEqualTo("Thank you! We are glad it helped.");

        Document article = server.page(EN);
        assertThat(article.select("form.feedback-vote fieldset legend").text()).isEqualTo("Was this article helpful?");
        assertThat(article.select("form.feedback-vote").attr("action")).isEqualTo("/en/feedback");
        assertThat(article.select("form.feedback-vote input[name=article]").val()).isEqualTo(EN);
        assertThat(article.select("form.feedback-vote button[name=helpful]")).extracting(e -> e.val()).containsExactly("yes", "no");
        assertThat(article.select(".feedback-status[role=status]")).hasSize(1);
        assertThat(server.page(PT).select("form.feedback-vote legend").text()).isEqualTo("Este artigo ajudou?");
    }

    @Test
    void theApiAnswers201AndOneReaderHasOneVotePerArticlePerDay() {
        String json = "{\"lang\":\"en\",\"article\":\"" + EN + "\",\"helpful\":\"yes\"}";
        server.awaitInsightsWritten();
        long before = count();
        HttpResponse<String> first = api("192.0.2.3", json);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.body()).contains("\"helpful\":\"yes\"");
        Db.awaitCount(db, before + 1, "SELECT COUNT(*) FROM votes");
        // No other vote is on its way: the newest row is this reader's.
        String reader = (String) Db.rows(db, "SELECT reader FROM votes ORDER BY voted_at DESC LIMIT 1").get(0).get(0);
        // The same reader changes their mind: replaced, not added.
        assertThat(api("192.0.2.3", "{\"lang\":\"en\",\"article\":\"" + EN + "\",\"helpful\":false}").statusCode()).isEqualTo(201);
        Db.await(db, java.time.Duration.ofSeconds(20), r -> r.size() == 1 && ((Number) r.get(0).get(0)).intValue() == 0,
                "SELECT helpful FROM votes WHERE reader = ? AND article = ?", reader, EN);
        assertThat(count()).isEqualTo(before + 1);
        // Another address, or the same address with another browser, is another reader.
        api("192.0.2.4", json);
        server.post("/api/feedback", json, Map.of("Content-Type", "application/json", "X-Forwarded-For", "192.0.2.3",
                "User-Agent", "another browser"));
        Db.awaitCount(db, before + 3, "SELECT COUNT(*) FROM votes");
    }

    @Test
    void nothingStoredNamesTheReadersAddressOrBrowser() {
        server.post("/api/feedback", "{\"lang\":\"pt\",\"article\":\"" + PT + "\",\"helpful\":\"yes\"}",
                Map.of("Content-Type", "application/json", "X-Forwarded-For", "203.0.113.77", "User-Agent", "Mozilla/5.0 UniqueAgent/77"));
        server.awaitInsightsWritten();
        for (List<Object> row : Db.rows(db, "SELECT * FROM votes")) {
            assertThat(row.toString()).doesNotContain("203.0.113.77").doesNotContain("UniqueAgent");
        }
        // The reader is a 64-hex-digit hash; the day's salt is in the database, shared by replicas.
        assertThat(Db.rows(db, "SELECT reader FROM votes")).allSatisfy(r -> assertThat((String) r.get(0)).matches("[0-9a-f]{64}"));
        assertThat(Db.rows(db, "SELECT day, salt FROM reader_salts")).isNotEmpty();
    }

    @Test
    void wrongAnswersGet400WithAMessageInThePagesLanguage() {
        HttpResponse<String> en = form("en", "192.0.2.5", "article=" + enc(EN) + "&helpful=maybe");
        assertThat(en.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(en.body()).select("[role=alert]").text()).isEqualTo("Answer Yes or No.");
        assertThat(Jsoup.parse(en.body()).select("html").attr("lang")).isEqualTo("en");
        HttpResponse<String> pt = form("pt", "192.0.2.5", "article=%2Fpt%2Fnada&helpful=yes");
        assertThat(pt.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(pt.body()).select("[role=alert]").text()).isEqualTo("Esse artigo não existe.");

        Map<String, String> cases = new HashMap<>();
        cases.put("{\"lang\":\"en\",\"article\":\"" + EN + "\",\"helpful\":\"no\",\"reason\":\"boring\"}", "reason_invalid");
        cases.put("{\"lang\":\"en\",\"article\":\"" + EN + "\",\"helpful\":\"no\",\"comment\":\"" + "x".repeat(1001) + "\"}", "comment_too_long");
        cases.put("{\"lang\":\"en\",\"article\":\"" + EN + "\",\"helpful\":\"yes\",\"reason\":\"unclear\"}", "details_need_no");
        cases.put("{\"lang\":\"en\",\"article\":\"" + PT + "\",\"helpful\":\"yes\"}", "article_unknown");
        cases.put("{\"lang\":\"xx\",\"article\":\"" + EN + "\",\"helpful\":\"yes\"}", "lang_invalid");
        cases.put("{\"lang\":\"en\",\"article\":[1],\"helpful\":\"yes\"}", "json_invalid");
        cases.put("[]", "json_invalid");
        cases.put("", "json_invalid");
        cases.forEach((body, code) -> {
            HttpResponse<String> r = api("192.0.2.6", body);
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertThat(r.body()).as(body).contains("\"error\":\"" + code + "\"").contains("\"message\":\"");
        });
        assertThat(api("192.0.2.6", cases.keySet().stream().filter(k -> k.contains("boring")).findFirst().orElseThrow()).body())
                .contains("Choose one of the listed problems, or none.");
    }

    @Test
    void aCommentOfAThousandCharactersEmojiIncludedIsTakenAndOneMoreIsNot() {
        String thousand = "🙂".repeat(1000);
        assertThat(api("192.0.2.7", "{\"lang\":\"pt\",\"article\":\"" + PT + "\",\"helpful\":\"no\",\"comment\":\"" + thousand + "\"}")
                .statusCode()).isEqualTo(201);
        assertThat(api("192.0.2.8", "{\"lang\":\"pt\",\"article\":\"" + PT + "\",\"helpful\":\"no\",\"comment\":\"" + thousand + "a\"}")
                .statusCode()).isEqualTo(400);
        Db.awaitCount(db, 1, "SELECT COUNT(*) FROM votes WHERE comment_text = ?", thousand);
    }

    @Test
    void anotherSitesPageCannotVote() {
        String json = "{\"lang\":\"pt\",\"article\":\"" + PT + "\",\"helpful\":\"yes\"}";
        for (Map<String, String> headers : List.of(Map.of("Origin", "https://evil.example"), Map.of("Sec-Fetch-Site", "cross-site"),
                Map.of("Sec-Fetch-Site", "same-site"), Map.of("Origin", "null"))) {
            Map<String, String> h = new HashMap<>(headers);
            h.put("Content-Type", "application/json");
            h.put("X-Forwarded-For", "192.0.2.9");
            assertThat(server.post("/api/feedback", json, h).statusCode()).as(headers.toString()).isEqualTo(403);
            h.put("Content-Type", "application/x-www-form-urlencoded");
            HttpResponse<String> page = server.post("/pt/feedback", "article=" + enc(PT) + "&helpful=yes", h);
            assertThat(page.statusCode()).as(headers.toString()).isEqualTo(403);
            assertThat(page.body()).contains("Respostas só podem ser enviadas das páginas desta central de ajuda.");
        }
        // This site's own pages: the browser says same-origin, or the Origin is the site's.
        Map<String, String> ok = Map.of("Content-Type", "application/json", "X-Forwarded-For", "192.0.2.9", "Sec-Fetch-Site", "same-origin");
        assertThat(server.post("/api/feedback", json, ok).statusCode()).isEqualTo(201);
        Map<String, String> origin = Map.of("Content-Type", "application/json", "X-Forwarded-For", "192.0.2.9", "Origin", server.base());
        assertThat(server.post("/api/feedback", json, origin).statusCode()).isEqualTo(201);
    }

    @Test
    void moreThanTenVotesAMinuteFromOneAddressGet429WithRetryAfter() {
        String json = "{\"lang\":\"pt\",\"article\":\"" + PT + "\",\"helpful\":\"yes\"}";
        for (int i = 0; i < 10; i++) {
            assertThat(api("192.0.2.10", json).statusCode()).isEqualTo(201);
        }
        HttpResponse<String> eleventh = api("192.0.2.10", json);
        assertThat(eleventh.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(eleventh.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(eleventh.body()).contains("\"error\":\"too_many\"");
        HttpResponse<String> page = form("pt", "192.0.2.10", "article=" + enc(PT) + "&helpful=yes");
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.headers().firstValue("Retry-After")).isPresent();
        // Another reader behind the same proxy is not held back.
        assertThat(api("192.0.2.11", json).statusCode()).isEqualTo(201);
    }

    /**
     * On a client of its own: the server answers 413 without reading the body and then closes the
     * connection, which a shared client could pick up again for the next test's request. The client
     * asks before sending the body (Expect: 100-continue, as curl does for large bodies): otherwise it
     * may still be writing when the server closes, and lose the answer.
     */
    @Test
    void aBodyPastTheCapIsRefusedBeforeItIsRead() throws Exception {
        java.net.http.HttpClient own = java.net.http.HttpClient.newHttpClient();
        for (String[] c : new String[][] {{"/api/feedback", "application/json", "{\"comment\":\"" + "x".repeat(200_000) + "\"}"},
                {"/pt/feedback", "application/x-www-form-urlencoded", "comment=" + "x".repeat(200_000)}}) {
            HttpResponse<String> r = own.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.base() + c[0]))
                    .header("Content-Type", c[1]).header("X-Forwarded-For", "192.0.2.12").expectContinue(true)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(c[2])).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(c[0]).isEqualTo(413);
        }
    }

    private static long count() {
        return ((Number) Db.rows(db, "SELECT COUNT(*) FROM votes").get(0).get(0)).longValue();
    }
}
