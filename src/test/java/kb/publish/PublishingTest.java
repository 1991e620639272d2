package kb.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import kb.TestServer;
import kb.TestSettings;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** What crawlers, browsers and feed readers fetch, on the shipped content, read with real XML and JSON parsers. */
class PublishingTest {
    static final String BASE = "https://help.example.com";
    static final String PT = "/pt/erros-de-conexao-caixa-de-entrada-calendario";
    static final String EN = "/en/inbox-calendar-connection-errors";
    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String XHTML_NS = "http://www.w3.org/1999/xhtml";
    static final String ATOM_NS = "http://www.w3.org/2005/Atom";

    static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(TestSettings.of(Path.of("content"), Optional.of(URI.create(BASE))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static org.w3c.dom.Document xml(String body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Element> elements(org.w3c.dom.Node parent, String ns, String name) {
        NodeList list = parent instanceof org.w3c.dom.Document d ? d.getElementsByTagNameNS(ns, name)
                : ((Element) parent).getElementsByTagNameNS(ns, name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    static String text(Element parent, String ns, String name) {
        return elements(parent, ns, name).get(0).getTextContent();
    }

    @Test
    void robotsTxtNamesTheSitemapAtTheConfiguredBaseUrl() {
        HttpResponse<String> r = server.get("/robots.txt");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(r.body()).contains("User-agent: *").contains("Sitemap: " + BASE + "/sitemap.xml\n")
                .contains("Disallow: /api/");
    }

    /** Crawlers fetch the sitemap often: gzipped when they take it, and 304 when they have this version. */
    @Test
    void sitemapIsGzippedForCrawlersThatTakeItAndRevalidatedByEtag() throws Exception {
        HttpResponse<String> plain = server.get("/sitemap.xml");
        String etag = plain.headers().firstValue("ETag").orElseThrow();
        var http = java.net.http.HttpClient.newHttpClient();
        HttpResponse<byte[]> zipped = http.send(java.net.http.HttpRequest.newBuilder(URI.create(server.base() + "/sitemap.xml"))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zipped.statusCode()).isEqualTo(200);
        assertThat(zipped.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(zipped.headers().firstValue("Content-Type").orElse("")).startsWith("application/xml");
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain.body());
        }
        assertThat(server.get("/sitemap.xml", Map.of("If-None-Match", etag)).statusCode()).isEqualTo(304);
        // A query changes nothing about the sitemap (tracking parameters, cache busters).
        assertThat(server.get("/sitemap.xml?utm_source=x").body()).isEqualTo(plain.body());
        assertThat(server.get("/sitemap-1.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void sitemapListsEveryArticleInBothLanguagesWithLastmodAndHreflangAlternates() throws Exception {
        HttpResponse<String> r = server.get("/sitemap.xml");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/xml");
        org.w3c.dom.Document doc = xml(r.body());
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo(SITEMAP_NS);
        List<String> locs = elements(doc, SITEMAP_NS, "loc").stream().map(Element::getTextContent).toList();
        assertThat(locs).contains(BASE + PT, BASE + EN, BASE + "/pt/encontrar-id-do-locatario", BASE + "/en/find-tenant-id",
                BASE + "/pt/", BASE + "/en/").doesNotHaveDuplicates();

        Element en = elements(doc, SITEMAP_NS, "url").stream()
                .filter(u -> text(u, SITEMAP_NS, "loc").equals(BASE + EN)).findFirst().orElseThrow();
        assertThat(text(en, SITEMAP_NS, "lastmod")).isEqualTo("2024-10-04");
        List<String> links = elements(en, XHTML_NS, "link").stream()
                .map(l -> l.getAttribute("rel") + " " + l.getAttribute("hreflang") + " " + l.getAttribute("href")).toList();
        assertThat(links).containsExactly(
                "alternate pt-BR " + BASE + PT,
                "alternate en " + BASE + EN,
                "alternate x-default " + BASE + PT);
    }

    @Test
    void eachLanguageHasAnAtomFeedOfItsArticlesWithTheirLastUpdate() throws Exception {
        HttpResponse<String> r = server.get("/en/feed.xml");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/atom+xml");
        org.w3c.dom.Document feed = xml(r.body());
        Element root = feed.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(ATOM_NS);
        assertThat(root.getAttribute("xml:lang")).isEqualTo("en");
        assertThat(text(root, ATOM_NS, "title")).isEqualTo("Help center: updated articles");
        assertThat(text(root, ATOM_NS, "updated")).isEqualTo("2024-10-04T00:00:00Z");
        List<Element> entries = elements(feed, ATOM_NS, "entry");
        assertThat(entries).extracting(e -> text(e, ATOM_NS, "id"))
                .containsExactlyInAnyOrder(BASE + EN, BASE + "/en/find-tenant-id");
        Element first = entries.stream().filter(e -> text(e, ATOM_NS, "id").equals(BASE + EN)).findFirst().orElseThrow();
        assertThat(text(first, ATOM_NS, "title")).isEqualTo("Fix inbox and calendar connection errors");
        assertThat(text(first, ATOM_NS, "updated")).isEqualTo("2024-10-04T00:00:00Z");
        assertThat(elements(first, ATOM_NS, "link").get(0).getAttribute("href")).isEqualTo(BASE + EN);

        assertThat(text(xml(server.get("/pt/feed.xml").body()).getDocumentElement(), ATOM_NS, "title"))
                .isEqualTo("Central de ajuda: artigos atualizados");
        assertThat(server.get("/xx/feed.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void openSearchDescriptionSendsQueriesToTheSearchPageAndSuggestionsToTheApi() throws Exception {
        for (String lang : List.of("pt", "en")) {
            HttpResponse<String> r = server.get("/" + lang + "/opensearch.xml");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/opensearchdescription+xml");
            org.w3c.dom.Document doc = xml(r.body());
            String ns = "http://a9.com/-/spec/opensearch/1.1/";
            assertThat(text(doc.getDocumentElement(), ns, "ShortName")).hasSizeLessThanOrEqualTo(16).isNotBlank();
            List<String> urls = elements(doc, ns, "Url").stream()
                    .map(u -> u.getAttribute("type") + " " + u.getAttribute("template")).toList();
            assertThat(urls).contains(
                    "text/html " + BASE + "/" + lang + "/search?q={searchTerms}",
                    "application/x-suggestions+json " + BASE + "/api/search?q={searchTerms}&lang=" + lang);
        }
        assertThat(server.get("/de/opensearch.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void articleHeadCarriesCanonicalHreflangOpenGraphTwitterAndFeedLinks() {
        Document en = server.page(EN);
        assertThat(en.select("link[rel=canonical]").attr("href")).isEqualTo(BASE + EN);
        assertThat(en.select("link[rel=alternate][hreflang]").eachAttr("hreflang")).containsExactly("pt-BR", "en", "x-default");
        assertThat(en.select("link[rel=alternate][hreflang=x-default]").attr("href")).isEqualTo(BASE + PT);
        assertThat(en.select("link[rel=search][type=application/opensearchdescription+xml]").attr("href")).isEqualTo("/en/opensearch.xml");
        assertThat(en.select("link[rel=alternate][type=application/atom+xml]").attr("href")).isEqualTo("/en/feed.xml");
        assertThat(meta(en, "og:type")).isEqualTo("article");
        assertThat(meta(en, "og:url")).isEqualTo(BASE + EN);
        assertThat(meta(en, "og:title")).isEqualTo("Fix inbox and calendar connection errors");
        assertThat(meta(en, "og:description")).startsWith("Causes and fixes");
        assertThat(meta(en, "og:locale")).isEqualTo("en_US");
        assertThat(meta(en, "og:locale:alternate")).isEqualTo("pt_BR");
        assertThat(meta(en, "article:modified_time")).isEqualTo("2024-10-04");
        assertThat(en.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary");
        assertThat(en.select("meta[name=twitter:title]").attr("content")).isEqualTo("Fix inbox and calendar connection errors");
    }

    @Test
    void articleJsonLdIsATechArticleWithDateModifiedAndLanguageAndABreadcrumb() throws Exception {
        JsonNode graph = jsonLd(server.page(PT)).get("@graph");
        JsonNode article = graph.get(0);
        assertThat(article.get("@type").asText()).isEqualTo("TechArticle");
        assertThat(article.get("headline").asText()).isEqualTo("Resolver erros de conexão da caixa de entrada e do calendário");
        assertThat(article.get("inLanguage").asText()).isEqualTo("pt-BR");
        assertThat(article.get("dateModified").asText()).isEqualTo("2024-10-04");
        assertThat(article.get("url").asText()).isEqualTo(BASE + PT);
        JsonNode crumbs = graph.get(1);
        assertThat(crumbs.get("@type").asText()).isEqualTo("BreadcrumbList");
        assertThat(crumbs.get("itemListElement").findValuesAsText("item")).containsExactly(BASE + "/pt/", BASE + PT);
    }

    @Test
    void homeAndConsentPagesDescribeThemselvesAndTheNotFoundPageAsksNotToBeIndexed() throws Exception {
        Document home = server.page("/en/");
        assertThat(home.select("link[rel=canonical]").attr("href")).isEqualTo(BASE + "/en/");
        JsonNode site = jsonLd(home).get("@graph").get(0);
        assertThat(site.get("@type").asText()).isEqualTo("WebSite");
        assertThat(site.at("/potentialAction/target/urlTemplate").asText()).isEqualTo(BASE + "/en/search?q={search_term_string}");

        Document consent = server.page("/pt/admin-consent?tenant=contoso.com");
        assertThat(consent.select("link[rel=canonical]").attr("href")).isEqualTo(BASE + "/pt/admin-consent");
        assertThat(jsonLd(consent).get("@graph").get(1).get("@type").asText()).isEqualTo("BreadcrumbList");

        Document missing = server.page("/en/no-such-page");
        assertThat(missing.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
        assertThat(missing.select("link[rel=canonical]")).isEmpty();
        assertThat(missing.select("link[rel=alternate][hreflang]")).isEmpty();
        assertThat(missing.select("script[type=application/ld+json]")).isEmpty();
    }

    @Test
    void aForgedHostHeaderNeverReachesAnAbsoluteUrl() throws IOException {
        for (String path : List.of(EN, "/sitemap.xml", "/en/feed.xml", "/en/opensearch.xml", "/robots.txt")) {
            String response = raw(path, "Host: evil.example\r\nX-Forwarded-Host: evil.example\r\nX-Forwarded-Proto: http\r\n");
            assertThat(response).as(path).startsWith("HTTP/1.1 200").doesNotContain("evil.example").contains(BASE);
        }
    }

    private String raw(String path, String headers) throws IOException {
        int port = URI.create(server.base()).getPort();
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\n" + headers + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String meta(Document doc, String property) {
        return doc.select("meta[property=" + property + "]").attr("content");
    }

    static JsonNode jsonLd(Document doc) throws IOException {
        return new ObjectMapper().readTree(doc.select("script[type=application/ld+json]").first().data());
    }

    /** An author's title full of markup and control characters stays data in every format. */
    @Test
    void hostileTitlesStayDataInJsonLdSitemapAndFeed(@TempDir Path content) throws Exception {
        String title = "</script><script>alert(1)</script> & <!-- ]]> \u2028 \u0001x";
        Files.createDirectories(content.resolve("en"));
        Files.writeString(content.resolve("en/evil.md"), "---\ntitle: \"" + title.replace("\u0001", "\\x01")
                + "\"\ndescription: \"a < b & c\"\nlastmod: 2025-01-02\n---\n\nBody.\n");
        try (TestServer evil = new TestServer(content)) {
            HttpResponse<String> page = evil.get("/en/evil");
            assertThat(page.statusCode()).isEqualTo(200);
            String block = page.body().substring(page.body().indexOf("application/ld+json"));
            block = block.substring(0, block.indexOf("</script>"));
            assertThat(block).doesNotContain("<script").doesNotContain("<!--");
            Document doc = org.jsoup.Jsoup.parse(page.body());
            assertThat(doc.select("script:not([src]):not([type=application/ld+json])")).isEmpty();
            assertThat(jsonLd(doc).get("@graph").get(0).get("headline").asText()).startsWith("</script><script>alert(1)");

            org.w3c.dom.Document feed = xml(evil.get("/en/feed.xml").body());
            Element entry = elements(feed, ATOM_NS, "entry").get(0);
            assertThat(text(entry, ATOM_NS, "title")).startsWith("</script><script>alert(1)</script> & <!-- ]]>").endsWith("x");
            assertThat(text(entry, ATOM_NS, "summary")).isEqualTo("a < b & c");
            xml(evil.get("/sitemap.xml").body());
        }
    }
}
