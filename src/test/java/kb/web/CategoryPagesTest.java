package kb.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import kb.BrowseContent;
import kb.TestServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Browsing a help center by its folders: category pages, paging, breadcrumbs, tags and related articles. */
class CategoryPagesTest {
    static final TestServer server = BrowseContent.server();

    private static List<String> hrefs(Document doc, String css) {
        return doc.select(css).eachAttr("href");
    }

    private static List<String> articleLinks(Document doc) {
        return hrefs(doc, ".listing-articles .article-list a.article-link");
    }

    @Test
    void aFolderIsACategoryListingItsSubcategoriesThenItsArticlesByWeightThenTitle() {
        Document pt = server.page("/pt/correio");
        assertThat(pt.select("h1").text()).isEqualTo("Correio eletrônico");
        assertThat(pt.select("main .lead").text()).isEqualTo("Caixa de entrada, regras e anexos.");
        assertThat(pt.select("meta[name=description]").attr("content")).isEqualTo("Caixa de entrada, regras e anexos.");
        // 120 of its own and 2 in its subcategory.
        assertThat(pt.select(".listing-count").text()).isEqualTo("122 artigos");
        assertThat(hrefs(pt, ".subcategories a")).containsExactly("/pt/correio/regras");
        assertThat(pt.select(".subcategories li").text()).isEqualTo("Regras 2 artigos");
        List<String> links = articleLinks(pt);
        assertThat(links).hasSize(50);
        assertThat(links.subList(0, 4)).containsExactly("/pt/correio/mensagem-007", "/pt/correio/mensagem-001",
                "/pt/correio/mensagem-002", "/pt/correio/mensagem-003");
        assertThat(links).doesNotContain("/pt/correio/regras/filtros");
    }

    @Test
    void pagesHoldFiftyArticlesEachWithPrevNextLinksAndTheirOwnCanonical() {
        List<String> seen = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            String path = page == 1 ? "/en/mail" : "/en/mail?page=" + page;
            Document doc = server.page(path);
            seen.addAll(articleLinks(doc));
            assertThat(doc.select("link[rel=canonical]").attr("href")).isEqualTo(server.base() + path);
            assertThat(doc.select(".pagination").text()).contains("Page " + page + " of 3");
            String prev = page == 1 ? "" : server.base() + (page == 2 ? "/en/mail" : "/en/mail?page=" + (page - 1));
            String next = page == 3 ? "" : server.base() + "/en/mail?page=" + (page + 1);
            assertThat(doc.select("link[rel=prev]").attr("href")).as(path).isEqualTo(prev);
            assertThat(doc.select("link[rel=next]").attr("href")).as(path).isEqualTo(next);
            assertThat(doc.select(".pagination a[rel=next]").size()).isEqualTo(page == 3 ? 0 : 1);
        }
        assertThat(seen).hasSize(BrowseContent.MAIL).doesNotHaveDuplicates();
        assertThat(server.page("/en/mail?page=2").title()).startsWith("Email – page 2");
        // ?page=1 is the first page: its canonical is the URL without the query.
        assertThat(server.page("/en/mail?page=1").select("link[rel=canonical]").attr("href")).isEqualTo(server.base() + "/en/mail");
    }

    @Test
    void aPagePastTheEndOrAnUnknownCategoryIsA404AndABadPageNumberA400InTheReadersLanguage() {
        for (String path : List.of("/en/mail?page=4", "/en/no-such-category", "/en/mail/no-such-sub")) {
            HttpResponse<String> r = server.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(Jsoup.parse(r.body()).select("h1").text()).as(path).isEqualTo("Page not found");
        }
        assertThat(Jsoup.parse(server.get("/pt/correio?page=9").body()).select("h1").text()).isEqualTo("Página não encontrada");
        for (String bad : List.of("abc", "0", "-1", "1.5", "2x", "99999999999")) {
            HttpResponse<String> pt = server.get("/pt/correio?page=" + bad);
            assertThat(pt.statusCode()).as(bad).isEqualTo(400);
            Document doc = Jsoup.parse(pt.body());
            assertThat(doc.select("html").attr("lang")).isEqualTo("pt-BR");
            assertThat(doc.select("h1").text()).isEqualTo("Número de página inválido");
            assertThat(doc.select("main a").attr("href")).isEqualTo("/pt/correio");
        }
        HttpResponse<String> en = server.get("/en/tags/email?page=zero");
        assertThat(en.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(en.body()).select("[role=alert]").text()).contains("whole number");
        assertThat(server.get("/en/?page=2").statusCode()).isEqualTo(404);
        assertThat(server.get("/en/?page=x").statusCode()).isEqualTo(400);
    }

    @Test
    void theHugoStyleSlashRedirectsToTheCategoryAndIndexMdIsNoArticle() {
        HttpResponse<String> r = server.get("/en/mail/?page=2");
        assertThat(r.statusCode()).isEqualTo(301);
        assertThat(r.headers().firstValue("Location")).contains("/en/mail?page=2");
        assertThat(server.get("/en/mail/_index").statusCode()).isEqualTo(404);
        assertThat(server.get("/health").body()).contains("\"pt\":" + (BrowseContent.MAIL + 8));
        assertThat(server.page("/en/mail").select("a[href*=_index]")).isEmpty();
    }

    @Test
    void aFolderWithoutIndexMdIsTitledFromItsName() {
        assertThat(server.page("/pt/dispositivos-moveis").select("h1").text()).isEqualTo("Dispositivos moveis");
        assertThat(server.page("/en/mobile-devices").select("h1").text()).isEqualTo("Mobile devices");
        assertThat(server.page("/pt/correio/regras").select("h1").text()).isEqualTo("Regras");
    }

    @Test
    void categoriesLinkTheirTranslationsByTranslationKeyOrByTheirArticlesTranslations() {
        Document pt = server.page("/pt/correio");
        assertThat(pt.select("link[rel=alternate][hreflang=en]").attr("href")).isEqualTo(server.base() + "/en/mail");
        assertThat(pt.select("link[rel=alternate][hreflang=x-default]").attr("href")).isEqualTo(server.base() + "/pt/correio");
        assertThat(pt.select(".lang-switch a").attr("href")).isEqualTo("/en/mail");
        assertThat(server.page("/en/mail").select(".lang-switch a").attr("href")).isEqualTo("/pt/correio");
        // No _index.md on either side: every article of seguranca/ is translated into security/.
        assertThat(server.page("/pt/seguranca").select(".lang-switch a").attr("href")).isEqualTo("/en/security");
        assertThat(server.page("/en/mail/rules").select("link[rel=alternate][hreflang=pt-BR]").attr("href"))
                .isEqualTo(server.base() + "/pt/correio/regras");
        assertThat(server.page("/en/mail?page=3").select("link[rel=alternate][hreflang=pt-BR]").attr("href"))
                .isEqualTo(server.base() + "/pt/correio?page=3");
    }

    @Test
    void anArticleShowsItsBreadcrumbAndTheJsonLdBreadcrumbListSaysTheSame() throws Exception {
        Document doc = server.page("/pt/correio/regras/filtros");
        Element nav = doc.selectFirst("main nav.breadcrumb");
        assertThat(nav).isNotNull();
        assertThat(nav.attr("aria-label")).isEqualTo("Trilha de navegação");
        List<String> names = nav.select("li").eachText();
        List<String> urls = nav.select("li a").eachAttr("abs:href");
        assertThat(names).containsExactly("Central de ajuda", "Correio eletrônico", "Regras", "Filtros de mensagens");
        assertThat(urls).containsExactly(server.base() + "/pt/", server.base() + "/pt/correio", server.base() + "/pt/correio/regras",
                server.base() + "/pt/correio/regras/filtros");
        assertThat(nav.select("[aria-current=page]").eachText()).containsExactly("Filtros de mensagens");

        JsonNode list = null;
        for (JsonNode node : new ObjectMapper().readTree(doc.select("script[type=application/ld+json]").html()).get("@graph")) {
            if (node.get("@type").asText().equals("BreadcrumbList")) {
                list = node.get("itemListElement");
            }
        }
        assertThat(list).isNotNull();
        List<String> ldNames = new ArrayList<>();
        List<String> ldUrls = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            assertThat(list.get(i).get("position").asInt()).isEqualTo(i + 1);
            ldNames.add(list.get(i).get("name").asText());
            ldUrls.add(list.get(i).get("item").asText());
        }
        assertThat(ldNames).isEqualTo(names);
        assertThat(ldUrls).isEqualTo(urls);
        // An article at the top of its language: the home, then itself.
        assertThat(server.page("/en/welcome").select("nav.breadcrumb li").eachText()).containsExactly("Help center", "Welcome");
    }

    @Test
    void relatedArticlesShareTheCategoryAndTagsFirstAreInTheReadersLanguageAndAtMostFive() {
        List<String> related = hrefs(server.page("/pt/seguranca/senhas-fortes"), ".related a");
        // Same category and a shared tag; then same category (newest first), then both tags elsewhere;
        // then one of the two articles sharing one tag: five at most.
        assertThat(related).hasSize(5);
        assertThat(related.subList(0, 4)).containsExactly("/pt/seguranca/dois-fatores", "/pt/seguranca/alertas",
                "/pt/seguranca/sessoes", "/pt/correio/regras/filtros");
        assertThat(related.get(4)).isIn("/pt/correio/mensagem-003", "/pt/correio/mensagem-004");
        assertThat(related).allMatch(u -> u.startsWith("/pt/")).doesNotContain("/pt/seguranca/senhas-fortes");
        List<String> en = hrefs(server.page("/en/security/strong-passwords"), ".related a");
        assertThat(en).hasSize(5).allMatch(u -> u.startsWith("/en/"));
        assertThat(en.get(0)).isEqualTo("/en/security/two-factor");
        // An article sharing nothing with any other shows no related list at all.
        assertThat(server.page("/pt/boas-vindas").select(".related")).isEmpty();
    }

    @Test
    void tagsLinkFromTheArticleToTheirPagedPagesAndTheTagIndex() {
        Document article = server.page("/pt/seguranca/senhas-fortes");
        assertThat(article.select(".article-tags a").eachText()).containsExactly("Segurança", "senhas");
        assertThat(hrefs(article, ".article-tags a")).containsExactly("/pt/tags/seguranca", "/pt/tags/senhas");

        Document tag = server.page("/pt/tags/seguranca");
        assertThat(tag.select("h1").text()).isEqualTo("Segurança");
        assertThat(tag.title()).startsWith("Tag: Segurança");
        assertThat(articleLinks(tag)).containsExactlyInAnyOrder("/pt/seguranca/senhas-fortes", "/pt/correio/regras/filtros");
        assertThat(tag.select("nav.breadcrumb a").eachAttr("href")).containsExactly("/pt/", "/pt/tags", "/pt/tags/seguranca");

        Document email2 = server.page("/en/tags/email?page=3");
        assertThat(articleLinks(email2)).hasSize(BrowseContent.MAIL - 100);
        assertThat(email2.select("link[rel=prev]").attr("href")).isEqualTo(server.base() + "/en/tags/email?page=2");
        assertThat(server.get("/en/tags/email?page=4").statusCode()).isEqualTo(404);
        assertThat(server.get("/en/tags/no-such-tag").statusCode()).isEqualTo(404);

        // The same tag in both languages is one page in each, linked as translations.
        assertThat(server.page("/pt/tags/android").select("link[rel=alternate][hreflang=en]").attr("href"))
                .isEqualTo(server.base() + "/en/tags/android");
        assertThat(server.page("/pt/tags/senhas").select(".lang-switch a").attr("href")).isEqualTo("/en/tags");

        Document index = server.page("/en/tags");
        assertThat(index.select(".tag-index li").eachText()).contains("email 120 articles", "android 1 article");
        assertThat(hrefs(index, ".tag-index a")).contains("/en/tags/email", "/en/tags/security", "/en/tags/passwords");
    }

    @Test
    void theHomeShowsEachCategoryWithItsCountAndFirstArticlesAndTheRecentlyUpdated() {
        Document home = server.page("/pt/");
        List<String> categories = hrefs(home, ".category-card h3 a");
        // By weight (correio weighs 1), then title.
        assertThat(categories).containsExactly("/pt/correio", "/pt/dispositivos-moveis", "/pt/seguranca");
        Element mail = home.selectFirst(".category-card");
        assertThat(mail.select(".category-count").text()).isEqualTo("122 artigos");
        assertThat(mail.select(".category-preview a").eachAttr("href")).containsExactly("/pt/correio/mensagem-007",
                "/pt/correio/mensagem-001", "/pt/correio/mensagem-002");
        assertThat(hrefs(home, ".home-articles a.article-link")).containsExactly("/pt/boas-vindas");
        List<String> recent = hrefs(home, ".home-recent a.article-link");
        assertThat(recent).hasSize(10);
        assertThat(recent.subList(0, 3)).containsExactly("/pt/seguranca/senhas-fortes", "/pt/correio/regras/filtros",
                "/pt/correio/mensagem-120");
        assertThat(home.select("main a")).hasSizeLessThan(60);
    }

    @Test
    void searchResultsNameEachHitsCategory() throws Exception {
        Document results = server.page("/en/search?q=strong+passwords");
        Element card = results.selectFirst(".result-group");
        assertThat(card.select("h2 a").attr("href")).isEqualTo("/en/security/strong-passwords");
        assertThat(card.select(".hit-category a").attr("href")).isEqualTo("/en/security");
        assertThat(card.select(".hit-category").text()).isEqualTo("Category: Security");
        assertThat(server.page("/en/search?q=welcome").select(".result-group").first().select(".hit-category")).isEmpty();

        JsonNode api = new ObjectMapper().readTree(server.get("/api/search?q=strong+passwords&lang=en").body());
        JsonNode first = api.get("results").get(0);
        assertThat(first.get("url").asText()).startsWith("/en/security/strong-passwords");
        assertThat(first.get("category").get("title").asText()).isEqualTo("Security");
        assertThat(first.get("category").get("url").asText()).isEqualTo("/en/security");
        assertThat(first.get("title").asText()).isEqualTo("Strong passwords");
    }
}
