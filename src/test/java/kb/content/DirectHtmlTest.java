package kb.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The one-walk writer ({@link DirectHtml}) against the general path (flexmark's HTML, then
 * jsoup's parse, sanitizer and serializer): for every article it writes, the page's HTML, the
 * sections, the intro and the links are the same, and it leaves to the general path what only
 * the sanitizer may decide.
 */
class DirectHtmlTest {
    private final MarkdownRenderer renderer = new MarkdownRenderer(Set.of("admin-consent"));

    private void sameAsSanitized(String markdown) {
        MarkdownRenderer.Rendered direct = renderer.renderDirect(markdown);
        if (direct == null) {
            return;
        }
        MarkdownRenderer.Rendered sanitized = renderer.renderSanitized(markdown);
        assertThat(direct.html()).as("HTML of:\n%s", markdown).isEqualTo(sanitized.html());
        assertThat(direct.sections()).as("sections of:\n%s", markdown).isEqualTo(sanitized.sections());
        assertThat(direct.intro()).as("intro of:\n%s", markdown).isEqualTo(sanitized.intro());
        assertThat(direct.links()).as("links of:\n%s", markdown).isEqualTo(sanitized.links());
        assertThat(direct.warnings()).isEqualTo(sanitized.warnings());
    }

    @Test
    void aTypicalArticleIsWrittenInOneWalkAsTheSanitizerWouldHaveIt() {
        String md = """
                Connecting can fail. This article explains *why* & what to do; see **below**.

                ## Before you start {#before}

                - Grant `Mail.ReadWrite` to the app.
                - Read [the guide](/en/find-tenant-id#next-step "Next step") first.

                ### Errors

                1. **Sign in.** Then try again.

                2. Ask your admin: <https://example.com> is not a link here.

                ```yaml
                tenant: contoso.example  # a <comment> & more
                ```

                > Note: the old name still shows
                > in some places.

                ---

                ## Before you start
                """;
        MarkdownRenderer.Rendered direct = renderer.renderDirect(md.replace("<https://example.com>", "example.com"));
        assertThat(direct).isNotNull();
        assertThat(direct.sections()).extracting(Section::id).containsExactly("before", "errors", "before-you-start-2");
        assertThat(direct.sections().get(0).aliasIds()).containsExactly("before-you-start");
        sameAsSanitized(md.replace("<https://example.com>", "example.com"));
    }

    @Test
    void whatOnlyTheSanitizerMayDecideTakesTheGeneralPath() {
        for (String md : List.of(
                "Some <b>raw</b> HTML.",
                "<div onclick=\"x()\">block</div>",
                "[click](javascript:alert(1))",
                "[data](data:text/html;base64,AAAA)",
                "An &amp; entity.",
                "![image](/a.png)",
                "| a | b |\n| --- | --- |\n| 1 | 2 |",
                "Bare https://example.com link.",
                "{{< admin-consent >}}",
                "## Heading {.with-class}",
                "Paragraph {#para-id}",
                "    indented code",
                "Text with a\u00a0no-break space.",
                "Carriage\r\nreturn.")) {
            assertThat(renderer.renderDirect(md)).as(md).isNull();
            assertThat(renderer.render(md).html()).as(md).isEqualTo(renderer.renderSanitized(md).html());
        }
    }

    @Test
    void theShippedArticlesRenderAsBefore() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("content"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).toList()) {
                String body = FrontMatter.parse(Files.readString(f)).body();
                MarkdownRenderer.Rendered rendered = renderer.render(body);
                MarkdownRenderer.Rendered sanitized = renderer.renderSanitized(body);
                assertThat(rendered.html()).as(f.toString()).isEqualTo(sanitized.html());
                assertThat(rendered.sections()).as(f.toString()).isEqualTo(sanitized.sections());
                assertThat(rendered.intro()).as(f.toString()).isEqualTo(sanitized.intro());
                assertThat(rendered.links()).as(f.toString()).isEqualTo(sanitized.links());
            } 
        } catch (FrontMatter.Invalid e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Thousands of articles put together at random from what authors write (and what they get
     * wrong): wherever the one walk writes an article, it writes what the sanitizer would.
     */
    @Test
    void randomArticlesAreWrittenAsTheSanitizerWouldHaveThem() {
        Random random = new Random(Long.getLong("kb.fuzz.seed", 20261202L));
        int written = 0;
        int n = Integer.getInteger("kb.fuzz.count", 4000);
        for (int i = 0; i < n; i++) {
            String md = article(random);
            if (renderer.renderDirect(md) != null) {
                written++;
            }
            sameAsSanitized(md);
        }
        // Most of them are plain enough for the one walk: the comparison above is not vacuous.
        assertThat(written).isGreaterThan(n / 3);
    }

    private static final String[] WORDS = {"conexão", "inbox", "HubSpot", "Mail.ReadWrite", "OFFICE_ERROR", "a&b", "x<y", "y>z",
        "\"quoted\"", "it's", "50%", "C#", "[brackets]", "a\\*b", "*", "_", "snake_case", "tab\there", "😀", "ação",
        "**", "#", "a  b", "end.", "(paren)", "!", "e-mail", "`", "~~", "--", "...", "_em_", "__strong__", "***both***", "\\<", "\\&",
        "\\[", "&copy", "AT&T", "<3", "a <b", "ß", "İstanbul", "ﬁle", "עברית", "e\u0301", "1986.", "x\\", "'single'", "[link `code`](/a)",
        "[*em* link](https://example.com)", "[angle](</a b>)", "[t](/a 'single')", "[t](/a (paren title))", "trailing  "};
    private static final String[] HREFS = {"/en/find-tenant-id", "/pt/a#b", "#local", "relative/path", "https://example.com/a?b=1&c=2",
        "http://x.example", "mailto:help@example.com", "HTTPS://UPPER.example", "?q=1", "a/b:c", "/a/(x)"};
    /** Text only the general path writes: attributes, raw HTML, entities, bare links, invisible characters. */
    private static final String[] ODD_WORDS = {"{braces}", "{#id}", "<b>bold</b>", "<span onclick=x>", "&amp;", "&#123;", "https://bare.example",
        "www.example.com", "user@example.com", "soft\u00adhyphen", "zero\u200bwidth", "no\u00a0break", "<!-- c -->", "![img](/i.png)"};
    /** Addresses only the sanitizer may decide on (and a few it keeps): one article in four has one of these. */
    private static final String[] ODD_HREFS = {"javascript:alert(1)", "ftp://files.example", "/path with space", "<pointy>", "/a\"b",
        "//cdn.example/x", "tel:+123", "/ação", "foo:bar", "", "<>", "https://", "mailto:"};

    private static String article(Random r) {
        odd = r.nextInt(4) == 0;
        StringBuilder md = new StringBuilder();
        int blocks = 1 + r.nextInt(8);
        for (int b = 0; b < blocks; b++) {
            switch (r.nextInt(15)) {
                case 0, 1 -> md.append(paragraph(r)).append("\n\n");
                case 2 -> {
                    md.append("#".repeat(1 + r.nextInt(6))).append(' ').append(inline(r, 1 + r.nextInt(4)));
                    if (r.nextBoolean()) {
                        md.append(" {#").append(r.nextBoolean() ? "same" : "id-" + r.nextInt(3)).append('}');
                    }
                    md.append("\n\n");
                }
                case 3 -> md.append(list(r, "", r.nextBoolean())).append('\n');
                case 4 -> md.append("```").append(r.nextBoolean() ? "" : r.nextBoolean() ? "yaml" : "text x").append('\n')
                        .append(inline(r, 3)).append('\n').append(r.nextBoolean() ? "  <tag> & \"q\"\n" : "").append("```\n\n");
                case 5 -> md.append("> ").append(paragraph(r).replace("\n", "\n> ")).append(r.nextBoolean() ? "\n>\n> - item\n" : "\n").append('\n');
                case 6 -> md.append(r.nextBoolean() ? "---" : "***").append("\n\n");
                case 7 -> md.append(paragraph(r)).append(r.nextBoolean() ? "  \n" : "\\\n").append(paragraph(r)).append("\n\n");
                case 9 -> md.append(inline(r, 2)).append('\n').append(r.nextBoolean() ? "===" : "---").append("\n\n");
                case 10 -> md.append("> > ").append(paragraph(r)).append("\n> \n> 1. ").append(inline(r, 2)).append("\n\n");
                case 11 -> md.append("- ").append(inline(r, 2)).append("\n\n  ```\n  code <x>\n  ```\n- ").append(r.nextBoolean() ? "" : "## not a section")
                        .append("\n+ plus\n1) paren ").append(inline(r, 1)).append("\n\n");
                case 12 -> md.append("#".repeat(2 + r.nextInt(3))).append(r.nextBoolean() ? "" : " ").append(r.nextBoolean() ? "" : inline(r, 2))
                        .append(r.nextBoolean() ? " ##" : "").append(r.nextBoolean() ? " {#only}" : "").append("\n\n");
                case 13 -> md.append("\t").append(r.nextBoolean() ? "tabbed" : "- tabbed item").append("\n   \n").append(inline(r, 3)).append(" \n\n");
                default -> md.append(paragraph(r)).append('\n');
            }
        }
        return md.toString();
    }

    private static boolean odd;

    private static String list(Random r, String indent, boolean ordered) {
        StringBuilder md = new StringBuilder();
        int items = 1 + r.nextInt(4);
        boolean loose = r.nextInt(3) == 0;
        int start = r.nextInt(4) == 0 ? 3 : 1;
        for (int i = 0; i < items; i++) {
            md.append(indent).append(ordered ? (start + i) + ". " : "- ").append(inline(r, 1 + r.nextInt(5))).append('\n');
            if (indent.isEmpty() && r.nextInt(4) == 0) {
                md.append(list(r, ordered ? "   " : "  ", r.nextBoolean()));
            }
            if (loose) {
                md.append('\n');
            }
        }
        return md.toString();
    }

    private static String paragraph(Random r) {
        StringBuilder p = new StringBuilder(inline(r, 3 + r.nextInt(10)));
        if (r.nextInt(3) == 0) {
            p.append('\n').append(inline(r, 2 + r.nextInt(5)));
        }
        return p.toString();
    }

    private static String inline(Random r, int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                s.append(' ');
            }
            String w = odd && r.nextInt(10) == 0 ? ODD_WORDS[r.nextInt(ODD_WORDS.length)] : WORDS[r.nextInt(WORDS.length)];
            switch (r.nextInt(8)) {
                case 0 -> s.append('*').append(w).append('*');
                case 1 -> s.append("**").append(w).append(" ").append(WORDS[r.nextInt(WORDS.length)]).append("**");
                case 2 -> s.append('`').append(r.nextBoolean() ? " " + w + "  x " : w).append('`');
                case 3 -> {
                    String[] hrefs = odd && r.nextInt(3) == 0 ? ODD_HREFS : HREFS;
                    s.append('[').append(w).append("](").append(hrefs[r.nextInt(hrefs.length)]);
                    if (r.nextInt(3) == 0) {
                        s.append(" \"title & ").append(w.replace("\"", "")).append('"');
                    }
                    s.append(')');
                }
                default -> s.append(w);
            }
        }
        return s.toString();
    }
}
