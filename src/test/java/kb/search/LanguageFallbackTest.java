package kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageFallbackTest {
    private final SearchIndex index = TestContent.shipped();

    @Test
    void whenTheReadersLanguageHasNothingTheOtherLanguageIsOfferedAndSaidSo() {
        // A word the English articles, and the English synonyms, do not know.
        SearchResults results = index.search("aprovação", "en", 10);
        assertThat(results.fromOtherLanguage()).isTrue();
        assertThat(results.lang()).isEqualTo("en");
        assertThat(results.results()).isNotEmpty().allSatisfy(hit -> {
            assertThat(hit.lang()).isEqualTo("pt");
            assertThat(hit.url()).startsWith("/pt/");
        });

        SearchResults back = index.search("verified publishers", "pt", 10);
        assertThat(back.fromOtherLanguage()).isTrue();
        assertThat(back.results()).isNotEmpty().allSatisfy(hit -> assertThat(hit.lang()).isEqualTo("en"));
    }

    @Test
    void whenTheReadersLanguageHasResultsNothingElseIsMixedIn() {
        SearchResults results = index.search("inbox", "en", 50);
        assertThat(results.fromOtherLanguage()).isFalse();
        assertThat(results.results()).isNotEmpty().allSatisfy(hit -> assertThat(hit.lang()).isEqualTo("en"));
    }

    @Test
    void whenNoLanguageHasAnythingTheAnswerIsEmptyAndNotMarkedAsOther() {
        SearchResults results = index.search("zzxqjv wqkpz", "pt", 10);
        assertThat(results.results()).isEmpty();
        assertThat(results.total()).isZero();
        assertThat(results.fromOtherLanguage()).isFalse();
    }
}
