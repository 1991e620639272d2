package kb.content;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.ParagraphItemContainer;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.attributes.AttributeNode;
import com.vladsch.flexmark.ext.attributes.AttributesNode;
import com.vladsch.flexmark.parser.ListOptions;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NonRenderingInline;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.util.sequence.SequenceUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes an article's safe HTML, sections, intro and links in one walk over flexmark's tree, for
 * the articles made only of what Markdown itself writes (paragraphs, headings, lists, quotes,
 * fenced code, emphasis, code spans, links to web and site addresses): byte for byte what
 * flexmark's HTML, then jsoup's parse, sanitizer, heading ids and serializer make of them
 * ({@code DirectHtmlTest} compares the two on generated and shipped articles). Anything else (raw
 * HTML, entities, tables, images, autolinks, attributes other than a heading's {@code {#id}},
 * another scheme than http, https or mailto, characters jsoup treats apart) returns null, and the
 * article takes the general path, whose sanitizer is the security boundary for what an author can
 * write. Here nothing the author wrote reaches the page but as escaped text, or as a link whose
 * address is one the sanitizer keeps as it is.
 */
final class DirectHtml {
    private final ListOptions listOptions;

    DirectHtml(ListOptions listOptions) {
        this.listOptions = listOptions;
    }

    /** The rendered article, or null when it holds anything this walk does not write. */
    MarkdownRenderer.Rendered render(Document doc, String markdown) {
        if (!plain(markdown)) {
            return null;
        }
        try {
            return new Walk(doc).run();
        } catch (Unsupported e) {
            return null;
        }
    }

    /**
     * Whether the source holds no character that jsoup's parse or text treats apart: controls
     * other than tab and newline (a carriage return is read as a newline), the no-break space
     * (written as an entity, and white space to its text), invisible characters its text drops.
     */
    static boolean plain(String markdown) {
        for (int i = 0, n = markdown.length(); i < n; i++) {
            char c = markdown.charAt(i);
            if (c < 0x20 ? c != '\n' && c != '\t' : c >= 0x7f && (c <= 0xa0 || c == 0xad || c == 0x200b || c == 0x200c
                    || c == 0x200d || c == 0xfeff || c >= 0xfff0)) {
                return false;
            }
        }
        return true;
    }

    /** Something this walk does not write: the article takes the general path. */
    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private static final Unsupported UNSUPPORTED = new Unsupported();

    /**
     * One heading of the document, known before anything is written: its level, its text, its ids,
     * and what its content writes (HTML and links).
     */
    private record Head(int level, String text, HeadingIds.Assigned ids, String inner, List<String> links) {}

    private final class Walk {
        private final Document doc;
        private final StringBuilder html = new StringBuilder(4096);
        /** The text of the top-level element being written, as jsoup's {@code Element.text()} makes it. */
        private final StringBuilder text = new StringBuilder(1024);
        private boolean blockEnded;
        private final List<String> links = new ArrayList<>();

        Walk(Document doc) {
            this.doc = doc;
        }

        MarkdownRenderer.Rendered run() {
            List<Head> heads = headings();
            List<Section> sections = new ArrayList<>(heads.size());
            StringBuilder intro = new StringBuilder();
            int h = 0;
            Head open = null;
            StringBuilder body = null;
            for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
                if (n instanceof Heading) {
                    if (open != null) {
                        sections.add(section(open, body));
                    }
                    open = heads.get(h++);
                    body = new StringBuilder();
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
                String t = text.toString().trim();
                if (n instanceof Paragraph && t.contains("{{")) {
                    throw UNSUPPORTED; // could be a shortcode, which the general path replaces
                }
                StringBuilder to = open == null ? intro : body;
                if (!to.isEmpty()) {
                    to.append('\n');
                }
                to.append(t);
            }
            if (open != null) {
                sections.add(section(open, body));
            }
            return new MarkdownRenderer.Rendered(html.toString(), intro.toString(), sections, links, List.of());
        }

        private Section section(Head head, StringBuilder body) {
            return new Section(head.ids().id(), head.text(), head.level(), body.toString(), head.ids().aliases());
        }

        /**
         * Every heading's content, written once, and its ids, as {@link HeadingIds#assign} gives
         * them on either path (generated ids must avoid every explicit one, so all come first).
         */
        private List<Head> headings() {
            List<Heading> nodes = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            List<String> explicit = new ArrayList<>();
            List<String> inner = new ArrayList<>();
            List<List<String>> linked = new ArrayList<>();
            for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
                if (n instanceof Heading heading) {
                    nodes.add(heading);
                    explicit.add(explicitId(heading));
                    // Written after a tag's '>', as it will be on the page.
                    html.setLength(0);
                    html.append('>');
                    text.setLength(0);
                    links.clear();
                    inlines(heading);
                    inner.add(html.substring(1));
                    texts.add(text.toString().strip());
                    linked.add(List.copyOf(links));
                }
            }
            html.setLength(0);
            links.clear();
            List<HeadingIds.Assigned> ids = HeadingIds.assign(texts, explicit);
            List<Head> heads = new ArrayList<>(nodes.size());
            for (int i = 0; i < nodes.size(); i++) {
                heads.add(new Head(Math.max(2, nodes.get(i).getLevel()), texts.get(i), ids.get(i), inner.get(i), linked.get(i)));
            }
            return heads;
        }

        /** The heading's {@code {#id}}, null if it has none; anything else in braces is not written here. */
        private String explicitId(Heading heading) {
            String id = null;
            for (Node n = heading.getFirstChild(); n != null; n = n.getNext()) {
                if (n instanceof AttributesNode attributes) {
                    Node only = attributes.getFirstChild();
                    if (n.getNext() != null || only == null || only.getNext() != null || !(only instanceof AttributeNode a) || !a.isId()) {
                        throw UNSUPPORTED;
                    }
                    id = a.getValue().toString();
                }
            }
            boolean explicit = heading.isExplicitAnchorRefId();
            if (id == null ? explicit : !explicit || id.isEmpty() || !id.equals(heading.getAnchorRefId())) {
                throw UNSUPPORTED;
            }
            return id;
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

        // ---- blocks: each ends with a newline, as flexmark writes them

        private void block(Node n) {
            if (n instanceof Paragraph p) {
                paragraph(p);
            } else if (n instanceof BulletList || n instanceof OrderedList) {
                list((ListBlock) n);
            } else if (n instanceof FencedCodeBlock code) {
                fenced(code);
            } else if (n instanceof BlockQuote quote) {
                open("blockquote");
                newline();
                for (Node c = quote.getFirstChild(); c != null; c = c.getNext()) {
                    block(c);
                }
                close("blockquote");
                newline();
            } else if (n instanceof ThematicBreak) {
                blockStart();
                html.append("<hr>");
                blockEnded = true;
                newline();
            } else {
                throw UNSUPPORTED; // headings inside lists or quotes, tables, raw HTML, indented code, ...
            }
        }

        private void paragraph(Paragraph p) {
            if (p.getFirstChildAnyNot(NonRenderingInline.class) == null) {
                if (p.hasChildren()) {
                    throw UNSUPPORTED; // attributes alone, given to the element around them
                }
                return;
            }
            if (unwrapped(p)) {
                inlines(p);
                return;
            }
            open("p");
            inlines(p);
            close("p");
            newline();
        }

        private void list(ListBlock list) {
            if (list instanceof OrderedList ol && ol.getStartNumber() != 1) {
                if (!listOptions.isOrderedListManualStart()) {
                    throw UNSUPPORTED;
                }
                blockStart();
                html.append("<ol start=\"").append(ol.getStartNumber()).append("\">");
            } else {
                open(list instanceof OrderedList ? "ol" : "ul");
            }
            newline();
            for (Node c = list.getFirstChild(); c != null; c = c.getNext()) {
                if (!(c instanceof ListItem item) || !item.getMarkerSuffix().isEmpty()) {
                    throw UNSUPPORTED;
                }
                open("li");
                boolean loose = !listOptions.isTightListItem(item) && item.hasChildren();
                if (loose) {
                    newline();
                }
                int content = html.length();
                for (Node b = item.getFirstChild(); b != null; b = b.getNext()) {
                    if (b instanceof Paragraph p && unwrapped(p)) {
                        if (b != item.getFirstChild()) {
                            throw UNSUPPORTED; // text after a block of the same item
                        }
                    } else if (html.charAt(html.length() - 1) != '\n') {
                        newline(); // a block starts on a line of its own
                    }
                    block(b);
                }
                if (loose && html.length() == content) {
                    html.setLength(content - 1); // an item that wrote nothing closes on its line
                }
                close("li");
                newline();
            }
            close(list instanceof OrderedList ? "ol" : "ul");
            newline();
        }

        /** A paragraph written without {@code <p>}: the text of a tight list item. */
        private boolean unwrapped(Paragraph p) {
            return p.getParent() instanceof ParagraphItemContainer item && item.isParagraphWrappingDisabled(p, listOptions, doc);
        }

        private void fenced(FencedCodeBlock code) {
            blockStart();
            html.append("<pre tabindex=\"0\">");
            BasedSequence info = code.getInfo();
            if (info.isNotNull() && !info.isBlank()) {
                String language = "language-" + code.getInfoDelimitedByAny(SequenceUtils.SPACE_TAB_SET).unescape();
                html.append("<code class=\"");
                attribute(language);
                html.append("\">");
            } else {
                html.append("<code>");
            }
            String content = written(code.getContentChars());
            escaped(content);
            text.append(content); // inside pre, as written
            html.append("</code></pre>");
            blockEnded = true;
            newline();
        }

        // ---- inlines

        private void inlines(Node parent) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
                inline(n);
            }
        }

        private void inline(Node n) {
            if (n instanceof Text) {
                characters(unescaped(n.getChars()));
            } else if (n instanceof TextBase) {
                inlines(n);
            } else if (n instanceof SoftLineBreak) {
                characters("\n");
            } else if (n instanceof HardLineBreak) {
                inlineStart();
                if (!text.isEmpty() && text.charAt(text.length() - 1) != ' ') {
                    text.append(' ');
                }
                html.append("<br>");
                characters("\n");
            } else if (n instanceof Emphasis) {
                wrapped("em", n);
            } else if (n instanceof StrongEmphasis) {
                wrapped("strong", n);
            } else if (n instanceof Code code) {
                inlineStart();
                html.append("<code>");
                characters(Escaping.collapseWhitespace(written(code.getText()), true));
                html.append("</code>");
            } else if (n instanceof Link link) {
                link(link);
            } else if (n instanceof LinkRef ref && !ref.isDefined()) {
                // written as text, brackets and all, when no reference defines it
                if (!ref.hasChildren()) {
                    characters(ref.getChars().unescape());
                } else {
                    characters(ref.getChars().prefixOf(ref.getChildChars()).unescape());
                    inlines(ref);
                    characters(ref.getChars().suffixOf(ref.getChildChars()).unescape());
                }
            } else if (n instanceof AttributesNode && n.getParent() instanceof Heading) {
                // the heading's {#id}: written as its id
            } else {
                throw UNSUPPORTED; // raw HTML, entities, images, autolinks, references, ...
            }
        }

        /**
         * The source's text as written: copied in one piece from the document when it lies there
         * in one piece (flexmark's own copy goes a character at a time), the same characters as
         * {@code normalizeEOL()} gives for a source without carriage returns.
         */
        private static String written(BasedSequence chars) {
            int start = chars.getStartOffset();
            int end = chars.getEndOffset();
            if (chars.getBase() instanceof String source && end - start == chars.length()) {
                return source.substring(start, end);
            }
            return chars.normalizeEOL();
        }

        /** The text of a text node, with backslash escapes undone (entities never reach here). */
        private static String unescaped(BasedSequence chars) {
            String s = written(chars);
            return s.indexOf('\\') >= 0 || s.indexOf('&') >= 0 ? Escaping.unescapeString(s) : s;
        }

        private void wrapped(String tag, Node n) {
            inlineStart();
            html.append('<').append(tag).append('>');
            inlines(n);
            html.append("</").append(tag).append('>');
        }

        private void link(Link link) {
            String href = link.getUrl().unescape();
            if (!keptAsWritten(href)) {
                throw UNSUPPORTED;
            }
            inlineStart();
            html.append("<a href=\"");
            attribute(href);
            html.append('"');
            if (link.getTitle().isNotNull()) {
                html.append(" title=\"");
                attribute(link.getTitle().unescape());
                html.append('"');
            }
            html.append('>');
            links.add(href);
            inlines(link);
            html.append("</a>");
        }

        // ---- what jsoup's serializer and Element.text() make of the elements written

        private void open(String tag) {
            blockStart();
            html.append('<').append(tag).append('>');
        }

        private void close(String tag) {
            html.append("</").append(tag).append('>');
            blockEnded = true;
        }

        /** A block element begins: its text is set apart from what came before. */
        private void blockStart() {
            blockEnded = false;
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ' ') {
                text.append(' ');
            }
        }

        /** An inline element or text follows: set apart from a block that ended just before. */
        private void inlineStart() {
            if (blockEnded) {
                blockEnded = false;
                if (!text.isEmpty() && text.charAt(text.length() - 1) != ' ') {
                    text.append(' ');
                }
            }
        }

        private void newline() {
            characters("\n");
        }

        /** A text node: escaped in the page, white space collapsed in the text. */
        private void characters(String s) {
            inlineStart();
            boolean lineStart = html.isEmpty() || html.charAt(html.length() - 1) == '\n';
            if ((lineStart || s.indexOf('\n') >= 0) && (s.indexOf(' ') >= 0 || s.indexOf('\t') >= 0)) {
                s = lineStartsTrimmed(s, lineStart);
            }
            escaped(s);
            boolean white = !text.isEmpty() && text.charAt(text.length() - 1) == ' ';
            int from = 0;
            int n = s.length();
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

        private void escaped(String s) {
            int from = 0;
            int n = s.length();
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                String entity = c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : null;
                if (entity != null) {
                    html.append(s, from, i).append(entity);
                    from = i + 1;
                }
            }
            html.append(s, from, n);
        }

        private void attribute(String s) {
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

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
