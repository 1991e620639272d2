package kb.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import kb.TestServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The search results page, /api/search and error-code links, end to end on the shipped content. */
class SearchPagesTest {
    static final TestServer server = TestServer.shared();



    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void resultsPageGroupsHitsByArticleWithSectionLinksAndMarkedSnippets() {
        HttpResponse<String> r = server.get("/pt/search?q=" + q("interação necessária"));
        assertThat(r.statusCode()).isEqualTo(200);
        Document doc = Jsoup.parse(r.body());
        assertThat(doc.select("h1").text()).isEqualTo("Resultados para “interação necessária”");
        assertThat(doc.select(".result-count").text()).matches("\\d+ resultados?");
        Element first = doc.selectFirst(".result-group");
        assertThat(first.selectFirst("h2 a").attr("href")).isEqualTo(SiteTest.PT);
        assertThat(first.selectFirst(".result-section-link").attr("href")).isEqualTo(SiteTest.PT + "#interaction-required");
        assertThat(first.select(".result-snippet mark")).isNotEmpty();
        assertThat(doc.select("#page-search").val()).isEqualTo("interação necessária");
        assertThat(doc.select("meta[name=robots]").attr("content")).contains("noindex");
    }

    @Test
    void aTypoGetsADidYouMeanFromTheArticlesOwnWords() {
        Document doc = server.page("/pt/search?q=permisoes");
        assertThat(doc.select(".suggestion a").text()).isEqualTo("permissões");
        assertThat(doc.select(".suggestion a").attr("href")).isEqualTo("/pt/search?q=" + q("permissões"));
    }

    @Test
    void nothingFoundGivesAHelpfulPageThatShowsTheQueryEscaped() {
        HttpResponse<String> r = server.get("/en/search?q=" + q("<script>alert(1)</script> xyzzyqwv"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("<script>alert(1)</script>");
        Document doc = Jsoup.parse(r.body());
        assertThat(doc.select(".no-results").text()).contains("Nothing found for").contains("<script>alert(1)</script>");
        assertThat(doc.select(".no-results a[href=/en/]")).hasSize(1);
    }

    @Test
    void readersLanguageWithoutHitsOffersTheOtherLanguageLabelled() {
        Document doc = server.page("/en/search?q=" + q("locatário"));
        assertThat(doc.select(".search-note").text()).contains("in Portuguese");
        assertThat(doc.select(".result-group").first().attr("lang")).isEqualTo("pt-BR");
    }

    @Test
    void apiAnswersTheContractShape() {
        HttpResponse<String> r = server.get("/api/search?lang=en&limit=2&q=" + q("Mail.ReadWrite"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        String body = r.body();
        assertThat(body).startsWith("{\"query\":\"Mail.ReadWrite\",\"lang\":\"en\",\"total\":");
        assertThat(body).contains("\"results\":[{\"title\":\"").contains("\"suggestion\":");
        assertThat(body).contains("\"url\":\"/en/inbox-calendar-connection-errors#required-permissions\"");
        assertThat(body.split("\"url\":").length - 1).isLessThanOrEqualTo(2);
    }

    @Test
    void apiLimitDefaultsToTenIsCappedAtFiftyAndRefusesNonsense() {
        assertThat(server.get("/api/search?lang=pt&q=a&limit=500").statusCode()).isEqualTo(200);
        for (String bad : List.of("0", "-1", "abc", "1e3", "99999999999")) {
            HttpResponse<String> r = server.get("/api/search?lang=pt&q=a&limit=" + bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(r.body()).contains("\"error\":\"limit_invalid\"").contains("limit");
        }
        assertThat(server.get("/api/search?lang=xx&q=a").statusCode()).isEqualTo(400);
        assertThat(server.get("/pt/search?q=a&page=abc").statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(server.get("/pt/search?q=a&page=0").body()).select(".consent-error").text())
                .contains("número da página");
    }

    static List<String> hostile() {
        return List.of("\"unbalanced", "AND OR NOT", "*", "~", "title:x", "[a TO z]", "{!x}", "\u0000", "\uD800",
                "a".repeat(6_000), "((((((((", "-", "\"\"", "\\", "%00", "../../etc/passwd", "<b>x</b>");
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void hostileQueriesNeverFailOrReflectMarkup(String query) {
        HttpResponse<String> page = server.get("/pt/search?q=" + q(query));
        assertThat(page.statusCode()).as(query).isLessThan(500);
        assertThat(page.body()).doesNotContain("<b>x</b>");
        HttpResponse<String> api = server.get("/api/search?lang=en&q=" + q(query));
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).doesNotContain("<b>");
    }

    @Test
    void aHundredKilobyteQueryIsRefusedWithA4xxNotAnError() {
        String huge = "a".repeat(100_000);
        assertThat(server.get("/api/search?lang=en&q=" + huge).statusCode()).isEqualTo(414);
        assertThat(server.get("/pt/search?q=" + huge).statusCode()).isEqualTo(414);
    }

    @Test
    void errorCodeLinksLandOnTheSectionInTheReadersLanguage() {
        HttpResponse<String> pt = server.get("/pt/error/OFFICE_ERROR_REST_API_NOT_ENABLED_FOR_COMPONENT_SHARED_MAILBOX");
        assertThat(pt.statusCode()).isEqualTo(302);
        assertThat(pt.headers().firstValue("Location")).contains(SiteTest.PT + "#rest-api-not-enabled");
        HttpResponse<String> en = server.get("/en/error/office_error_rest_api_not_enabled_for_component_shared_mailbox");
        assertThat(en.headers().firstValue("Location")).contains(SiteTest.EN + "#rest-api-not-enabled");
    }

    @Test
    void anUnknownErrorCodeGets404WithASearchForIt() {
        HttpResponse<String> r = server.get("/en/error/KB_ERR_NOT_REAL");
        assertThat(r.statusCode()).isEqualTo(404);
        Document doc = Jsoup.parse(r.body());
        assertThat(doc.select("main form[action=/en/search] input[name=q]").val()).isEqualTo("KB_ERR_NOT_REAL");
        assertThat(server.get("/en/error/" + q("<script>")).body()).doesNotContain("<script>");
    }

    @Test
    void browsersGetOpenSearchSuggestionsInTheirArrayShape() {
        HttpResponse<String> r = server.get("/api/search?lang=en&q=calendar", Map.of("Accept", "application/x-suggestions+json"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("[\"calendar\",[\"");
    }
}
