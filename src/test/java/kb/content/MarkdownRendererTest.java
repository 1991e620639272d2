package kb.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {
    private final MarkdownRenderer renderer = new MarkdownRenderer(Set.of("admin-consent"));

    private Document html(String markdown) {
        return Jsoup.parseBodyFragment(renderer.render(markdown).html());
    }

    @Test
    void explicitIdWinsAndTheTextIdStillLandsThere() {
        MarkdownRenderer.Rendered r = renderer.render("## Erro de interação necessária {#interaction-required}\n\ntexto\n");
        Document doc = Jsoup.parseBodyFragment(r.html());
        assertThat(doc.select("h2").attr("id")).isEqualTo("interaction-required");
        assertThat(doc.select("h2").text()).isEqualTo("Erro de interação necessária");
        assertThat(doc.select("h2 > span.anchor-alias").attr("id")).isEqualTo("erro-de-interacao-necessaria");
        assertThat(r.sections().get(0).aliasIds()).containsExactly("erro-de-interacao-necessaria");
    }

    @Test
    void headingsWithoutIdGetUniqueGeneratedOnes() {
        Document doc = html("## Causa\n\n### Causa\n\n## Solução {#causa-2}\n\n## Causa\n");
        assertThat(doc.select("h2, h3").eachAttr("id")).containsExactly("causa", "causa-3", "causa-2", "causa-4");
    }

    @Test
    void sectionsCarryHeadingLevelAndTextUpToTheNextHeading() {
        MarkdownRenderer.Rendered r = renderer.render("""
                Intro text.

                ## Scopes {#scopes}

                Needs `Mail.ReadWrite`.

                ```text
                https://example.com/{TENANT_ID}
                ```

                ### Detail

                More.
                """);
        assertThat(r.intro()).isEqualTo("Intro text.");
        assertThat(r.sections()).hasSize(2);
        Section scopes = r.sections().get(0);
        assertThat(scopes.id()).isEqualTo("scopes");
        assertThat(scopes.level()).isEqualTo(2);
        assertThat(scopes.text()).contains("Mail.ReadWrite").contains("{TENANT_ID}").doesNotContain("More.");
        assertThat(r.sections().get(1).level()).isEqualTo(3);
    }

    @Test
    void aLevelOneHeadingInTheBodyBecomesASectionHeadingSoThePageKeepsOneH1() {
        Document doc = html("# Not a title\n\ntext\n");
        assertThat(doc.select("h1")).isEmpty();
        assertThat(doc.select("h2").text()).isEqualTo("Not a title");
    }

    @Test
    void rendersTablesAutolinksAndFencedCode() {
        Document doc = html("""
                | a | b |
                | --- | --- |
                | 1 | 2 |

                See https://learn.microsoft.com/entra for more.

                ```powershell
                Get-MgUser
                ```
                """);
        assertThat(doc.select("table td")).hasSize(2);
        assertThat(doc.select("div.scroll-x > table")).hasSize(1);
        assertThat(doc.select("a[href=https://learn.microsoft.com/entra]")).hasSize(1);
        assertThat(doc.select("pre > code.language-powershell").text()).isEqualTo("Get-MgUser");
    }

    @Test
    void everyTableIsATableAndAPipeElsewhereIsText() {
        for (String table : List.of("| a | b |\n| --- | --- |\n| 1 | 2 |\n", "a | b\n--- | ---\n1 | 2\n",
                "Intro.\n\n| a |\n|:-:|\n| 1 |\n", "| a | b |\n|---|---:|\n", "> | a |\n> | --- |\n> | 1 |\n")) {
            assertThat(MarkdownRenderer.mayHoldTable(table)).as(table).isTrue();
            assertThat(html(table).select("table")).as(table).hasSize(1);
        }
        for (String text : List.of("Run `cmd | grep x` and see.\n", "a | b\n\n---\n", "```\n| x |\n```\n", "- item\n-|-x\n")) {
            assertThat(MarkdownRenderer.mayHoldTable(text)).as(text).isFalse();
            assertThat(html(text).select("table")).as(text).isEmpty();
        }
    }

    @Test
    void bareLinksOfEveryKindAreLinkedAsFlexmarksOwnExtensionLinksThem() {
        String markdown = """
                Visit www.example.com, write to help@example.com or open ftp://files.example.com/a.

                Escaped and spelled: https\\://escaped.example.net, help\\@example.org, x&#64;example.org, WWW.EXAMPLE.COM.

                [A link](https://example.com/x) next to https://bare.example.com and <https://angle.example.com>.

                Plain text: a note about the site, the admin centre and version 2.0: nothing to link.

                - item with mail@example.com
                - `https://code.example.com` and `ops@example.com` stay code

                | www.table.example.com | x |
                | --- | --- |
                | a@b.example.com | c |
                """;
        MutableDataSet stock = new MutableDataSet().set(Parser.EXTENSIONS, List.of(TablesExtension.create(), AutolinkExtension.create()));
        MutableDataSet gated = new MutableDataSet().set(Parser.EXTENSIONS, List.of(TablesExtension.create(), GatedAutolink.create()));
        HtmlRenderer html = HtmlRenderer.builder(stock).build();
        String expected = html.render(Parser.builder(stock).build().parse(markdown));
        assertThat(Jsoup.parseBodyFragment(expected).select("a")).hasSizeGreaterThan(6);
        assertThat(html.render(Parser.builder(gated).build().parse(markdown))).isEqualTo(expected);
    }

    @Test
    void onlyTextThatCouldSpellALinkIsAskedForOne() {
        assertThat(GatedAutolink.mayHoldLink("see https://x.y")).isTrue();
        assertThat(GatedAutolink.mayHoldLink("WWW.EXAMPLE.COM")).isTrue();
        assertThat(GatedAutolink.mayHoldLink("a@b")).isTrue();
        assertThat(GatedAutolink.mayHoldLink("x&#64;y")).isTrue();
        assertThat(GatedAutolink.mayHoldLink("a\\:b")).isTrue();
        assertThat(GatedAutolink.mayHoldLink("Note: the admin center, version 2.0 (see below).")).isFalse();
        assertThat(GatedAutolink.mayHoldLink("ww.example")).isFalse();
    }

    @Test
    void aStringIsAskedForALinkAsAnyOtherTextIs() {
        // The gate's scans against its rule read one character at a time (byEachCharacter).
        java.util.Random random = new java.util.Random(5);
        String alphabet = "wW.:/@&\\ ab1";
        int links = 0;
        for (int n = 0; n < 100_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            boolean asText = byEachCharacter(text);
            assertThat(GatedAutolink.mayHoldLink(text.toString())).as(text.toString()).isEqualTo(asText);
            assertThat(GatedAutolink.mayHoldLink(text)).as(text.toString()).isEqualTo(asText);
            links += asText ? 1 : 0;
        }
        assertThat(links).isBetween(10_000, 90_000);
    }

    /** The gate's rule, a character at a time: {@code @ & \\}, {@code ://}, or a dot after {@code www}. */
    private static boolean byEachCharacter(CharSequence text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '@' || c == '&' || c == '\\'
                    || c == ':' && i + 2 < n && text.charAt(i + 1) == '/' && text.charAt(i + 2) == '/'
                    || c == '.' && i >= 3 && "wW".indexOf(text.charAt(i - 1)) >= 0 && "wW".indexOf(text.charAt(i - 2)) >= 0
                            && "wW".indexOf(text.charAt(i - 3)) >= 0) {
                return true;
            }
        }
        return false;
    }

    @Test
    void rawHtmlAndScriptLinksAreRemoved() {
        Document doc = html("""
                <script>alert(1)</script>

                <img src=x onerror="alert(1)">

                [click](javascript:alert(1)) and [ok](/pt/outro#secao)
                """);
        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.select("[onerror]")).isEmpty();
        assertThat(doc.select("a[href^=javascript]")).isEmpty();
        assertThat(doc.select("a[href=/pt/outro#secao]")).hasSize(1);
    }

    @Test
    void aKnownShortcodeBecomesAnEmbedPlaceholderAndAnUnknownOneIsReported() {
        MarkdownRenderer.Rendered r = renderer.render("Before\n\n{{< admin-consent >}}\n\n{{< video >}}\n");
        Document doc = Jsoup.parseBodyFragment(r.html());
        assertThat(doc.select("div[data-embed=admin-consent]")).hasSize(1);
        assertThat(r.warnings()).singleElement().asString().contains("video");
    }
}
