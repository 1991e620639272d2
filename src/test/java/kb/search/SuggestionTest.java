package kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestionTest {
    private final SearchIndex index = TestContent.shipped();

    @ParameterizedTest(name = "{0}: {1} → {2}")
    @CsvSource({
        "pt, permisoes, permissões",
        "pt, conecxão, conexão",
        "pt, calendario nao encontardo, calendario nao encontrado",
        "en, calender, calendar",
        "en, calender permissions, calendar permissions",
        "en, interacton required, interaction required",
        "en, advanced protecion, advanced protection",
    })
    void aMisspelledWordIsCorrectedFromTheArticlesOwnWordsWithTheirAccents(String lang, String typed, String suggested) {
        assertThat(index.search(typed, lang, 10).suggestion()).isEqualTo(suggested);
    }

    @Test
    void typosStillFindResultsBeforeTheReaderAcceptsTheSuggestion() {
        SearchResults results = index.search("calender", "en", 10);
        assertThat(results.results()).isNotEmpty();
        assertThat(results.results().get(0).snippet()).containsPattern("<mark>[Cc]alendars?</mark>");
        assertThat(index.search("permisoes", "pt", 10).results()).isNotEmpty();
    }

    @Test
    void noSuggestionForAQueryThatFindsEnoughOrForWordsNoArticleComesCloseTo() {
        assertThat(index.search("office 365", "pt", 10).suggestion()).isNull();
        assertThat(index.search("permissões", "pt", 10).suggestion()).isNull();
        assertThat(index.search("zzxqjv", "en", 10).suggestion()).isNull();
    }

    @Test
    void excludedWordsArePartOfTheSuggestionButNeverCorrected() {
        assertThat(index.search("calender -gmial", "en", 10).suggestion()).isEqualTo("calendar -gmial");
    }
}
