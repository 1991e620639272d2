package kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnalysisTest {
    private final Analysis pt = new Analysis("pt");
    private final Analysis en = new Analysis("en");

    static List<String> terms(Analyzer analyzer, String field, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Whether a document holding {@code written} is found by a query typed as {@code typed}. */
    private static boolean finds(Analysis a, String typed, String written) {
        List<String> query = terms(a.forQuery(), Analysis.BODY, typed);
        List<String> doc = terms(a.forIndex(), Analysis.BODY, written);
        return !query.isEmpty() && doc.containsAll(query);
    }

    @ParameterizedTest(name = "pt: {0} finds {1}")
    @CsvSource({
        "conexao, conexão", "conexao, conexões", "conexao, conexoes",
        "conexões, conexão", "conexões, conexao", "conexões, conexoes",
        "conexoes, conexão", "conexoes, conexões", "conexoes, conexao",
        "conexão, conexões", "conexão, conexoes", "conexão, conexao",
        "pao, pão", "pão, pao", "paes, pães", "pães, pão",
        "permissoes, permissões", "permissão, permissões", "permissao, permissões",
        "calendario, calendários", "locatario, locatário", "protecao, Proteção", "avancada, Avançada",
        "necessaria, necessária", "interacao, Interação", "aprovacao, aprovação",
    })
    void portugueseMatchesWithAndWithoutAccentsAndAcrossSingularAndPlural(String typed, String written) {
        assertThat(finds(pt, typed, written)).isTrue();
    }

    @ParameterizedTest(name = "pt stop word: {0}")
    @CsvSource({"você", "voce", "não", "nao", "é", "está", "esta", "também", "tambem", "de", "do", "à"})
    void portugueseStopWordsAreDroppedWithAndWithoutAccents(String word) {
        assertThat(terms(pt.forIndex(), Analysis.BODY, word)).isEmpty();
        assertThat(terms(pt.forQuery(), Analysis.BODY, word)).isEmpty();
    }

    @ParameterizedTest(name = "en: {0} finds {1}")
    @CsvSource({
        "calendar, calendars", "calendars, calendar", "permission, Permissions", "connecting, connection",
        "approve, approval", "cafe, café", "resume, résumé", "mailboxes, mailbox", "required, requires",
    })
    void englishStemsAndFolds(String typed, String written) {
        assertThat(finds(en, typed, written)).isTrue();
    }

    @Test
    void englishStopWordsAreDropped() {
        assertThat(terms(en.forQuery(), Analysis.BODY, "the of and is")).isEmpty();
    }

    /** The terms of the words as a query would analyze them, so stemmed parts compare fairly. */
    private static List<String> words(Analysis a, String words) {
        return terms(a.forQuery(), Analysis.BODY, words);
    }

    @Test
    void identifiersAreIndexedWholeAndByTheirParts() {
        assertThat(terms(en.forIndex(), Analysis.BODY, "Mail.ReadWrite"))
                .contains("mail.readwrite", "mailreadwrite")
                .containsAll(words(en, "mail read write"));
        assertThat(terms(en.forIndex(), Analysis.BODY, "offline_access"))
                .contains("offline_access")
                .containsAll(words(en, "offline access"));
        assertThat(terms(pt.forIndex(), Analysis.BODY, "OFFICE_ERROR_REST_API_NOT_ENABLED_FOR_COMPONENT_SHARED_MAILBOX"))
                .contains("office_error_rest_api_not_enabled_for_component_shared_mailbox")
                .containsAll(words(pt, "office error rest api not enabled for component shared mailbox"));
        assertThat(terms(pt.forIndex(), Analysis.BODY, "outlook_[string_of_characters]@outlook.com"))
                .contains("outlook_", "string_of_characters", "outlook.com")
                .containsAll(words(pt, "outlook string of characters"));
    }

    @Test
    void identifiersKeepTheirSpellingWhileTheirPartsAreStemmed() {
        // Whole identifiers are not stemmed (Calendars.ReadWrite stays itself) ...
        assertThat(terms(en.forIndex(), Analysis.BODY, "Calendars.ReadWrite")).contains("calendars.readwrite");
        // ... but a part is a word like any other: "calendars" meets "calendar".
        assertThat(terms(en.forIndex(), Analysis.BODY, "Calendars.ReadWrite")).contains("calendar");
    }

    @Test
    void aTypedIdentifierIsSearchedWholeOrAsItsParts() {
        // The query keeps both paths; the query builder turns them into "whole OR parts in a row".
        assertThat(terms(pt.forQuery(), Analysis.BODY, "ReadWrite")).containsExactly("readwrite", "read", "writ");
        assertThat(terms(pt.forIndex(), Analysis.BODY, "Mail.ReadWrite")).contains("read", "writ");
        assertThat(finds(en, "Mail.ReadWrite", "Mail.ReadWrite")).isTrue();
        assertThat(finds(en, "offline_access", "scopes: offline_access, openid")).isTrue();
    }

    @Test
    void theIndexAlsoHoldsEachIdentifierWholeAndFromEachPartOnAsMarkedTerms() {
        assertThat(terms(pt.forIndex(), Analysis.BODY, "Use Mail.ReadWrite e OFFICE_ERROR_REST_API; fim."))
                .contains("#mail.readwrite", "#readwrite", "#office_error_rest_api", "#error_rest_api", "#rest_api")
                .doesNotContain("#use", "#fim");
        assertThat(terms(pt.forQuery(), Analysis.BODY, "Mail.ReadWrite")).noneMatch(t -> t.startsWith("#"));
    }

    @Test
    void theIndexCountsThePlainWordsItSeesAsWritten() {
        WordCounts counts = new WordCounts();
        terms(pt.forIndex(counts), Analysis.BODY, "Permissões, permissões do Mail.ReadWrite 365 você");
        java.util.Map<String, Integer> seen = new java.util.TreeMap<>();
        counts.forEach(seen::put);
        assertThat(seen).containsEntry("permissões", 2).containsEntry("mail", 1).containsEntry("read", 1).containsEntry("você", 1)
                .doesNotContainKey("mail.readwrite").doesNotContainKey("365");
    }

    @Test
    void foldLowerCasesAndRemovesAccents() {
        assertThat(Analysis.fold("Conexões À Proteção")).isEqualTo("conexoes a protecao");
    }
}
