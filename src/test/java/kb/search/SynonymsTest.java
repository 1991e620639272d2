package kb.search;

import static kb.search.TestContent.article;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynonymsTest {
    @TempDir
    Path dir;

    private static List<String> alternatives(Synonyms synonyms, String phrase) {
        List<String> words = List.of(phrase.split(" "));
        List<Synonyms.Match> found = synonyms.find(words);
        return found.size() == 1 && found.get(0).start() == 0 && found.get(0).end() == words.size()
                ? found.get(0).alternatives() : List.of();
    }

    @Test
    void aLineMakesItsEntriesEquivalentIgnoringCaseAccentsAndSpacing() {
        Synonyms s = Synonyms.parse("Caixa de Entrada,  inbox\nlocatário, tenant # a comment\n", "test");
        assertThat(alternatives(s, "caixa de entrada")).containsExactly("Caixa de Entrada", "inbox");
        assertThat(alternatives(s, "INBOX")).containsExactly("Caixa de Entrada", "inbox");
        assertThat(alternatives(s, "locatario")).containsExactly("locatário", "tenant");
        assertThat(alternatives(s, "tenant")).containsExactly("locatário", "tenant");
    }

    @Test
    void anArrowMapsTheLeftToTheRightOnly() {
        Synonyms s = Synonyms.parse("o365, m365 => office 365\n", "test");
        assertThat(alternatives(s, "o365")).containsExactly("office 365");
        assertThat(alternatives(s, "office 365")).isEmpty();
    }

    @Test
    void theLongestEntryWinsAndMatchesDoNotOverlap() {
        Synonyms s = Synonyms.parse("azure, microsoft azure\nazure ad, entra id\n", "test");
        List<Synonyms.Match> found = s.find(List.of("erro", "azure", "ad", "azure"));
        assertThat(found).extracting(Synonyms.Match::start, Synonyms.Match::end)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 3), org.assertj.core.groups.Tuple.tuple(3, 4));
    }

    @Test
    void brokenLinesAreSkippedAndTheRestStillApplies() {
        Synonyms s = Synonyms.parse("""
                a => b => c
                => nothing before
                nothing after =>
                lonely
                !!!, ???
                inbox, mailbox
                escaped\\, comma, other
                """, "test");
        assertThat(alternatives(s, "inbox")).containsExactly("inbox", "mailbox");
        assertThat(alternatives(s, "lonely")).isEmpty();
        assertThat(alternatives(s, "a")).isEmpty();
        assertThat(alternatives(s, "nothing after")).isEmpty();
        assertThat(alternatives(s, "other")).containsExactly("escaped, comma", "other");
        assertThat(s.problems()).containsExactly(
                "test:1: more than one '=>'; line skipped",
                "test:2: nothing before '=>'; line skipped",
                "test:3: nothing after '=>'; line skipped",
                "test:4: only one entry; list equivalents separated by commas; line skipped",
                "test:5: entry '!!!' has no letters or digits; line skipped");
    }

    @Test
    void aMissingFileMeansNoSynonyms() {
        assertThat(Synonyms.read(dir.resolve("synonyms/pt.txt")).isEmpty()).isTrue();
    }

    @Test
    void theShippedFilesHoldTheRequiredPairsAndNoBrokenLine() {
        Synonyms pt = Synonyms.read(TestContent.SHIPPED.resolve("synonyms/pt.txt"));
        Synonyms en = Synonyms.read(TestContent.SHIPPED.resolve("synonyms/en.txt"));
        assertThat(pt.problems()).isEmpty();
        assertThat(en.problems()).isEmpty();
        for (Synonyms s : List.of(pt, en)) {
            assertThat(alternatives(s, "o365")).contains("office 365", "microsoft 365");
            assertThat(alternatives(s, "azure ad")).contains("entra id");
        }
        assertThat(alternatives(pt, "inbox")).contains("caixa de entrada");
        assertThat(alternatives(pt, "tenant")).contains("locatário");
    }

    @Test
    void searchFindsWhatTheArticlesSayWithTheWordsTheReaderUses() throws IOException {
        Files.createDirectories(dir.resolve("synonyms"));
        Files.copy(TestContent.SHIPPED.resolve("synonyms/pt.txt"), dir.resolve("synonyms/pt.txt"));
        Files.copy(TestContent.SHIPPED.resolve("synonyms/en.txt"), dir.resolve("synonyms/en.txt"));
        SearchIndex index = TestContent.index(dir, Map.of(
                "pt/licencas.md", article("Licenças", "licenses", """
                        ## Assinatura {#m365}

                        Sua assinatura do Microsoft 365 inclui o Exchange.

                        ## Diretório {#entra}

                        Os usuários ficam no Entra ID da empresa.

                        ## Onde chegam as mensagens {#caixa}

                        As mensagens chegam na caixa de entrada do usuário.

                        ## Organização {#locatario}

                        Cada empresa tem o seu próprio locatário.
                        """),
                "en/licenses.md", article("Licenses", "licenses", """
                        ## Subscription {#m365}

                        Your Office 365 subscription includes Exchange.

                        ## Directory {#entra}

                        Users live in the company's Azure AD.
                        """)));
        assertThat(first(index, "O365", "pt")).isEqualTo("/pt/licencas#m365");
        assertThat(first(index, "office 365", "pt")).isEqualTo("/pt/licencas#m365");
        assertThat(first(index, "azure ad", "pt")).isEqualTo("/pt/licencas#entra");
        assertThat(first(index, "inbox", "pt")).isEqualTo("/pt/licencas#caixa");
        assertThat(first(index, "tenant", "pt")).isEqualTo("/pt/licencas#locatario");
        assertThat(first(index, "microsoft 365", "en")).isEqualTo("/en/licenses#m365");
        assertThat(first(index, "Entra ID", "en")).isEqualTo("/en/licenses#entra");
    }

    @Test
    void anEntryWithAQuestionWordMatchesAsTypedWhileTheWordAloneStillDoesNotCount() throws IOException {
        Files.createDirectories(dir.resolve("synonyms"));
        Files.writeString(dir.resolve("synonyms/en.txt"), "can't connect, connection refused\n");
        Files.writeString(dir.resolve("synonyms/pt.txt"), "não consigo conectar, conexão recusada\n");
        SearchIndex index = TestContent.index(dir, Map.of(
                "en/connecting.md", article("Connecting", "connecting", """
                        ## Connect a calendar {#connect}

                        To connect your calendar, open the settings and connect it.

                        ## Connection refused {#refused}

                        The server refused the connection.
                        """),
                "pt/conectar.md", article("Conectar", "connecting", """
                        ## Conectar um calendário {#connect}

                        Para conectar o seu calendário, abra as configurações e conecte.

                        ## Conexão recusada {#refused}

                        O servidor recusou a conexão.
                        """)));
        // "can't" and "consigo" are question and filler words, left out of a search on their own;
        // inside an entry of the synonyms file they are part of what the reader said.
        assertThat(first(index, "the app can't connect", "en")).isEqualTo("/en/connecting#refused");
        assertThat(first(index, "por que não consigo conectar", "pt")).isEqualTo("/pt/conectar#refused");
        assertThat(first(index, "how can I connect", "en")).isEqualTo("/en/connecting#connect");
        assertThat(first(index, "como consigo conectar", "pt")).isEqualTo("/pt/conectar#connect");
    }

    private static String first(SearchIndex index, String query, String lang) {
        List<SearchHit> hits = index.search(query, lang, 10).results();
        assertThat(hits).as("results for %s", query).isNotEmpty();
        assertThat(hits.get(0).lang()).isEqualTo(lang);
        return hits.get(0).url();
    }
}
