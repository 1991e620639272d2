package kb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import kb.content.ContentLoader;
import kb.content.Library;
import kb.content.Problem;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adding a language is data: a site whose {@code languages.yaml} lists pt, en and es serves Spanish
 * everywhere languages are listed, searches it with Spanish analysis, and a site without the file
 * is the shipped pt/en one. The page-wide checks (Nu Html Checker, axe-core) run over the Spanish
 * pages through {@link PageTypes#SPANISH_URLS}.
 */
class LanguagesTest {
    static final TestServer server = SpanishContent.server();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path content;

    @Test
    void theSwitchOffersEveryOtherLanguageNamedInItself() {
        Document pt = server.page(SpanishContent.PT);
        assertThat(pt.select(".lang-switch a").eachAttr("href")).containsExactly(SpanishContent.EN, SpanishContent.ES);
        assertThat(pt.select(".lang-switch a").eachAttr("hreflang")).containsExactly("en", "es-ES");
        assertThat(pt.select(".lang-switch a").eachAttr("lang")).containsExactly("en", "es-ES");
        assertThat(pt.select(".lang-switch a").eachText()).containsExactly("English", "Español");
        assertThat(pt.select(".lang-switch a").eachAttr("title")).containsExactly("Ler esta página em inglês", "Ler esta página em espanhol");
        Document es = server.page(SpanishContent.ES);
        assertThat(es.select(".lang-switch a").eachAttr("href")).containsExactly(SpanishContent.PT, SpanishContent.EN);
        assertThat(es.select(".lang-switch a").eachText()).containsExactly("Português", "English");
        // The script that keeps the reader's section gets each target's section ids.
        assertThat(es.select(".lang-switch a").eachAttr("data-section-ids")).containsOnly("reconectar permissoes");
        assertThat(server.page("/es/").select(".lang-switch a").eachAttr("href")).containsExactly("/pt/", "/en/");
    }

    @Test
    void theSpanishPagesAreInSpanishWithSpanishDates() {
        Document es = server.page(SpanishContent.ES);
        assertThat(es.select("html").attr("lang")).isEqualTo("es-ES");
        assertThat(es.select("h1").text()).isEqualTo("Conexión perdida con la bandeja de entrada");
        assertThat(es.text()).contains("4 de octubre de 2024").contains("En esta página");
        Document home = server.page("/es/");
        assertThat(home.select("h1").text()).isEqualTo("¿Cómo podemos ayudarte?");
        assertThat(home.select("form[role=search]").attr("data-hreflangs")).isEqualTo("pt=pt-BR en=en es=es-ES");
        HttpResponse<String> missing = server.get("/es/no-existe");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Página no encontrada").contains("lang=\"es-ES\"");
    }

    @Test
    void hreflangListsThreeAlternatesAndTheDefaultLanguageIsXDefault() {
        for (String path : List.of(SpanishContent.PT, SpanishContent.EN, SpanishContent.ES)) {
            Document page = server.page(path);
            assertThat(page.select("link[rel=alternate][hreflang]").eachAttr("hreflang")).as(path)
                    .containsExactly("pt-BR", "en", "es-ES", "x-default");
            assertThat(page.select("link[rel=alternate][hreflang=es-ES]").attr("href")).isEqualTo(server.base() + SpanishContent.ES);
            assertThat(page.select("link[rel=alternate][hreflang=x-default]").attr("href")).isEqualTo(server.base() + SpanishContent.PT);
        }
        assertThat(server.page(SpanishContent.ES).select("meta[property=og:locale]").attr("content")).isEqualTo("es_ES");
    }

    @Test
    void theRootNegotiatesSpanish() {
        assertThat(location(server.get("/", Map.of("Accept-Language", "es")))).isEqualTo("/es/");
        assertThat(location(server.get("/", Map.of("Accept-Language", "es-MX,es;q=0.9,en;q=0.5")))).isEqualTo("/es/");
        assertThat(location(server.get("/", Map.of("Accept-Language", "fr, en;q=0.4")))).isEqualTo("/en/");
        assertThat(location(server.get("/", Map.of("Accept-Language", "de")))).isEqualTo("/pt/");
    }

    @Test
    void sitemapFeedsAndOpenSearchListSpanish() {
        String sitemap = server.get("/sitemap.xml").body();
        assertThat(sitemap).contains("<loc>" + server.base() + SpanishContent.ES + "</loc>")
                .contains("hreflang=\"es-ES\" href=\"" + server.base() + SpanishContent.ES + "\"")
                .contains("<loc>" + server.base() + "/es/admin-consent</loc>");
        HttpResponse<String> feed = server.get("/es/feed.xml");
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.body()).contains("xml:lang=\"es-ES\"").contains("Conexión perdida con la bandeja de entrada");
        assertThat(server.get("/es/opensearch.xml").body()).contains("<Language>es-ES</Language>").contains("lang=es");
        assertThat(server.get("/robots.txt").body()).contains("Disallow: /es/search");
        assertThat(server.page("/es/").select("link[rel=search]").attr("href")).isEqualTo("/es/opensearch.xml");
    }

    @Test
    void everyLangParameterIsCheckedAgainstTheFile() throws Exception {
        assertThat(server.get("/api/search?q=conexion&lang=es").statusCode()).isEqualTo(200);
        HttpResponse<String> bad = server.get("/api/search?q=conexion&lang=fr");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("message").asText()).contains("pt, en, es");
        assertThat(server.get("/api/admin-consent?tenant=contoso.com&lang=es").statusCode()).isEqualTo(200);
        assertThat(server.get("/fr/").statusCode()).isEqualTo(404);
        assertThat(server.get("/es").statusCode()).isEqualTo(301);
    }

    @Test
    void spanishSearchStemsIgnoresStopWordsAndAccentsAndReadsItsSynonyms() throws Exception {
        for (String q : List.of("conexiones", "conexion", "conexión", "la conexión de la cuenta", "reconectar cuentas",
                "buzón", "¿Cómo reconecto mi cuenta?", "permisos del administrador")) {
            assertThat(hitUrls(q, "es")).as(q).isNotEmpty().allMatch(u -> u.startsWith(SpanishContent.ES));
        }
        assertThat(hitUrls("permisos administrador", "es")).first().isEqualTo(SpanishContent.ES + "#permissoes");
        // Portuguese and English are untouched by a third language.
        assertThat(hitUrls("conexões", "pt")).first().asString().startsWith(SpanishContent.PT);
        assertThat(hitUrls("connections", "en")).first().asString().startsWith(SpanishContent.EN);
        // The results page in Spanish names hits of other languages in Spanish.
        Document page = server.page("/es/search?q=" + URLEncoder.encode("syncing", StandardCharsets.UTF_8));
        assertThat(page.select(".result-group").attr("lang")).isEqualTo("en");
        assertThat(page.select(".hit-lang").text()).isEqualTo("En inglés");
    }

    @Test
    void theLinksBetweenTheThreeLanguagesAllResolve() {
        Library library = new ContentLoader(kb.web.SitePage.embeds(), kb.web.SitePage.linkTargets()).load(server.contentDir());
        assertThat(library.problems()).isEmpty();
        assertThat(library.brokenLinks()).isEmpty();
        assertThat(library.languages().codes()).containsExactly("pt", "en", "es");
        assertThat(server.get("/health").body()).contains("\"es\":1").contains("\"problems\":0");
    }

    @Test
    void withoutTheFileTheSiteIsPortugueseAndEnglishOnly() throws Exception {
        TestServer shipped = TestServer.shared();
        assertThat(shipped.get("/es/").statusCode()).isEqualTo(404);
        assertThat(shipped.get("/es/feed.xml").statusCode()).isEqualTo(404);
        assertThat(shipped.get("/api/search?q=x&lang=es").statusCode()).isEqualTo(400);
        assertThat(location(shipped.get("/", Map.of("Accept-Language", "es")))).isEqualTo("/pt/");
        assertThat(shipped.page("/pt/").select(".lang-switch a").eachText()).containsExactly("English");
        assertThat(shipped.get("/sitemap.xml").body()).doesNotContain("/es/");
    }

    @Test
    void aBrokenLanguagesFileIsReportedWithItsReasonAndTheSiteKeepsServing() throws Exception {
        SpanishContent.write(content);
        ContentFiles.write(content, "i18n/es.properties", "site.name=Ayuda de Ejemplo\n");
        try (TestServer site = new TestServer(content)) {
            assertThat(site.page("/es/").select(".brand").text()).isEqualTo("Ayuda de Ejemplo");
            assertThat(site.get("/es/").statusCode()).isEqualTo(200);

            ContentFiles.write(content, "languages.yaml", """
                    default: pt
                    languages:
                      - {code: pt, name: Português, locale: pt-BR}
                      - {code: es, name: Español, locale: es-ES}
                      - {code: es, name: Castellano, locale: es-ES}
                    """);
            eventually(() -> site.get("/health").body().contains("\"problems\":1"));
            // The last good languages stay: Spanish and English are still served.
            assertThat(site.get(SpanishContent.ES).statusCode()).isEqualTo(200);
            assertThat(site.get(SpanishContent.EN).statusCode()).isEqualTo(200);

            List<Problem> problems = new ContentLoader(java.util.Set.of("admin-consent")).load(content).problems().stream()
                    .filter(p -> p.file().toString().equals("languages.yaml")).toList();
            assertThat(problems).singleElement().asString().startsWith("languages.yaml: language es is listed twice");

            // Removing Spanish from a good file takes it off the site.
            ContentFiles.write(content, "languages.yaml", "default: en\nlanguages:\n  - {code: en, name: English, locale: en-US}\n  - {code: pt, name: Português, locale: pt-BR}\n");
            eventually(() -> site.get("/es/").statusCode() == 404);
            assertThat(location(site.get("/"))).isEqualTo("/en/");
            assertThat(site.page("/en/").select(".lang-switch a").eachText()).containsExactly("Português");

            // A language added later is served (with English strings where it has none) and counted.
            ContentFiles.write(content, "de/verbindung.md", "---\ntitle: Verbindung verloren\n---\n\nVerbindungen.\n");
            ContentFiles.write(content, "languages.yaml", "default: en\nlanguages:\n  - {code: en, name: English, locale: en-US}\n  - {code: de, name: Deutsch, locale: de-DE}\n");
            eventually(() -> site.get("/de/verbindung").statusCode() == 200);
            assertThat(site.page("/de/").select("form[role=search] button").text()).isEqualTo("Search");
            assertThat(site.page("/de/").select("html").attr("lang")).isEqualTo("de-DE");
            assertThat(site.get("/api/search?lang=de&q=Verbindung").body()).contains("/de/verbindung");
            assertThat(site.get("/metrics").body()).contains("kb_articles{lang=\"de\"} 1.0");
        }
    }

    @Test
    void theNotFoundPageIsTheSameForEveryUnknownPathAndFollowsTheSitesStrings(@TempDir Path content)
            throws Exception {
        ContentFiles.write(content, "en/connection.md", "---\ntitle: Connection lost\n---\n\nConnections.\n");
        try (TestServer site = new TestServer(content)) {
            HttpResponse<String> one = site.get("/en/no-such-page");
            HttpResponse<String> other = site.get("/en/another/missing/page");
            assertThat(one.statusCode()).isEqualTo(404);
            assertThat(other.statusCode()).isEqualTo(404);
            assertThat(one.body()).contains("Page not found").isEqualTo(other.body());
            // A string changed in the content is on the next 404 page.
            ContentFiles.write(content, "i18n/en.properties", "notfound.title=Nothing at this address\n");
            eventually(() -> site.get("/en/still-missing").body().contains("Nothing at this address"));
            assertThat(site.get("/en/no-such-page").statusCode()).isEqualTo(404);
        }
    }

    private static List<String> hitUrls(String q, String lang) throws Exception {
        JsonNode body = JSON.readTree(server.get("/api/search?lang=" + lang + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).body());
        List<String> urls = new ArrayList<>();
        body.get("results").forEach(r -> urls.add(r.get("url").asText()));
        return urls;
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 5 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
