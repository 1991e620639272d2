package kb.search;

import static kb.search.TestContent.article;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentifierSearchTest {
    @TempDir
    static Path dir;

    static SearchIndex index;

    @BeforeAll
    static void build() {
        index = TestContent.index(dir, Map.of(
                "en/scopes.md", article("Scopes the app asks for", "scopes", """
                        ## Mail scopes {#mail-scopes}

                        The app needs `Mail.ReadWrite` and `Mail.Send` to read and send mail.

                        ## Calendar scopes {#calendar-scopes}

                        For calendars it asks for `Calendars.ReadWrite` and `offline_access`.

                        ## Reading and writing in general {#read-write}

                        Apps read mail and write mail; to read and write, they need consent.
                        """),
                "en/errors.md", article("Connection errors", "errors", """
                        ## API not enabled {#rest-api-not-enabled}

                        The error shows as OFFICE_ERROR_REST_API_NOT_ENABLED_FOR_COMPONENT_SHARED_MAILBOX in your account.

                        ## Odd address {#outlook-alias}

                        The inbox shows as `outlook_[string_of_characters]@outlook.com` instead of your address.

                        ## Errors with the Office REST API {#office-rest}

                        Office errors: the REST API is not enabled for a shared mailbox component, said an error.
                        """)));
    }

    private static List<String> urls(String query) {
        return index.search(query, "en", 10).results().stream().map(SearchHit::url).toList();
    }

    @ParameterizedTest(name = "{0} → #{1}")
    @CsvSource({
        "Mail.ReadWrite, mail-scopes",
        "mail.readwrite, mail-scopes",
        "offline_access, calendar-scopes",
        "Calendars.ReadWrite, calendar-scopes",
        "OFFICE_ERROR_REST_API_NOT_ENABLED_FOR_COMPONENT_SHARED_MAILBOX, rest-api-not-enabled",
        "office_error_rest_api_not_enabled_for_component_shared_mailbox, rest-api-not-enabled",
        "OFFICE_ERROR_REST_API, rest-api-not-enabled",
        "REST_API_NOT_ENABLED, rest-api-not-enabled",
        "outlook_, outlook-alias",
        "`Mail.ReadWrite`, mail-scopes",
    })
    void anIdentifierWholeOrInPartFindsItsSectionFirst(String query, String id) {
        assertThat(urls(query)).first().asString().endsWith("#" + id);
    }

    @Test
    void anExactIdentifierOutranksTheSameWordsInProse() {
        for (String typed : List.of("ReadWrite", "readwrite")) {
            assertThat(urls(typed).subList(0, 2)).containsExactlyInAnyOrder("/en/scopes#mail-scopes", "/en/scopes#calendar-scopes");
        }
        assertThat(urls("REST_API_NOT_ENABLED")).first().isEqualTo("/en/errors#rest-api-not-enabled");
    }

    @Test
    void identifiersInTheSnippetAreMarkedWhole() {
        SearchHit hit = index.search("OFFICE_ERROR_REST_API", "en", 1).results().get(0);
        assertThat(hit.snippet()).contains("<mark>OFFICE_ERROR_REST_API_NOT_ENABLED_FOR_COMPONENT_SHARED_MAILBOX</mark>");
        assertThat(index.search("Mail.ReadWrite", "en", 1).results().get(0).snippet()).contains("<mark>Mail.ReadWrite</mark>");
    }
}
