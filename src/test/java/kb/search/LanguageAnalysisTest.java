package kb.search;

import static kb.search.AnalysisTest.terms;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The chains of the languages beyond pt and en: Lucene's own where it has one, a neutral one otherwise. */
class LanguageAnalysisTest {
    private static boolean finds(Analysis a, String typed, String written) {
        List<String> query = terms(a.forQuery(), Analysis.BODY, typed);
        List<String> doc = terms(a.forIndex(), Analysis.BODY, written);
        return !query.isEmpty() && doc.containsAll(query);
    }

    @ParameterizedTest
    @CsvSource({
            "conexiones, conexión",
            "conexion, conexión",
            "conexión, conexiones",
            "administradores, administrador",
            "permisos, permiso",
            "aplicacion, aplicaciones"})
    void spanishStemsPluralsAndAccentsAreOptional(String typed, String written) {
        assertThat(finds(new Analysis("es"), typed, written)).as(typed + " finds " + written).isTrue();
    }

    @Test
    void spanishDropsItsStopWordsAndKeepsIdentifiers() {
        Analysis es = new Analysis("es");
        assertThat(terms(es.forQuery(), Analysis.BODY, "la conexión de las cuentas")).containsExactly("conexion", "cuent");
        assertThat(terms(es.forQuery(), Analysis.BODY, "OFFICE_ERROR_REST_API")).contains("office_error_rest_api", "rest");
    }

    @Test
    void aLanguageLuceneHasNoChainForIsFoldedButNotStemmed() {
        Analysis other = new Analysis("xx");
        assertThat(terms(other.forQuery(), Analysis.BODY, "Conexões Mail.ReadWrite")).contains("conexoes", "mail.readwrite", "read", "write");
        assertThat(terms(other.forQuery(), Analysis.BODY, "the")).containsExactly("the");
    }

    @Test
    void aSiteCodeReadsTheAnalysisOfItsLocalesLanguage() {
        assertThat(terms(new Analysis("br", "pt").forQuery(), Analysis.BODY, "as conexões"))
                .isEqualTo(terms(new Analysis("pt").forQuery(), Analysis.BODY, "as conexões"));
    }

    @ParameterizedTest
    @CsvSource({"fr, connexions, connexion", "de, Verbindungen, Verbindung", "it, connessioni, connessione"})
    void frenchGermanAndItalianUseTheirLightStemmers(String lang, String typed, String written) {
        assertThat(finds(new Analysis(lang), typed, written)).isTrue();
    }
}
