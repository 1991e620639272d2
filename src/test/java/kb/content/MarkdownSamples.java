package kb.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

/**
 * Articles put together at random from what authors write, and what they get wrong: the
 * one-pass writers ({@link DirectHtml}, {@link SimpleMarkdown}) are compared with the general
 * path on them. One article in four also holds what only the general path may write.
 */
final class MarkdownSamples {
    private MarkdownSamples() {}

    /** What a one-pass writer made of {@code markdown} is what the general path made of it, part for part. */
    static void assertSameOutput(MarkdownRenderer.Rendered written, MarkdownRenderer.Rendered general, String markdown) {
        assertThat(written.html()).as("HTML of:\n%s", markdown).isEqualTo(general.html());
        assertThat(written.sections()).as("sections of:\n%s", markdown).isEqualTo(general.sections());
        assertThat(written.intro()).as("intro of:\n%s", markdown).isEqualTo(general.intro());
        assertThat(written.links()).as("links of:\n%s", markdown).isEqualTo(general.links());
        assertThat(written.warnings()).isEqualTo(general.warnings());
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

    static String article(Random r) {
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

    /** Words of plain articles: what {@link SimpleMarkdown} reads, and its edges. */
    private static final String[] PLAIN_WORDS = {"conexão", "inbox", "HubSpot", "Mail.ReadWrite", "OFFICE_ERROR_TIMEOUT", "x>y",
        "\"quoted\"", "it's", "50%", "C#", "snake_case", "ação", "#", "end.", "(paren)", "!", "e-mail", "...", "ß", "İstanbul",
        "ﬁle", "עברית", "e\u0301", "1986.", "'single'", "2024", "a|b", "~tilde", "x:y", "a_b_c"};
    /** Where the reader's rules for stars, brackets and underscores meet flexmark's: one word in 150. */
    private static final String[] EDGE_WORDS = {"tab\there", "😀", "a  b", "¿qué?", "«citação»", "—", "*", "a*b", "(*)", "[", "]", "_", "*emph", "end*", "**", "a * b", "*.*", "😀*"};
    private static final String[] PLAIN_HREFS = {"/en/find-tenant-id", "/pt/a#b", "#local", "relative/path", "https://example.com/a?b=1&c=2",
        "http://x.example", "mailto:help@example.com", "HTTPS://UPPER.example", "?q=1", "/a_b*c"};
    /** Addresses only flexmark's path writes: one link in ten. */
    private static final String[] EDGE_HREFS = {"/x?a=1&amp;b", "/é", "javascript:x", "/a(b)", "/a b"};

    /** An article mostly made of what {@link SimpleMarkdown} reads, with a few of its edges. */
    static String plainArticle(Random r) {
        StringBuilder md = new StringBuilder();
        int blocks = 1 + r.nextInt(8);
        for (int b = 0; b < blocks; b++) {
            switch (r.nextInt(9)) {
                case 0, 1, 2 -> {
                    md.append(plainInline(r, 3 + r.nextInt(10)));
                    for (int l = r.nextInt(3); l > 0; l--) {
                        md.append('\n').append(plainInline(r, 2 + r.nextInt(6)));
                    }
                    md.append(r.nextInt(4) == 0 ? "\n" : "\n\n");
                }
                case 3 -> {
                    md.append("#".repeat(1 + r.nextInt(6))).append(' ').append(plainInline(r, 1 + r.nextInt(4)));
                    if (r.nextBoolean()) {
                        md.append(" {#").append(r.nextBoolean() ? "same" : "id-" + r.nextInt(3)).append('}');
                    }
                    md.append(r.nextBoolean() ? "\n" : "\n\n");
                }
                case 4, 5 -> {
                    boolean ordered = r.nextBoolean();
                    for (int k = 0, items = 1 + r.nextInt(4); k < items; k++) {
                        md.append(ordered ? (r.nextInt(20) == 0 ? 7 : k + 1) + ". " : "- ").append(plainInline(r, 1 + r.nextInt(6))).append('\n');
                    }
                    md.append(r.nextInt(5) == 0 ? "" : "\n");
                }
                case 6 -> md.append("```").append(r.nextBoolean() ? "" : r.nextBoolean() ? "yaml" : " text x ").append('\n')
                        .append(r.nextBoolean() ? "" : plainInline(r, 3) + "\n").append(r.nextBoolean() ? "  <tag> & \"q\"\t**\n" : "")
                        .append(r.nextBoolean() ? "```" : "````").append(r.nextBoolean() ? "\n\n" : "\n");
                case 7 -> md.append("**").append(PLAIN_WORDS[r.nextInt(PLAIN_WORDS.length)]).append(":** ").append(plainInline(r, 3)).append("\n\n");
                default -> md.append('`').append(plainInline(r, 1).replace("`", "")).append("` ").append(plainInline(r, 4)).append("\n\n");
            }
        }
        return md.toString();
    }

    private static String plainInline(Random r, int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                s.append(r.nextInt(60) == 0 ? "" : " ");
            }
            String w = r.nextInt(150) == 0 ? EDGE_WORDS[r.nextInt(EDGE_WORDS.length)] : PLAIN_WORDS[r.nextInt(PLAIN_WORDS.length)];
            switch (r.nextInt(10)) {
                case 0 -> s.append('*').append(w).append('*');
                case 1 -> s.append("**").append(w).append(r.nextBoolean() ? " " + PLAIN_WORDS[r.nextInt(PLAIN_WORDS.length)] : "").append("**");
                case 2 -> s.append('`').append(w.replace("`", "")).append('`');
                case 3 -> s.append('[').append(r.nextInt(4) == 0 ? "`" + w + "`" : w).append("](")
                        .append(r.nextInt(10) == 0 ? EDGE_HREFS[r.nextInt(EDGE_HREFS.length)] : PLAIN_HREFS[r.nextInt(PLAIN_HREFS.length)]).append(')');
                // between punctuation, a word that starts or ends with some makes the stars both open and close
                case 4 -> s.append("(**").append(r.nextInt(10) == 0 || Character.isLetter(w.charAt(0))
                        && Character.isLetter(w.charAt(w.length() - 1)) ? w : "inbox").append("**)");
                default -> s.append(w);
            }
        }
        return s.toString();
    }
}
