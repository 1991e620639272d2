package kb.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the one-pass writers ({@link DirectHtml} over flexmark's tree, {@link SimpleMarkdown} over
 * its own lines) share: the page's HTML as flexmark's HTML, then jsoup's parse, sanitizer, heading
 * ids and serializer make it, and each top-level block's text as jsoup's {@code Element.text()}
 * gives it, put together into the intro and the sections. A writer meeting anything it does not
 * write throws {@link #UNSUPPORTED}, and the article takes a slower path.
 *
 * @param <B> a top-level block of the article, as the writer knows it
 */
abstract class PageWriter<B> {
    /** Something this writer does not write: the article takes another path. */
    static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    static final Unsupported UNSUPPORTED = new Unsupported();

    /**
     * One heading of the document, known before anything is written: its level, its text, its ids,
     * and what its content writes (HTML and links).
     */
    private record Head(int level, String text, HeadingIds.Assigned ids, String inner, List<String> links) {}

    final StringBuilder html;
    /** The text of the top-level element being written, as jsoup's {@code Element.text()} makes it. */
    final StringBuilder text = new StringBuilder(1024);
    boolean blockEnded;
    final List<String> links = new ArrayList<>();

    /**
     * Whether the source holds no character that jsoup's parse or text treats apart: controls
     * other than tab and newline (a carriage return is read as a newline), the no-break space
     * (written as an entity, and white space to its text), invisible characters its text drops.
     * Neither writer writes a source that is not.
     */
    static boolean plain(String markdown) {
        // One copy (the JDK's), then array reads: a start runs this over every article while
        // FirstLoadJit keeps the optimizing compiler off this class, where String.charAt costs most.
        char[] chars = markdown.toCharArray();
        for (char c : chars) {
            if (c < 0x20 ? c != '\n' && c != '\t' : c >= 0x7f && (c <= 0xa0 || c == 0xad || c == 0x200b || c == 0x200c
                    || c == 0x200d || c == 0xfeff || c >= 0xfff0)) {
                return false;
            }
        }
        return true;
    }

    /** @param sourceLength the length of the Markdown: the page's HTML is about as long, a little longer */
    PageWriter(int sourceLength) {
        this.html = new StringBuilder(sourceLength + (sourceLength >> 3) + 64);
    }

    /** The heading's level as written ({@code #} is 1), or 0 if the block is no heading. */
    abstract int headingLevel(B block);

    /** The heading's {@code {#id}}, null if it has none. */
    abstract String explicitId(B heading);

    /** Writes what the heading holds. */
    abstract void headingContent(B heading);

    /** Writes a block that is no heading: nothing at all for an empty paragraph. */
    abstract void block(B block);

    /** Whether the block is a paragraph (whose text could be a shortcode). */
    abstract boolean isParagraph(B block);

    MarkdownRenderer.Rendered run(List<B> blocks) {
        List<Head> heads = headings(blocks);
        List<Section> sections = new ArrayList<>(heads.size());
        StringBuilder intro = new StringBuilder(256);
        // One section's text at a time: each section takes a copy (its String) when it ends.
        StringBuilder body = new StringBuilder(1024);
        int h = 0;
        Head open = null;
        for (B n : blocks) {
            if (headingLevel(n) > 0) {
                if (open != null) {
                    sections.add(section(open, body));
                }
                open = heads.get(h++);
                body.setLength(0);
                heading(open);
                continue;
            }
            int before = html.length();
            text.setLength(0);
            blockEnded = false;
            block(n);
            if (html.length() == before) {
                continue; // nothing written (an empty paragraph): no element either
            }
            // The block's text trimmed as String.trim trims, appended without a String of its own.
            int from = 0;
            int to = text.length();
            while (from < to && text.charAt(from) <= ' ') {
                from++;
            }
            while (to > from && text.charAt(to - 1) <= ' ') {
                to--;
            }
            if (isParagraph(n) && text.indexOf("{{") >= 0) {
                throw UNSUPPORTED; // could be a shortcode, which the general path replaces
            }
            StringBuilder into = open == null ? intro : body;
            if (!into.isEmpty()) {
                into.append('\n');
            }
            into.append(text, from, to);
        }
        if (open != null) {
            sections.add(section(open, body));
        }
        return new MarkdownRenderer.Rendered(html.toString(), intro.toString(), sections, links, List.of());
    }

    private static Section section(Head head, StringBuilder body) {
        return new Section(head.ids().id(), head.text(), head.level(), body.toString(), head.ids().aliases());
    }

    /**
     * Every heading's content, written once, and its ids, as {@link HeadingIds#assign} gives
     * them on either path (generated ids must avoid every explicit one, so all come first).
     */
    private List<Head> headings(List<B> blocks) {
        List<Integer> levels = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<String> explicit = new ArrayList<>();
        List<String> inner = new ArrayList<>();
        List<List<String>> linked = new ArrayList<>();
        for (B n : blocks) {
            int level = headingLevel(n);
            if (level > 0) {
                levels.add(level);
                explicit.add(explicitId(n));
                // Written after a tag's '>', as it will be on the page.
                html.setLength(0);
                html.append('>');
                text.setLength(0);
                links.clear();
                headingContent(n);
                inner.add(html.substring(1));
                texts.add(text.toString().strip());
                linked.add(List.copyOf(links));
            }
        }
        html.setLength(0);
        links.clear();
        List<HeadingIds.Assigned> ids = HeadingIds.assign(texts, explicit);
        List<Head> heads = new ArrayList<>(levels.size());
        for (int i = 0; i < levels.size(); i++) {
            heads.add(new Head(Math.max(2, levels.get(i)), texts.get(i), ids.get(i), inner.get(i), linked.get(i)));
        }
        return heads;
    }

    private void heading(Head head) {
        html.append("<h").append(head.level()).append(" id=\"");
        attribute(head.ids().id());
        html.append("\">");
        if (head.ids().alias() != null) {
            html.append("<span id=\"");
            attribute(head.ids().alias());
            html.append("\" class=\"anchor-alias\"></span>");
        }
        html.append(head.inner());
        links.addAll(head.links());
        html.append("</h").append(head.level()).append(">\n");
    }

    // ---- blocks and inlines both writers make alike

    /** A fenced code block: {@code language} is the info string's first word, or null. */
    void fenced(String language, String content) {
        blockStart();
        html.append("<pre tabindex=\"0\">");
        if (language != null) {
            html.append("<code class=\"");
            attribute("language-" + language);
            html.append("\">");
        } else {
            html.append("<code>");
        }
        escaped(content);
        text.append(content); // inside pre, as written
        html.append("</code></pre>");
        blockEnded = true;
        newline();
    }

    /** A code span, its white space already collapsed. */
    void code(String content) {
        inlineStart();
        html.append("<code>");
        characters(content);
        html.append("</code>");
    }

    /** Opens a link; its content and {@code </a>} follow. */
    void linkStart(String href, String title) {
        if (!keptAsWritten(href)) {
            throw UNSUPPORTED;
        }
        inlineStart();
        html.append("<a href=\"");
        attribute(href);
        html.append('"');
        if (title != null) {
            html.append(" title=\"");
            attribute(title);
            html.append('"');
        }
        html.append('>');
        links.add(href);
    }

    /** An inline element begins ({@code em}, {@code strong}): its content and {@link #inlineClose} follow. */
    void inlineOpen(String tag) {
        inlineStart();
        html.append('<').append(tag).append('>');
    }

    void inlineClose(String tag) {
        html.append("</").append(tag).append('>');
    }

    void open(String tag) {
        blockStart();
        html.append('<').append(tag).append('>');
    }

    void close(String tag) {
        html.append("</").append(tag).append('>');
        blockEnded = true;
    }

    /** A block element begins: its text is set apart from what came before. */
    void blockStart() {
        blockEnded = false;
        if (!text.isEmpty() && text.charAt(text.length() - 1) != ' ') {
            text.append(' ');
        }
    }

    /** An inline element or text follows: set apart from a block that ended just before. */
    void inlineStart() {
        if (blockEnded) {
            blockEnded = false;
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ' ') {
                text.append(' ');
            }
        }
    }

    void newline() {
        characters("\n");
    }

    /** A text node: escaped in the page, white space collapsed in the text. */
    void characters(String s) {
        inlineStart();
        boolean lineStart = html.isEmpty() || html.charAt(html.length() - 1) == '\n';
        boolean newline = s.indexOf('\n') >= 0;
        if ((lineStart || newline) && (s.indexOf(' ') >= 0 || s.indexOf('\t') >= 0)) {
            s = lineStartsTrimmed(s, lineStart);
        }
        escaped(s);
        boolean white = !text.isEmpty() && text.charAt(text.length() - 1) == ' ';
        int n = s.length();
        // Most text has no white space but single spaces: it is its own text, less a space that
        // would follow one (found by the JDK's scans, not a loop over each character here).
        if (!newline && s.indexOf('\t') < 0 && s.indexOf("  ") < 0) {
            if (white && n > 0 && s.charAt(0) == ' ') {
                text.append(s, 1, n);
            } else {
                text.append(s);
            }
            return;
        }
        int from = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n') {
                if (i > from) {
                    text.append(s, from, i);
                    white = false;
                }
                if (!white) {
                    text.append(' ');
                    white = true;
                }
                from = i + 1;
            }
        }
        text.append(s, from, n);
    }

    /** flexmark writes no white space at the start of a line of HTML. */
    private static String lineStartsTrimmed(String s, boolean lineStart) {
        StringBuilder out = null;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (lineStart && (c == ' ' || c == '\t')) {
                if (out == null) {
                    out = new StringBuilder(n).append(s, 0, i);
                }
                continue;
            }
            lineStart = c == '\n';
            if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    void escaped(String s) {
        int first = firstOf(s, "&<>");
        if (first < 0) {
            html.append(s);
            return;
        }
        int from = 0;
        int n = s.length();
        for (int i = first; i < n; i++) {
            char c = s.charAt(i);
            String entity = c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : null;
            if (entity != null) {
                html.append(s, from, i).append(entity);
                from = i + 1;
            }
        }
        html.append(s, from, n);
    }

    void attribute(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '"' -> html.append("&quot;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                default -> html.append(c);
            }
        }
    }

    /**
     * Whether the sanitizer keeps this address as written: a web or mail address, or one within
     * the site (a path, an anchor, or relative with no scheme), with nothing it would read apart.
     */
    static boolean keptAsWritten(String href) {
        if (href.isEmpty() || href.startsWith("//")) {
            return false;
        }
        for (int i = 0; i < href.length(); i++) {
            char c = href.charAt(i);
            if (c <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\' || c == '`' || c >= 0x7f) {
                return false;
            }
        }
        String lower = href.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return lower.length() > lower.indexOf("//") + 2;
        }
        if (lower.startsWith("mailto:")) {
            return lower.length() > 7;
        }
        if (href.charAt(0) == '/' || href.charAt(0) == '#') {
            return true;
        }
        int colon = href.indexOf(':');
        int end = firstOf(href, "/?#");
        return colon < 0 || (end >= 0 && colon > end);
    }

    /** The first place in {@code s} of any of {@code chars}, or -1: one JDK scan of {@code s} per character. */
    private static int firstOf(String s, String chars) {
        int first = -1;
        for (int i = 0; i < chars.length(); i++) {
            int at = s.indexOf(chars.charAt(i));
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }
}
