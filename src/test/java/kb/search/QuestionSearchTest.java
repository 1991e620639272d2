package kb.search;

import static kb.search.TestContent.article;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readers who type sentences, paste codes and IDs, mix languages, or have not finished typing. */
class QuestionSearchTest {
    @TempDir
    static Path dir;

    static SearchIndex index;

    @BeforeAll
    static void build() {
        index = TestContent.index(dir, Map.of(
                "en/sending.md", article("Sending mail", "sending", """
                        ## Messages stuck in the outbox {#outbox}

                        When the connection to the mail server is refused, messages wait in the outbox.

                        ## How you can do anything at all {#anything}

                        How can you do it? You can do it how you want, anything you can.

                        ## Quota reached {#quota}

                        The mailbox quota is reached: archive old messages.

                        ## Sign-in codes {#codes}

                        Microsoft's sign-in page may show AADSTS50105 when the user is not assigned to the app.

                        ## Tenant format {#tenant-format}

                        A tenant ID is a GUID.
                        """),
                "en/approval.md", article("Approval", "approval", """
                        ## Consent for everyone {#everyone}

                        An admin grants consent for the whole organization.
                        """),
                "pt/aprovacao.md", article("Aprovação", "approval", """
                        ## Consentimento para todos {#everyone}

                        Um administrador concede o consentimento para a organização inteira.

                        ## Outra coisa {#other}

                        O administrador também cuida das licenças.
                        """),
                "pt/envio.md", article("Envio", "sending", """
                        ## Interação necessária {#interaction}

                        Peça acesso ao administrador.
                        """)));
    }

    private static SearchResults search(String query, String lang) {
        return index.search(query, lang, 10);
    }

    private static List<String> urls(String query, String lang) {
        return search(query, lang).results().stream().map(SearchHit::url).toList();
    }

    @Test
    void aQuestionWithWordsNoArticleUsesStillFindsItsSectionAndSaysItIsANearMiss() {
        SearchResults r = search("why are my weird messages stuck in the outbox", "en");
        assertThat(r.results()).isNotEmpty();
        assertThat(r.results().get(0).url()).isEqualTo("/en/sending#outbox");
        assertThat(r.partial()).isTrue();
    }

    @Test
    void questionWordsNeverDecideTheRanking() {
        assertThat(urls("how can I do something about the quota", "en")).first().isEqualTo("/en/sending#quota");
    }

    @Test
    void whenEveryWordIsFoundTheResultsAreNotNearMisses() {
        SearchResults r = search("mailbox quota", "en");
        assertThat(r.results()).first().extracting(SearchHit::url).isEqualTo("/en/sending#quota");
        assertThat(r.partial()).isFalse();
    }

    @Test
    void aSectionWithMoreOfTheWordsComesFirst() {
        assertThat(urls("archive messages quota server", "en")).first().isEqualTo("/en/sending#quota");
    }

    @Test
    void aWordOnlyTheOtherLanguageKnowsFindsTheTranslationOfItsSection() {
        assertThat(urls("administrador consent", "pt")).first().isEqualTo("/pt/aprovacao#everyone");
    }

    @Test
    void aQueryAllInTheOtherLanguageIsAnsweredThereAndSaidSo() {
        SearchResults r = search("consentimento organização", "en");
        assertThat(r.fromOtherLanguage()).isTrue();
        assertThat(r.results()).first().extracting(SearchHit::url).isEqualTo("/pt/aprovacao#everyone");
    }

    @Test
    void anUnknownCodeOfAKnownFamilyFindsTheSectionAboutThatFamily() {
        SearchResults r = search("AADSTS700016", "en");
        assertThat(r.results()).first().extracting(SearchHit::url).isEqualTo("/en/sending#codes");
        assertThat(r.partial()).isTrue();
        assertThat(urls("AADSTS50105", "en")).first().isEqualTo("/en/sending#codes");
    }

    @Test
    void aPastedGuidFindsWhereArticlesTalkAboutGuids() {
        assertThat(urls("{72F988BF-86F1-41AF-91AB-2D7CD011DB47}", "en")).first().isEqualTo("/en/sending#tenant-format");
    }

    @Test
    void theLastWordMayBeUnfinished() {
        assertThat(urls("interação necess", "pt")).first().isEqualTo("/pt/envio#interaction");
        assertThat(urls("necess", "pt")).first().isEqualTo("/pt/envio#interaction");
        assertThat(urls("quot", "en")).first().isEqualTo("/en/sending#quota");
    }

    @Test
    void aQueryOfFillerWordsOnlyIsStillSearched() {
        assertThat(urls("how can you", "en")).first().isEqualTo("/en/sending#anything");
    }
}
