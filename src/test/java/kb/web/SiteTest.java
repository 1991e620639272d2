package kb.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import kb.TestServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The site end to end on the shipped content, read the way a browser or a crawler reads it. */
class SiteTest {
    static final String PT = "/pt/erros-de-conexao-caixa-de-entrada-calendario";
    static final String EN = "/en/inbox-calendar-connection-errors";
    static final List<String> CONTRACT_IDS = List.of("required-permissions", "mailbox-not-found",
            "rest-api-not-enabled", "outlook-alias", "interaction-required", "admin-approval-required",
            "tenant-admin-consent", "google-advanced-protection");

    static final TestServer server = TestServer.shared();



    @Test
    void healthSaysReadyWithTheArticleCounts() {
        HttpResponse<String> r = server.get("/health");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(r.body()).contains("\"status\":\"ok\"").contains("\"pt\":2").contains("\"en\":2");
    }

    @Test
    void rootRedirectsByAcceptLanguageAndDefaultsToPortuguese() {
        assertThat(location(server.get("/", Map.of("Accept-Language", "en-US,en;q=0.9")))).isEqualTo("/en/");
        assertThat(location(server.get("/", Map.of("Accept-Language", "pt-BR,pt;q=0.9,en;q=0.8")))).isEqualTo("/pt/");
        assertThat(location(server.get("/", Map.of("Accept-Language", "fr-FR,de;q=0.5")))).isEqualTo("/pt/");
        assertThat(location(server.get("/", Map.of("Accept-Language", "fr, en;q=0.4, pt;q=0.3")))).isEqualTo("/en/");
        assertThat(location(server.get("/", Map.of("Accept-Language", ";;;q=bogus,,")))).isEqualTo("/pt/");
        assertThat(location(server.get("/"))).isEqualTo("/pt/");
        assertThat(server.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void homeListsTheArticlesWithDescriptionAndLastUpdatedInTheReadersLanguage() {
        Document pt = server.page("/pt/");
        assertThat(pt.select("html").attr("lang")).isEqualTo("pt-BR");
        assertThat(pt.select(".article-list a").eachAttr("href")).contains(PT, "/pt/encontrar-id-do-locatario");
        assertThat(pt.select(".article-list").text()).contains("4 de outubro de 2024");
        Document en = server.page("/en/");
        assertThat(en.select("html").attr("lang")).isEqualTo("en");
        assertThat(en.select(".article-list").text()).contains("October 4, 2024");
        assertThat(en.select("form[role=search] input[name=q]")).isNotEmpty();
    }

    @Test
    void articleHasOneH1TheDateTheTocAndEveryContractAnchor() {
        for (String path : List.of(PT, EN)) {
            Document doc = server.page(path);
            assertThat(doc.select("h1")).as(path).hasSize(1);
            for (String id : CONTRACT_IDS) {
                assertThat(doc.getElementById(id)).as(path + "#" + id).isNotNull();
                assertThat(doc.select("nav.toc a[href=#" + id + "]")).as("toc " + id).hasSize(1);
                assertThat(doc.select("#" + id + " a.permalink[href=#" + id + "]")).hasSize(1);
                assertThat(doc.select("#" + id + " button.copy-link[data-copy-anchor=" + id + "]")).hasSize(1);
            }
        }
        assertThat(server.page(PT).select("time").text()).isEqualTo("4 de outubro de 2024");
        assertThat(server.page(EN).select("time").text()).isEqualTo("October 4, 2024");
    }

    @Test
    void idsAreUniqueOnEveryPage() {
        for (String path : List.of("/pt/", "/en/", PT, EN, "/pt/encontrar-id-do-locatario", "/pt/nada")) {
            List<String> ids = server.page(path).select("[id]").eachAttr("id");
            assertThat(ids).as(path).doesNotHaveDuplicates();
        }
    }

    @Test
    void translationsAreLinkedWithHreflangAndTheLanguageSwitch() {
        Document pt = server.page(PT);
        assertThat(pt.select("link[rel=alternate][hreflang=en]").attr("href")).isEqualTo(server.base() + EN);
        assertThat(pt.select("link[rel=alternate][hreflang=pt-BR]").attr("href")).isEqualTo(server.base() + PT);
        assertThat(pt.select(".lang-switch a").attr("href")).isEqualTo(EN);
        assertThat(server.page(EN).select(".lang-switch a").attr("href")).isEqualTo(PT);
    }

    @Test
    void theIdGeneratedFromAHeadingTextAlsoLandsOnItsSection() {
        Document en = server.page(EN);
        assertThat(en.select("#interaction-required-error").first()).isNotNull();
        assertThat(en.select("#interaction-required-error").first().parent().id()).isEqualTo("interaction-required");
    }

    @Test
    void unknownPathsGetALocalizedNotFoundPage() {
        HttpResponse<String> pt = server.get("/pt/nao-existe");
        assertThat(pt.statusCode()).isEqualTo(404);
        Document doc = Jsoup.parse(pt.body());
        assertThat(doc.select("html").attr("lang")).isEqualTo("pt-BR");
        assertThat(doc.select("h1").text()).isEqualTo("Página não encontrada");
        assertThat(doc.select("main form[action=/pt/search] input[name=q]")).hasSize(1);

        HttpResponse<String> en = server.get("/en/no/such/page");
        assertThat(en.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(en.body()).select("h1").text()).isEqualTo("Page not found");

        assertThat(server.get("/xx/").statusCode()).isEqualTo(404);
        assertThat(server.get("/nothing-here").statusCode()).isEqualTo(404);
    }

    @Test
    void aUrlTypedWithCapitalsAccentsOrSpacesLeadsToThePageItSpells() {
        // As an agent might retype it from the title, or a reader with other capitals.
        for (String typed : List.of("/en/Find-Tenant-ID", "/EN/find-tenant-id", "/en/find%20tenant%20id",
                "/pt/Encontrar-ID-do-Locat%C3%A1rio", "/pt/encontrar-id-do-locat%C3%A1rio")) {
            HttpResponse<String> r = server.get(typed);
            assertThat(r.statusCode()).as(typed).isEqualTo(301);
            assertThat(location(r)).as(typed).isIn("/en/find-tenant-id", "/pt/encontrar-id-do-locatario");
        }
        assertThat(location(server.get("/en/Find-Tenant-ID?utm_source=mail"))).isEqualTo("/en/find-tenant-id?utm_source=mail");
        // What spells no page is still not found, and a broken escape is not an error.
        for (String missing : List.of("/en/Find-Nothing", "/XX/find-tenant-id", "/en/%C3%A1%C3%A1")) {
            assertThat(server.get(missing).statusCode()).as(missing).isEqualTo(404);
        }
        assertThat(server.rawStatusLine("/en/Find-Tenant-%E0%A4%A")).contains(" 4");
    }

    @Test
    void trailingSlashAndLanguageRootRedirectPermanently() {
        HttpResponse<String> r = server.get(PT + "/");
        assertThat(r.statusCode()).isEqualTo(301);
        assertThat(location(r)).isEqualTo(PT);
        assertThat(server.get("/en").statusCode()).isEqualTo(301);
        assertThat(location(server.get("/en"))).isEqualTo("/en/");
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        for (String path : List.of("/pt/", PT, "/pt/missing", "/health")) {
            HttpResponse<String> r = server.get(path);
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(path).contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(r.headers().firstValue("Referrer-Policy")).isPresent();
        }
        assertThat(server.get(PT).headers().firstValue("Content-Type").orElse("")).matches("text/html; ?charset=utf-8");
    }

    @Test
    void pagesHaveNoInlineScriptOrStyle() {
        for (String path : List.of("/pt/", PT, EN, "/pt/missing")) {
            Document doc = server.page(path);
            // JSON-LD blocks are data, not script: the browser never runs them, so the CSP allows them.
            assertThat(doc.select("script:not([src]):not([type=application/ld+json])")).as(path).isEmpty();
            assertThat(doc.select("[style], style")).as(path).isEmpty();
            assertThat(doc.select("[onclick], [onload], [onerror]")).as(path).isEmpty();
        }
    }

    @Test
    void staticAssetsAreServedWithALongCacheWhenVersioned() {
        String css = server.page("/pt/").select("link[rel=stylesheet]").attr("href");
        assertThat(css).matches("/static/css/site\\.css\\?v=[0-9a-f]{12}");
        HttpResponse<String> r = server.get(css);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).matches("text/css; ?charset=utf-8");
        assertThat(r.headers().firstValue("Cache-Control").orElse("")).contains("immutable");
        String etag = r.headers().firstValue("ETag").orElseThrow();
        assertThat(server.get(css, Map.of("If-None-Match", etag)).statusCode()).isEqualTo(304);
    }

    @Test
    void everyPageNamesAnIconAndTheBrowsersDefaultIconAddressAnswers() {
        for (String path : List.of("/pt/", "/en/", SiteTest.EN)) {
            Document doc = server.page(path);
            assertThat(doc.select("link[rel=icon]")).as(path).isNotEmpty();
            for (var link : doc.select("link[rel=icon]")) {
                assertThat(server.get(link.attr("href")).statusCode()).as(link.attr("href")).isEqualTo(200);
            }
        }
        HttpResponse<String> ico = server.get("/favicon.ico");
        assertThat(ico.statusCode()).isEqualTo(200);
        assertThat(ico.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/x-icon");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/static/../pom.xml", "/static/%2e%2e/pom.xml", "/static/..%2fpom.xml", "/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/static/css/../../../pom.xml", "/static/..\\..\\pom.xml", "/static//etc/passwd", "/pt/../../etc/passwd",
        "/static/%252e%252e/pom.xml", "/static/css/site.css%00.js", "/pt/%2e%2e/%2e%2e/etc/passwd"})
    void traversalAttemptsNeverReturnAFile(String path) {
        String response = server.rawStatusLine(path);
        String status = response.lines().findFirst().orElse("");
        assertThat(status).as(path).matches("HTTP/1\\.1 (400|404) .*");
        assertThat(response).doesNotContain("<modelVersion>").doesNotContain("root:x:0:0");
    }

    @Test
    void hostileArticlePathsGet4xxAndAreNotReflectedUnescaped() {
        HttpResponse<String> r = server.get("/pt/%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        assertThat(r.statusCode()).isBetween(400, 499);
        assertThat(r.body()).doesNotContain("<script>alert(1)</script>");
    }

    private static String location(HttpResponse<String> r) {
        return r.headers().firstValue("Location").orElse("");
    }
}
