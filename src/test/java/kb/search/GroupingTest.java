package kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kb.content.Article;
import kb.content.Section;
import org.junit.jupiter.api.Test;

class GroupingTest {
    private static Article article(String url, String... sectionIds) {
        List<Section> sections = new ArrayList<>();
        for (String id : sectionIds) {
            sections.add(new Section(id, id, 2, "", List.of()));
        }
        return new Article("en", url, url, "", Optional.empty(), "", List.of(), List.of(), 1, "", "", sections, List.of(), Path.of("x.md"));
    }

    private static LanguageIndex.Scored doc(Article a, float score) {
        return new LanguageIndex.Scored(new Entry(a, null, -1), score, -1);
    }

    private static LanguageIndex.Scored section(Article a, int i, float score) {
        return new LanguageIndex.Scored(new Entry(a, a.sections().get(i), i), score, -1);
    }

    private static List<String> urls(List<LanguageIndex.Scored> ranked) {
        return LanguageIndex.group(ranked).stream().map(s -> s.entry().url()).toList();
    }

    @Test
    void aSectionNearlyAsGoodAsItsArticleTakesTheArticlesPlace() {
        Article a = article("/en/a", "one", "two");
        Article b = article("/en/b", "x");
        assertThat(urls(List.of(doc(a, 10), section(b, 0, 9), section(a, 1, 8), section(a, 0, 2))))
                .containsExactly("/en/a#two", "/en/b#x", "/en/a#one");
    }

    @Test
    void anArticleClearlyBetterThanItsSectionsStandsAloneForThem() {
        Article a = article("/en/a", "one", "two");
        Article b = article("/en/b", "x");
        assertThat(urls(List.of(doc(a, 10), section(b, 0, 9), section(a, 1, 1.5f), section(a, 0, 1f))))
                .containsExactly("/en/a", "/en/b#x");
    }

    @Test
    void oneArticleGivesAtMostThreeEntries() {
        Article a = article("/en/a", "1", "2", "3", "4", "5");
        Article b = article("/en/b", "x");
        assertThat(urls(List.of(section(a, 0, 9), section(a, 1, 8), section(a, 2, 7), section(a, 3, 6), section(b, 0, 5), section(a, 4, 4))))
                .containsExactly("/en/a#1", "/en/a#2", "/en/a#3", "/en/b#x");
    }

    @Test
    void onTheShippedArticlesNoTopThreeHoldsAnArticleTogetherWithItsOwnSection() {
        SearchIndex index = TestContent.shipped();
        for (String lang : List.of("pt", "en")) {
            for (RelevanceTest.Case c : lang.equals("pt") ? RelevanceTest.PT : RelevanceTest.EN) {
                List<String> top = index.search(c.query(), lang, 3).results().stream().map(SearchHit::url).toList();
                for (String url : top) {
                    if (!url.contains("#")) {
                        assertThat(top).as("top 3 for %s", c.query()).noneMatch(u -> u.startsWith(url + "#"));
                    }
                }
            }
        }
    }

    @Test
    void pagesSplitOneRankingWithoutGapsOrRepeats() {
        SearchIndex index = TestContent.shipped();
        List<SearchHit> all = index.search("office 365", "pt", 1, 6).results();
        List<SearchHit> paged = new ArrayList<>(index.search("office 365", "pt", 1, 3).results());
        paged.addAll(index.search("office 365", "pt", 2, 3).results());
        assertThat(paged).isEqualTo(all);
        SearchResults first = index.search("office 365", "pt", 1, 3);
        assertThat(first.hasNextPage()).isEqualTo(first.total() > 3);
    }
}
