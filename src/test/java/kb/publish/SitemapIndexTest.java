package kb.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kb.BrowseContent;
import kb.TestServer;
import kb.content.ContentLoader;
import kb.content.Library;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The sitemap lists category and tag pages, and splits into an index of parts past its URL limit. */
class SitemapIndexTest {
    static final String NS = PublishingTest.SITEMAP_NS;
    static final String BASE = "https://help.example.com";
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(Javalin app, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> locs(Document doc) {
        List<String> locs = new ArrayList<>();
        for (Element e : PublishingTest.elements(doc, NS, "loc")) {
            locs.add(e.getTextContent());
        }
        return locs;
    }

    /** The two sitemap routes as Main wires them, around a Publishing with the given limit. */
    private static Javalin serve(Library library, int limit) {
        Publishing publishing = new Publishing(() -> library, () -> URI.create(BASE), (lang, key) -> key,
                List.of("/", "/admin-consent", "/tags"), limit);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/sitemap.xml", publishing::sitemap);
            config.routes.get("/sitemap-{n}.xml", publishing::sitemapPart);
        }).start(0);
    }

    @Test
    void pastTheLimitTheSitemapIsAnIndexOfPartsThatTogetherListEveryUrlOnce() throws Exception {
        Library library = new ContentLoader(Set.of("admin-consent")).load(Path.of("content"));
        Javalin whole = serve(library, 50_000);
        Javalin split = serve(library, 10);
        try {
            List<String> all = locs(PublishingTest.xml(get(whole, "/sitemap.xml").body()));
            assertThat(all).hasSizeBetween(21, 30);
            assertThat(get(whole, "/sitemap-1.xml").statusCode()).isEqualTo(404);

            Document index = PublishingTest.xml(get(split, "/sitemap.xml").body());
            assertThat(index.getDocumentElement().getLocalName()).isEqualTo("sitemapindex");
            assertThat(index.getDocumentElement().getNamespaceURI()).isEqualTo(NS);
            List<String> parts = locs(index);
            int expected = (all.size() + 9) / 10;
            List<String> wanted = new ArrayList<>();
            for (int i = 1; i <= expected; i++) {
                wanted.add(BASE + "/sitemap-" + i + ".xml");
            }
            assertThat(parts).isEqualTo(wanted);
            List<String> joined = new ArrayList<>();
            for (int i = 1; i <= expected; i++) {
                HttpResponse<String> part = get(split, "/sitemap-" + i + ".xml");
                assertThat(part.statusCode()).isEqualTo(200);
                Document doc = PublishingTest.xml(part.body());
                assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("urlset");
                assertThat(locs(doc)).hasSizeBetween(1, 10);
                joined.addAll(locs(doc));
            }
            assertThat(joined).isEqualTo(all);
            for (String none : List.of("/sitemap-0.xml", "/sitemap-" + (expected + 1) + ".xml", "/sitemap-01.xml", "/sitemap-x.xml")) {
                assertThat(get(split, none).statusCode()).as(none).isEqualTo(404);
            }
        } finally {
            whole.stop();
            split.stop();
        }
    }

    @Test
    void categoryAndTagPagesAreListedWithTheirTranslations() throws Exception {
        TestServer server = BrowseContent.server();
        Document doc = PublishingTest.xml(server.get("/sitemap.xml").body());
        List<String> locs = locs(doc);
        String base = server.base();
        assertThat(locs).contains(base + "/pt/correio", base + "/en/mail", base + "/pt/correio/regras",
                base + "/pt/tags", base + "/en/tags", base + "/pt/tags/seguranca", base + "/en/tags/android");
        for (Element url : PublishingTest.elements(doc, NS, "url")) {
            String loc = PublishingTest.elements(url, NS, "loc").get(0).getTextContent();
            if (loc.equals(base + "/pt/correio")) {
                List<String> alternates = new ArrayList<>();
                PublishingTest.elements(url, PublishingTest.XHTML_NS, "link").forEach(l -> alternates.add(
                        l.getAttribute("hreflang") + " " + l.getAttribute("href")));
                assertThat(alternates).containsExactly("pt-BR " + base + "/pt/correio", "en " + base + "/en/mail",
                        "x-default " + base + "/pt/correio");
                assertThat(PublishingTest.elements(url, NS, "lastmod").get(0).getTextContent()).isEqualTo("2024-04-30");
            }
        }
    }
}
