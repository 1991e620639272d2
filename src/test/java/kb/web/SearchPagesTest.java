package kb.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        assertThat(doc.select("#site-search").val()).isEqualTo("interação necessária");
        assertThat(doc.select("meta[name=robots]").attr("content")).contains("noindex");
    }

    @Test
    void aTypoGetsADidYouMeanFromTheArticlesOwnWords() {
        Document doc = server.page("/pt/search?q=permisoes");
        assertThat(doc.select(".suggestion a").text()).isEqualTo("permissões");
        assertThat(doc.select(".suggestion a").attr("href")).isEqualTo("/pt/search?q=" + q("permissões"));
    }

    @Test
    void theResultsPageDescribesItselfInTheReadersLanguage() {
        assertThat(server.page("/pt/search?q=gmail").select("meta[name=description]").attr("content")).contains("Pesquise");
        assertThat(server.page("/en/search?q=gmail").select("meta[name=description]").attr("content")).contains("Search");
        assertThat(server.page("/en/search").select("meta[name=description]")).hasSize(1);
    }

    @Test
    void theResultsPageHasOneLabelledSearchBoxThatCarriesTheQuery() {
        for (String path : List.of("/pt/search?q=" + q("conexão"), "/en/search?q=xyzzyqwv", "/pt/search")) {
            Document doc = server.page(path);
            assertThat(doc.select("input[name=q]")).as(path).hasSize(1);
            Element box = doc.selectFirst("form[role=search][method=get] input[name=q]");
            assertThat(doc.select("label[for=" + box.id() + "]").text()).as(path).isNotBlank();
            assertThat(box.closest("form").attr("action")).isEqualTo(path.substring(0, 3) + "/search");
        }
        assertThat(server.page("/pt/search?q=" + q("conexão")).selectFirst("input[name=q]").val()).isEqualTo("conexão");
        assertThat(server.page("/pt/search").selectFirst("input[name=q]").val()).isEmpty();
    }

    @Test
    void oneCardPerArticleWithEveryHitOfItInRankOrder() {
        // On the shipped articles these hits alternate between the two articles.
        for (String query : List.of("administrador", "microsoft entra", "conta", "domínio")) {
            List<String> ranked = new ArrayList<>();
            Matcher urls = Pattern.compile("\"url\":\"([^\"]+)\"").matcher(server.get("/api/search?lang=pt&q=" + q(query)).body());
            while (urls.find()) {
                ranked.add(urls.group(1));
            }
            Document doc = server.page("/pt/search?q=" + q(query));
            List<String> cards = doc.select(".result-group h2 a").eachAttr("href");
            assertThat(cards).as(query).doesNotHaveDuplicates();
            assertThat(cards).as(query).isEqualTo(ranked.stream().map(u -> u.replaceAll("#.*", "")).distinct().toList());
            List<String> shown = new ArrayList<>();
            for (Element card : doc.select(".result-group")) {
                String article = card.selectFirst("h2 a").attr("href");
                List<String> own = ranked.stream().filter(u -> u.replaceAll("#.*", "").equals(article)).toList();
                List<String> inCard = card.select(".result-sections > li").stream()
                        .map(li -> li.select(".result-section-link").isEmpty() ? article : li.selectFirst(".result-section-link").attr("href"))
                        .toList();
                assertThat(inCard).as(query + " " + article).isEqualTo(own);
                shown.addAll(inCard);
            }
            assertThat(shown).as(query).hasSameSizeAs(ranked);
        }
    }

    @Test
    void aPagePastTheLastIsNotFoundInTheReadersLanguageAndLeadsToTheLastPage() {
        HttpResponse<String> pt = server.get("/pt/search?q=" + q("office 365") + "&page=2");
        assertThat(pt.statusCode()).isEqualTo(404);
        Document doc = Jsoup.parse(pt.body());
        assertThat(doc.select("html").attr("lang")).isEqualTo("pt-BR");
        assertThat(doc.select("main").text()).doesNotContain("Página 2 de 1").contains("não tem uma página 2");
        assertThat(doc.select("main a[rel=prev], .pagination")).isEmpty();
        assertThat(doc.select("main a[href^=/pt/search]").eachAttr("href")).containsExactly("/pt/search?q=office+365");
        assertThat(doc.selectFirst("input[name=q]").val()).isEqualTo("office 365");

        HttpResponse<String> en = server.get("/en/search?q=xyzzyqwv&page=3");
        assertThat(en.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(en.body()).select("h1").text()).isEqualTo("No such results page");
        assertThat(server.get("/pt/search?q=" + q("office 365") + "&page=1").statusCode()).isEqualTo(200);
    }

    @Test
    void switchingLanguageOnAResultsPageSearchesTheSameWordsThere() {
        Document pt = server.page("/pt/search?q=" + q("conexão perdida"));
        assertThat(pt.select(".lang-switch a").attr("href")).isEqualTo("/en/search?q=" + q("conexão perdida"));
        Document en = server.page("/en/search?q=" + q("a&b <c>") + "&page=1");
        assertThat(en.select(".lang-switch a").attr("href")).isEqualTo("/pt/search?q=" + q("a&b <c>"));
        assertThat(server.page("/en/search").select(".lang-switch a").attr("href")).isEqualTo("/pt/search");
    }

    @Test
    void switchingLanguageOnAnUnknownErrorCodeKeepsTheCode() {
        assertThat(server.page("/pt/error/NO_SUCH_CODE").select(".lang-switch a").attr("href")).isEqualTo("/en/error/NO_SUCH_CODE");
        assertThat(server.page("/en/error/KB_ERR_X").select(".lang-switch a").attr("href")).isEqualTo("/pt/error/KB_ERR_X");
        HttpResponse<String> odd = server.get("/en/error/a%20b%3C%22x%22%3E");
        assertThat(odd.body()).doesNotContain("<\"x\">");
        assertThat(Jsoup.parse(odd.body()).select(".lang-switch a").attr("href")).isEqualTo("/pt/error/a%20b%3C%22x%22%3E");
    }

    @Test
    void whenNothingMatchesThePageSaysSoPlainlyAndOffersTheArticlesAndTips() {
        HttpResponse<String> r = server.get("/en/search?q=" + q("<script>alert(1)</script> xyzzyqwv"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("<script>alert(1)</script>");
        Document doc = Jsoup.parse(r.body());
        assertThat(doc.select(".no-exact-lead").text()).isEqualTo("We found no exact answer for “<script>alert(1)</script> xyzzyqwv”.");
        assertThat(doc.select(".search-tips li")).hasSize(3);
        assertThat(doc.select(".search-articles h2").text()).isEqualTo("Help center articles");
        assertThat(doc.select(".search-articles li a").eachAttr("href")).containsExactlyInAnyOrder(SiteTest.EN, "/en/find-tenant-id");
        assertThat(doc.select(".search-articles a[href=/en/]")).hasSize(1);
        assertThat(doc.select(".result-count")).isEmpty();
    }

    @Test
    void readersLanguageWithoutHitsOffersTheOtherLanguageLabelled() {
        Document doc = server.page("/en/search?q=" + q("aprovação"));
        assertThat(doc.select(".no-exact-lead").text()).contains("no exact answer");
        Element other = doc.selectFirst("section.other-language");
        assertThat(other.select("h2").text()).isEqualTo("In Portuguese");
        assertThat(other.select(".search-note").text()).contains("in Portuguese");
        assertThat(other.select(".result-group")).isNotEmpty().allSatisfy(card -> {
            assertThat(card.attr("lang")).isEqualTo("pt-BR");
            assertThat(card.select(".hit-lang").text()).isEqualTo("In Portuguese");
            assertThat(card.select(".hit-lang").attr("lang")).isEqualTo("en");
            assertThat(card.select("a[href]")).allSatisfy(a -> {
                assertThat(a.attr("href")).startsWith("/pt/");
                assertThat(a.attr("hreflang")).isEqualTo("pt-BR");
            });
        });
        // The reader's own articles are still offered, in the reader's language.
        assertThat(doc.select(".search-articles li a").eachAttr("href")).allMatch(h -> h.startsWith("/en/")).isNotEmpty();
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
        assertThat(doc.select("main").text()).contains("KB_ERR_NOT_REAL");
        assertThat(doc.select("main form[action=/en/search] input[name=q]")).hasSize(1);
        // The page just said there is no article for the code: searching it again would find nothing.
        assertThat(doc.select("input[name=q]").eachAttr("value")).containsOnly("");
        assertThat(server.get("/en/error/" + q("<script>")).body()).doesNotContain("<script>");
    }

    @Test
    void browsersGetOpenSearchSuggestionsInTheirArrayShape() {
        HttpResponse<String> r = server.get("/api/search?lang=en&q=calendar", Map.of("Accept", "application/x-suggestions+json"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/x-suggestions+json; charset=utf-8");
        assertThat(r.body()).startsWith("[\"calendar\",[\"");
    }
}
