package kb.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import kb.content.Article;
import kb.content.Languages;
import kb.content.Library;
import kb.publish.Head;
import kb.search.SearchHit;
import kb.search.SearchResults;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The results page for results the shipped content cannot produce yet: near misses (no result has
 * every word), rendered by the page's own model and templates.
 */
class SearchResultsViewTest {
    static final Map<String, Messages> MESSAGES = Map.of("pt", new Messages("pt"), "en", new Messages("en"));
    static final Templates TEMPLATES = new Templates(MESSAGES::get, Assets.fromClasspath());
    static final SearchPages PAGES = new SearchPages(() -> null,
            new Frame(new Responder(TEMPLATES), MESSAGES::get, () -> Languages.BUILT_IN,
                    new Head(() -> URI.create("http://localhost"), () -> Languages.BUILT_IN, (l, k) -> MESSAGES.get(l).get(k))),
            new Responder(TEMPLATES), nanos -> {}, (lang, query, results, source) -> null);

    private static SearchHit hit(String lang, String article, String section) {
        String url = "/" + lang + "/" + article + (section == null ? "" : "#" + section);
        Article of = new Article(lang, "/" + lang + "/" + article, "Artigo " + article, "", Optional.empty(), "", List.of(),
                List.of(), 1, "", "", List.of(), List.of(), Path.of(lang, article + ".md"));
        return new SearchHit("Artigo " + article, section == null ? null : "Seção " + section, url,
                "texto com <mark>conexão</mark> &amp; mais", lang, of);
    }

    private static String render(SearchResults results, SearchResults other, List<Article> articles) {
        return TEMPLATES.render(new View("search", PAGES.resultsLayout(results),
                SearchPages.resultsPage(Library.EMPTY, results, other, articles)));
    }

    private static Article article(String lang, int n) {
        return new Article(lang, "/" + lang + "/artigo-" + n, "Artigo " + n, "", Optional.empty(), "", List.of(),
                List.of(), 1, "", "", List.of(), List.of(), Path.of(lang, "artigo-" + n + ".md"));
    }

    private static SearchResults results(String lang, List<SearchHit> hits, boolean partial, boolean otherLanguage, String suggestion) {
        return new SearchResults("conexão perdida", lang, hits.size(), hits, suggestion, otherLanguage, 1, 10, partial);
    }

    /** A page of near misses with the other language's hits and more articles than the page lists. */
    static String closeMatchesPage(String lang) {
        String other = lang.equals("pt") ? "en" : "pt";
        SearchResults near = results(lang, List.of(hit(lang, "a", "one"), hit(lang, "b", null), hit(lang, "a", "two")),
                true, false, "conexões perdidas");
        List<Article> articles = IntStream.rangeClosed(1, 25).mapToObj(n -> article(lang, n)).toList();
        return render(near, results(other, List.of(hit(other, "x", "s1"), hit(other, "x", "s2"), hit(other, "y", null)), false, false, null),
                articles);
    }

    @Test
    void nearMissesAreOfferedAsTheClosestSectionsNextToTheOtherLanguageAndTheArticles() {
        Document doc = Jsoup.parse(closeMatchesPage("pt"));
        assertThat(doc.select(".no-exact-lead").text()).isEqualTo("Não encontramos uma resposta exata para “conexão perdida”.");
        assertThat(doc.select(".suggestion a").text()).isEqualTo("conexões perdidas");
        assertThat(doc.select(".result-count")).as("no count that reads like answers").isEmpty();

        Element close = doc.selectFirst("section.close-matches");
        assertThat(close.select("h2").text()).isEqualTo("Seções mais próximas");
        assertThat(close.select(".result-group h3 a").eachAttr("href")).containsExactly("/pt/a", "/pt/b");
        assertThat(close.select(".result-group").first().select(".result-section-link").eachAttr("href"))
                .containsExactly("/pt/a#one", "/pt/a#two");
        assertThat(close.select(".result-group[lang], .hit-lang")).isEmpty();

        Element other = doc.selectFirst("section.other-language");
        assertThat(other.select("h2").text()).isEqualTo("Em inglês");
        assertThat(other.select(".result-group")).hasSize(2).allSatisfy(card -> {
            assertThat(card.attr("lang")).isEqualTo("en");
            assertThat(card.select(".hit-lang").text()).isEqualTo("Em inglês");
            assertThat(card.select("a[href]").eachAttr("hreflang")).containsOnly("en");
        });

        assertThat(doc.select(".search-articles li a")).hasSize(20);
        assertThat(doc.select(".search-articles a[href=/pt/]").text()).isEqualTo("Ver todos os artigos na página inicial");
        assertThat(doc.select("h1, h2, h3").eachText()).doesNotHaveDuplicates();
    }

    @Test
    void theEnglishPageSaysTheSameInEnglish() {
        Document doc = Jsoup.parse(closeMatchesPage("en"));
        assertThat(doc.select(".no-exact-lead").text()).isEqualTo("We found no exact answer for “conexão perdida”.");
        assertThat(doc.select("section.close-matches h2").text()).isEqualTo("Closest sections");
        assertThat(doc.select("section.other-language h2").text()).isEqualTo("In Portuguese");
        assertThat(doc.select("section.other-language .result-group").eachAttr("lang")).containsOnly("pt-BR");
        assertThat(doc.text()).doesNotContain("??");
    }

    @Test
    void goodResultsAreShownAsResultsWithoutTheHelpForNearMisses() {
        List<SearchHit> hits = new ArrayList<>(List.of(hit("pt", "a", "one"), hit("pt", "b", null), hit("pt", "a", "two")));
        Document doc = Jsoup.parse(render(results("pt", hits, false, false, null), null, List.of(article("pt", 1))));
        assertThat(doc.select(".result-count").text()).isEqualTo("3 resultados");
        assertThat(doc.select(".result-group h2 a").eachAttr("href")).containsExactly("/pt/a", "/pt/b");
        assertThat(doc.select(".no-exact, .close-matches, .other-language, .search-articles")).isEmpty();
    }

    @Test
    void nothingMatchesWellWhenResultsArePartialEmptyOrInTheOtherLanguage() {
        List<SearchHit> one = List.of(hit("pt", "a", null));
        assertThat(SearchPages.nearMiss(results("pt", one, false, false, null))).isFalse();
        assertThat(SearchPages.nearMiss(results("pt", one, true, false, null))).isTrue();
        assertThat(SearchPages.nearMiss(results("pt", List.of(), false, false, null))).isTrue();
        assertThat(SearchPages.nearMiss(results("pt", List.of(hit("en", "a", null)), false, true, null))).isTrue();
    }

    @Test
    void hitsOfOneArticleGoUnderOneCardInTheOrderOfTheirBestHit() {
        List<SearchResults.ArticleHits> groups = results("pt", List.of(hit("pt", "a", "1"), hit("pt", "b", "x"),
                hit("pt", "a", null), hit("pt", "c", null), hit("pt", "b", "y")), false, false, null).groups();
        assertThat(groups).extracting(g -> g.article().url()).containsExactly("/pt/a", "/pt/b", "/pt/c");
        assertThat(groups.get(0).hits()).extracting(SearchHit::url).containsExactly("/pt/a#1", "/pt/a");
        assertThat(groups.get(1).hits()).extracting(SearchHit::url).containsExactly("/pt/b#x", "/pt/b#y");
    }

    /** A page model whose component would hide one of the layout's. */
    record Clash(String title) {}

    @Test
    void aPageModelCannotHideTheLayoutsVariables() {
        Layout layout = PAGES.resultsLayout(results("pt", List.of(), false, false, null));
        assertThatThrownBy(() -> TEMPLATES.render(new View("notfound", layout, new Clash("x"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Clash.title");
    }
}
