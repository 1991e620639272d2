package kb.search;

import static kb.search.TestContent.article;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorCodeLookupTest {
    private static final String CODE = "OFFICE_ERROR_REST_API_NOT_ENABLED_FOR_COMPONENT_SHARED_MAILBOX";

    @TempDir
    static Path dir;

    static SearchIndex made;

    @BeforeAll
    static void build() {
        made = TestContent.index(dir, Map.of(
                "en/errors.md", article("Errors", "errors", """
                        Codes such as KB_ERR_7_INTRO_CODE are explained below.

                        ## Overview {#overview}

                        First paragraph without codes.

                        Later, KB_ERR_12_FOO_BAR and KB_ERR_99_DEEP_ONLY show up in passing.

                        ## The KB_ERR_12_FOO_BAR error {#foo-bar}

                        What it means and what to do.

                        ## Only in English {#english-only}

                        The error KB_ERR_5_EN_ONLY appears here.

                        ## Not translated {#untranslated}

                        The error KB_ERR_6_EN_SECTION_ONLY appears here.
                        """),
                "pt/erros.md", article("Erros", "errors", """
                        ## Visão geral {#overview}

                        Primeiro parágrafo.

                        ## O erro KB_ERR_12_FOO_BAR {#foo-bar}

                        O que significa.

                        ## Só em inglês {#english-only}

                        Texto sem o código.
                        """),
                "en/lonely.md", article("Lonely", "lonely", """
                        ## Only here {#only-here}

                        The code LONELY_CODE_X has no translation at all.
                        """)));
    }

    @ParameterizedTest
    @ValueSource(strings = {CODE, "office_error_rest_api_not_enabled_for_component_shared_mailbox", "  " + CODE + "  "})
    void theShippedErrorCodeLeadsToItsSectionInEachLanguage(String typed) {
        SearchIndex shipped = TestContent.shipped();
        assertThat(shipped.urlForErrorCode("pt", typed)).contains("/pt/erros-de-conexao-caixa-de-entrada-calendario#rest-api-not-enabled");
        assertThat(shipped.urlForErrorCode("en", typed)).contains("/en/inbox-calendar-connection-errors#rest-api-not-enabled");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "OFFICE", "KB", "A_", "_A", "KB_ERR_1_UNKNOWN", "../../etc/passwd", "KB_ERR_12_FOO_BAR/../x",
        "KB ERR 12", "KB-ERR-12-FOO-BAR", "KB_ERR_12_FOO_BAR\u0000", "<script>", "Ｋ＿Ｂ", "12_34"})
    void anythingButAKnownCodeIsNotFound(String typed) {
        assertThat(made.urlForErrorCode("en", typed)).isEmpty();
        assertThat(made.urlForErrorCode("en", "A" + "_B".repeat(60))).isEmpty();
        assertThat(made.urlForErrorCode("en", null)).isEmpty();
        assertThat(made.urlForErrorCode("fr", "KB_ERR_12_FOO_BAR")).isEmpty();
    }

    @Test
    void aSectionThatNamesTheCodeInItsHeadingOrFirstParagraphWinsOverAnEarlierMention() {
        assertThat(made.urlForErrorCode("en", "KB_ERR_12_FOO_BAR")).contains("/en/errors#foo-bar");
        assertThat(made.urlForErrorCode("pt", "kb_err_12_foo_bar")).contains("/pt/erros#foo-bar");
    }

    @Test
    void otherwiseTheFirstMentionCounts() {
        assertThat(made.urlForErrorCode("en", "KB_ERR_99_DEEP_ONLY")).contains("/en/errors#overview");
    }

    @Test
    void aCodeInTheIntroLeadsToTheTopOfTheArticle() {
        assertThat(made.urlForErrorCode("en", "KB_ERR_7_INTRO_CODE")).contains("/en/errors");
    }

    @Test
    void aCodeOnlyTheOtherLanguageNamesLeadsToTheTranslation() {
        assertThat(made.urlForErrorCode("pt", "KB_ERR_5_EN_ONLY")).contains("/pt/erros#english-only");
        assertThat(made.urlForErrorCode("pt", "KB_ERR_6_EN_SECTION_ONLY")).contains("/pt/erros");
        assertThat(made.urlForErrorCode("pt", "LONELY_CODE_X")).contains("/en/lonely#only-here");
    }

    @Test
    void theCodesKeptWithAnArticleReadBackAsTheyWereFoundWhereverTheBytesSit() {
        java.util.List<ErrorCodes.Found> found = java.util.List.of(
                new ErrorCodes.Found("OFFICE_ERROR_REST_API_NOT_ENABLED", "rest-api-not-enabled", true),
                new ErrorCodes.Found("AADSTS50105", null, false),
                new ErrorCodes.Found("KB_ERR_00001_SYNC", "seção-ç", false));
        byte[] bytes = ErrorCodes.toBytes(found);
        assertThat(ErrorCodes.fromBytes(bytes)).isEqualTo(found);
        // As a doc value hands them over: inside a larger array, with other bytes around.
        byte[] around = new byte[bytes.length + 7];
        java.util.Arrays.fill(around, (byte) 'x');
        System.arraycopy(bytes, 0, around, 3, bytes.length);
        assertThat(ErrorCodes.fromBytes(around, 3, bytes.length)).isEqualTo(found);
        // Lines that are not a code, a section and a mark are skipped, not guessed at.
        byte[] damaged = "\tsection\tP\nNO_TABS_HERE\nA_B\ts\tP\textra\nGOOD_CODE\t\tA\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(ErrorCodes.fromBytes(damaged)).containsExactly(new ErrorCodes.Found("GOOD_CODE", null, false));
    }
}
