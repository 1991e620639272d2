package kb.search;

import static kb.search.TestContent.article;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnippetTest {
    @TempDir
    static Path dir;

    static SearchIndex index;

    /** One mark early, three together much later, in long words: the best stretch starts deep inside the text. */
    static final String CUTS = "Alfa " + "inconstitucionalmente ".repeat(12) + "bravo charlie delta "
            + "extraordinariamente ".repeat(14);

    @BeforeAll
    static void build() {
        index = TestContent.index(dir, Map.of(
                "pt/html.md", article("Marcação", "html", """
                        ## Código perigoso {#danger}

                        Se a página mostrar `<script>alert('x')</script>` & "aspas", o filtro falhou.

                        ## Texto longo {#long}

                        %s No fim do texto aparecem as conexões perdidas.

                        ## Cortes {#cuts}

                        %s
                        """.formatted("Palavra de enchimento sem interesse. ".repeat(40), CUTS))));
    }

    private static String snippet(String query) {
        return index.search(query, "pt", 1).results().get(0).snippet();
    }

    @Test
    void textIsEscapedAndOnlyMarksAreMarkup() {
        String s = snippet("script alert");
        assertThat(s).contains("&lt;<mark>script</mark>&gt;<mark>alert</mark>(&#39;x&#39;)&lt;/<mark>script</mark>&gt;")
                .contains("&amp; &quot;aspas&quot;");
        assertThat(s.replace("<mark>", "").replace("</mark>", "")).doesNotContain("<", ">");
    }

    @Test
    void theSnippetIsCutAroundTheMatchesAndMarksTheWrittenForm() {
        String s = snippet("conexoes perdidas");
        assertThat(s).startsWith("…").contains("<mark>conexões</mark> <mark>perdidas</mark>");
        assertThat(s.length()).isLessThan(Snippets.WIDTH + 100);
    }

    @Test
    void withoutMatchesInTheTextTheSnippetIsItsBeginning() {
        assertThat(snippet("Código perigoso")).startsWith("Se a página mostrar").doesNotContain("<mark>");
    }

    @Test
    void aSnippetNeverStartsOrEndsInsideAWord() {
        for (String query : java.util.List.of("alfa bravo charlie delta", "bravo", "delta", "charlie alfa")) {
            String s = snippet(query + " cortes");
            assertThat(s).as(query).startsWith("…");
            String shown = s.replace("<mark>", "").replace("</mark>", "").replace("…", "");
            int at = CUTS.indexOf(shown);
            assertThat(at).as("%s: %s is a piece of the text", query, shown).isGreaterThan(0);
            assertThat(CUTS.charAt(at - 1)).as("%s: before “%s”", query, shown).isEqualTo(' ');
            int end = at + shown.length();
            assertThat(end == CUTS.length() || CUTS.charAt(end) == ' ').as("%s: after “%s”", query, shown).isTrue();
        }
    }
}
