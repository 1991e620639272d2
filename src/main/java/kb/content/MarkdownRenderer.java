package kb.content;

import com.vladsch.flexmark.ext.attributes.AttributesExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.HeaderIdGeneratorFactory;
import com.vladsch.flexmark.html.renderer.HtmlIdGenerator;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.parser.ListOptions;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Turns an article's Markdown body into safe HTML with an id on every heading, and lists its
 * sections. Ids are assigned here and nowhere else, so the page, the table of contents and the
 * search index always agree.
 */
final class MarkdownRenderer {
    /** What {@link #render} produces. */
    record Rendered(String html, String intro, List<Section> sections, List<String> links, List<String> warnings) {}

    /** A Hugo-style shortcode alone in its paragraph: {@code {{< admin-consent >}}}. */
    private static final Pattern SHORTCODE = Pattern.compile("\\{\\{<\\s*([a-z0-9-]+)\\s*/?>}}");
    private static final String SAFE_BASE = "https://content.invalid/";

    private final Set<String> knownEmbeds;

    MarkdownRenderer(Set<String> knownEmbeds) {
        this.knownEmbeds = Set.copyOf(knownEmbeds);
    }

    /**
     * flexmark, jsoup's cleaner and the walk over flexmark's tree, made the first time an article
     * needs them (a class's initialization: once, and safely across threads). A site whose articles
     * are all plain ({@link SimpleMarkdown}) never loads them: a quarter of a second of a start.
     */
    private static final class General {
        static final Parser PARSER;
        static final Parser PARSER_WITHOUT_TABLES;
        static final HtmlRenderer RENDERER;
        static final Cleaner CLEANER;
        static final DirectHtml DIRECT;

        static {
            MutableDataSet options = new MutableDataSet();
            options.set(Parser.EXTENSIONS, List.of(
                    TablesExtension.create(), GatedAutolink.create(), AttributesExtension.create()));
            // flexmark renders only the explicit {#id}s; the others are made after sanitizing, in one
            // pass that knows every explicit id (see assignIds), so generated ids never collide with them.
            options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
            options.set(HtmlRenderer.RENDER_HEADER_ID, true);
            options.set(TablesExtension.CLASS_NAME, "");
            PARSER = Parser.builder(options).build();
            PARSER_WITHOUT_TABLES = Parser.builder(new MutableDataSet(options)
                    .set(Parser.EXTENSIONS, List.of(GatedAutolink.create(), AttributesExtension.create()))).build();
            RENDERER = HtmlRenderer.builder(options).htmlIdGeneratorFactory(new ExplicitIdsOnly()).build();
            CLEANER = new Cleaner(Safelist.relaxed()
                    .addTags("hr", "kbd", "del", "ins", "mark", "abbr", "details", "summary")
                    .addAttributes("h1", "id").addAttributes("h2", "id").addAttributes("h3", "id")
                    .addAttributes("h4", "id").addAttributes("h5", "id").addAttributes("h6", "id")
                    .addAttributes("code", "class")
                    .addAttributes("th", "align").addAttributes("td", "align")
                    .addAttributes("abbr", "title")
                    .preserveRelativeLinks(true));
            DIRECT = new DirectHtml(ListOptions.get(options));
        }

        private General() {}
    }

    /** Keeps an author's {@code {#id}} and generates nothing, leaving the rest to {@link HeadingIds}. */
    private static final class ExplicitIdsOnly implements HeaderIdGeneratorFactory, HtmlIdGenerator {
        @Override
        public HtmlIdGenerator create(LinkResolverContext context) {
            return this;
        }

        @Override
        public HtmlIdGenerator create() {
            return this;
        }

        @Override
        public void generateIds(com.vladsch.flexmark.util.ast.Document document) {
            // nothing to precompute
        }

        @Override
        public String getId(Node node) {
            return node instanceof Heading h && h.isExplicitAnchorRefId() ? h.getAnchorRefId() : null;
        }

        @Override
        public String getId(CharSequence text) {
            return null;
        }
    }

    Rendered render(String markdown) {
        // Looked at once for all three paths: the one-pass writers write only plain sources, and a
        // table is for flexmark's tables extension.
        boolean plain = PageWriter.plain(markdown);
        boolean table = mayHoldTable(markdown);
        if (plain && !table) {
            Rendered simple = SimpleMarkdown.write(markdown);
            if (simple != null) {
                return simple;
            }
        }
        com.vladsch.flexmark.util.ast.Document ast = parse(markdown, table);
        Rendered written = plain ? General.DIRECT.render(ast) : null;
        return written != null ? written : sanitized(ast, markdown);
    }

    /**
     * A table needs a delimiter row ({@code | --- | :-: |}) in its source: an article without one is
     * parsed without the tables extension, which otherwise looks at every paragraph (a tenth of
     * the parse).
     */
    private static com.vladsch.flexmark.util.ast.Document parse(String markdown) {
        return parse(markdown, mayHoldTable(markdown));
    }

    private static com.vladsch.flexmark.util.ast.Document parse(String markdown, boolean table) {
        return (table ? General.PARSER : General.PARSER_WITHOUT_TABLES).parse(markdown);
    }

    /**
     * Whether a line holds only pipes, dashes, colons and blanks, with a pipe and a dash among them,
     * after the quote markers it may start with.
     */
    static boolean mayHoldTable(String markdown) {
        for (int pipe = markdown.indexOf('|'); pipe >= 0; pipe = markdown.indexOf('|', pipe + 1)) {
            int start = markdown.lastIndexOf('\n', pipe) + 1;
            int end = markdown.indexOf('\n', pipe);
            end = end < 0 ? markdown.length() : end;
            while (start < pipe && (markdown.charAt(start) == '>' || markdown.charAt(start) == ' ' || markdown.charAt(start) == '\t')) {
                start++;
            }
            boolean dash = false;
            boolean other = false;
            for (int i = start; i < end && !other; i++) {
                char c = markdown.charAt(i);
                dash |= c == '-';
                other = c != '|' && c != '-' && c != ':' && c != ' ' && c != '\t' && c != '\r';
            }
            if (dash && !other) {
                return true;
            }
            pipe = end;
        }
        return false;
    }

    /** Only what {@link SimpleMarkdown} writes, null for the rest (for tests). */
    Rendered renderSimple(String markdown) {
        return SimpleMarkdown.render(markdown);
    }

    /** Only what {@link DirectHtml} writes, null for the rest (for tests). */
    Rendered renderDirect(String markdown) {
        return PageWriter.plain(markdown) ? General.DIRECT.render(parse(markdown)) : null;
    }

    /** Always the general path: flexmark's HTML, then jsoup's parse, sanitizer and serializer (for tests). */
    Rendered renderSanitized(String markdown) {
        return sanitized(parse(markdown), markdown);
    }

    private Rendered sanitized(com.vladsch.flexmark.util.ast.Document ast, String markdown) {
        String raw = General.RENDERER.render(ast);
        Document dirty = Jsoup.parseBodyFragment(raw, SAFE_BASE);
        Document doc = General.CLEANER.clean(dirty);
        doc.outputSettings().prettyPrint(false);
        List<String> warnings = new ArrayList<>();

        demoteTitles(doc);
        if (mayHoldShortcode(markdown)) {
            replaceShortcodes(doc, warnings);
        }
        List<Section> sections = assignIds(doc);
        wrapScrollables(doc);
        String intro = introText(doc);
        // Collected here, on the DOM already built, so link checking needs no second parse.
        List<String> links = doc.body().select("a[href]").eachAttr("href");
        return new Rendered(doc.body().html(), intro, sections, links, warnings);
    }

    /** The page's title is its only h1; a {@code #} heading in the body becomes a section heading. */
    private static void demoteTitles(Document doc) {
        for (Element h1 : doc.body().select("h1")) {
            h1.tagName("h2");
        }
    }

    /**
     * Whether the source could hold a shortcode: its braces written as such, or spelled as
     * entities. Nearly no article has one, and looking costs the text of every paragraph.
     */
    private static boolean mayHoldShortcode(String markdown) {
        return markdown.contains("{{") || markdown.indexOf('&') >= 0;
    }

    private void replaceShortcodes(Document doc, List<String> warnings) {
        for (Element p : doc.body().select("p")) {
            Matcher m = SHORTCODE.matcher(p.text().strip());
            if (!m.matches()) {
                continue;
            }
            String name = m.group(1);
            if (knownEmbeds.contains(name)) {
                p.replaceWith(new Element("div").attr("data-embed", name));
            } else {
                warnings.add("unknown shortcode '" + name + "' (known: " + String.join(", ", knownEmbeds) + ")");
            }
        }
    }

    private static List<Section> assignIds(Document doc) {
        List<Element> headings = doc.body().select("h2, h3, h4, h5, h6");
        List<String> texts = new ArrayList<>(headings.size());
        List<String> explicit = new ArrayList<>(headings.size());
        for (Element h : headings) {
            texts.add(h.text().strip());
            explicit.add(h.id().isEmpty() ? null : h.id());
        }
        List<HeadingIds.Assigned> ids = HeadingIds.assign(texts, explicit);
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < headings.size(); i++) {
            Element h = headings.get(i);
            HeadingIds.Assigned id = ids.get(i);
            h.id(id.id());
            if (id.alias() != null) {
                h.prependChild(new Element("span").id(id.alias()).addClass("anchor-alias"));
            }
            int level = Integer.parseInt(h.tagName().substring(1));
            sections.add(new Section(id.id(), texts.get(i), level, sectionText(h), id.aliases()));
        }
        return sections;
    }

    /** Text from after the heading up to the next heading at any level. */
    private static String sectionText(Element heading) {
        StringBuilder text = new StringBuilder();
        for (Element e = heading.nextElementSibling(); e != null && !isHeading(e); e = e.nextElementSibling()) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(e.text());
        }
        return text.toString();
    }

    private static String introText(Document doc) {
        StringBuilder text = new StringBuilder();
        for (Element e : doc.body().children()) {
            if (isHeading(e)) {
                break;
            }
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(e.text());
        }
        return text.toString();
    }

    private static boolean isHeading(Element e) {
        String tag = e.normalName();
        return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6';
    }

    /** Wide tables and code scroll inside their own box, reachable by keyboard. */
    private static void wrapScrollables(Document doc) {
        for (Element table : doc.body().select("table")) {
            table.wrap("<div class=\"scroll-x\" tabindex=\"0\"></div>");
        }
        for (Element pre : doc.body().select("pre")) {
            pre.attr("tabindex", "0");
        }
    }
}
