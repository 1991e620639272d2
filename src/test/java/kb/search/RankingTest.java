package kb.search;

import static kb.search.TestContent.article;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What ranks above what, and what quotes and minus signs do. */
class RankingTest {
    @TempDir
    static Path dir;

    static SearchIndex index;

    @BeforeAll
    static void build() {
        index = TestContent.index(dir, Map.of(
                "en/quotas.md", article("Storage limits", "quotas", """
                        ## Mailbox quota {#quota-heading}

                        How much a user can keep.

                        ## Archiving {#quota-body}

                        Old items move away when the quota is reached, so the mailbox stays small.

                        ## Consent, together {#together}

                        The tenant admin consent page lists each app.

                        ## Consent, apart {#apart}

                        Consent is given by the user, not by an admin, for this tenant page.

                        ## Scripts {#scripts}

                        Run this to see who can open a mailbox:

                        ```powershell
                        Get-MailboxFolderPermission -Identity shared@contoso.com:\\Calendar
                        ```
                        """),
                "en/forwarding.md", article("Forwarding rules", "forwarding", """
                        ## Forward to gmail {#gmail}

                        Rules can forward mail to a Gmail address.

                        ## Forward inside {#inside}

                        Rules can forward mail to a colleague.
                        """)));
    }

    private static List<String> urls(String query) {
        return index.search(query, "en", 10).results().stream().map(SearchHit::url).toList();
    }

    @Test
    void aWordInAHeadingOutranksTheSameWordInBodyText() {
        assertThat(urls("quota")).first().isEqualTo("/en/quotas#quota-heading");
    }

    @Test
    void wordsTogetherOutrankTheSameWordsApart() {
        assertThat(urls("admin consent tenant")).startsWith("/en/quotas#together", "/en/quotas#apart");
    }

    @Test
    void aQuotedPhraseMustAppearAsWritten() {
        assertThat(urls("\"admin consent\"")).containsExactly("/en/quotas#together");
        assertThat(urls("\"consent admin\"")).isEmpty();
    }

    @Test
    void aMinusExcludesWhatHoldsTheWordOrPhrase() {
        assertThat(urls("forward")).contains("/en/forwarding#gmail", "/en/forwarding#inside");
        assertThat(urls("forward -gmail")).contains("/en/forwarding#inside").doesNotContain("/en/forwarding#gmail");
        assertThat(urls("forward -\"gmail address\"")).doesNotContain("/en/forwarding#gmail");
        assertThat(urls("-forward")).isEmpty();
    }

    @Test
    void textInCodeBlocksIsSearchable() {
        assertThat(urls("Get-MailboxFolderPermission")).first().isEqualTo("/en/quotas#scripts");
        assertThat(urls("MailboxFolderPermission")).first().isEqualTo("/en/quotas#scripts");
    }

    @Test
    void aSectionWithEveryWordComesBeforeSectionsWithSome() {
        assertThat(urls("forward colleague")).first().isEqualTo("/en/forwarding#inside");
    }
}
