package kb.content;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes an article made only of the plainest Markdown without flexmark: a line-by-line reader
 * of ATX headings (with an optional {@code {#id}}), paragraphs, tight one-line lists, fenced code,
 * and inline code spans, links to web and site addresses, and {@code *}/{@code **} emphasis that
 * opens and closes unambiguously. That is how nearly every help article is written, and flexmark
 * (a general CommonMark parser, then a walk over its tree) took a fifth of a cold start's work and
 * a fifth of its compiling for it.
 *
 * <p>Anything else, and anything this reader cannot tell apart for certain (indentation, lazy
 * lines, a list inside a paragraph, backslashes, entities, raw HTML, braces, bare links, loose
 * lists, underscores outside a word, emphasis that could both open and close...), returns null
 * and the article takes flexmark's path, so what CommonMark makes of it stays flexmark's to
 * decide. What this reader does write is byte for byte what that path writes ({@code
 * SimpleMarkdownTest} compares them on generated, shipped and, when present, the bench's
 * articles), through the same writer ({@link PageWriter}).
 */
final class SimpleMarkdown {
    private SimpleMarkdown() {}

    private sealed interface Block permits Heading, Paragraph, Items, Fence {}

    private record Heading(int level, String content, String id) implements Block {}

    private record Paragraph(String content) implements Block {}

    private record Items(boolean ordered, List<String> items) implements Block {}

    private record Fence(String language, String content) implements Block {}

    /** The rendered article, or null when it holds anything this reader leaves to flexmark. */
    static MarkdownRenderer.Rendered render(String markdown) {
        return PageWriter.plain(markdown) && !MarkdownRenderer.mayHoldTable(markdown) ? write(markdown) : null;
    }

    /** As {@link #render}, for a source already known to be {@link PageWriter#plain} and to hold no table. */
    static MarkdownRenderer.Rendered write(String markdown) {
        try {
            return new Writer(markdown.length()).run(blocks(markdown));
        } catch (PageWriter.Unsupported e) {
            return null;
        }
    }

    // ---- blocks

    private static List<Block> blocks(String md) {
        List<String> lines = lines(md);
        List<Block> blocks = new ArrayList<>();
        int n = lines.size();
        int i = 0;
        while (i < n) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                i++;
                continue;
            }
            if (line.startsWith("```")) {
                i = fence(lines, i, blocks);
            } else if (line.charAt(0) == '#') {
                blocks.add(heading(line));
                i++;
            } else if (line.startsWith("- ") || orderedMarker(line) > 0) {
                i = list(lines, i, blocks);
            } else {
                paragraphLine(line);
                int end = i + 1;
                while (end < n && !lines.get(end).isEmpty()) {
                    paragraphLine(lines.get(end));
                    end++;
                }
                blocks.add(new Paragraph(end == i + 1 ? line : String.join("\n", lines.subList(i, end))));
                i = end;
            }
        }
        return blocks;
    }

    private static List<String> lines(String md) {
        List<String> lines = new ArrayList<>(64);
        int from = 0;
        for (int nl = md.indexOf('\n'); nl >= 0; nl = md.indexOf('\n', from)) {
            lines.add(md.substring(from, nl));
            from = nl + 1;
        }
        if (from < md.length()) {
            lines.add(md.substring(from));
        }
        return lines;
    }

    /**
     * A line of a paragraph, or an item's text, that starts nothing else and needs no trimming:
     * anything that could start a block, or be read as one, is left to flexmark.
     */
    private static void paragraphLine(String line) {
        char c = line.charAt(0);
        char last = line.charAt(line.length() - 1);
        if (last == ' ' || last == '\t') {
            throw PageWriter.UNSUPPORTED; // a hard break, or trimmed
        }
        switch (c) {
            case ' ', '\t', '#', '-', '+', '=', '_', '>', '<', '~', '{', '|' -> throw PageWriter.UNSUPPORTED;
            case '*' -> {
                if (line.length() < 2 || line.charAt(1) == ' ' || line.charAt(1) == '\t' || onlyStarsAndBlanks(line)) {
                    throw PageWriter.UNSUPPORTED; // a list item or a thematic break
                }
            }
            case '`' -> {
                if (line.startsWith("``")) {
                    throw PageWriter.UNSUPPORTED;
                }
            }
            case '[' -> {
                int close = line.indexOf(']');
                if (close < 0 || (close + 1 < line.length() && line.charAt(close + 1) == ':')) {
                    throw PageWriter.UNSUPPORTED; // could define a reference
                }
            }
            default -> {
                if (c >= '0' && c <= '9') {
                    int d = 0;
                    while (d < line.length() && d < 10 && line.charAt(d) >= '0' && line.charAt(d) <= '9') {
                        d++;
                    }
                    if (d == line.length() || line.charAt(d) == '.' || line.charAt(d) == ')') {
                        throw PageWriter.UNSUPPORTED; // could be a list item
                    }
                }
            }
        }
    }

    private static boolean onlyStarsAndBlanks(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '*' && c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /** {@code # Title} to {@code ###### Title}, with an optional {@code {#id}} after one space. */
    private static Heading heading(String line) {
        int level = 0;
        while (level < line.length() && line.charAt(level) == '#') {
            level++;
        }
        if (level > 6 || level + 1 >= line.length() || line.charAt(level) != ' ') {
            throw PageWriter.UNSUPPORTED;
        }
        String content = line.substring(level + 1);
        String id = null;
        if (content.endsWith("}")) {
            int open = content.lastIndexOf(" {#");
            if (open < 0) {
                throw PageWriter.UNSUPPORTED;
            }
            id = content.substring(open + 3, content.length() - 1);
            if (id.isEmpty() || !idChars(id)) {
                throw PageWriter.UNSUPPORTED;
            }
            content = content.substring(0, open);
        }
        if (content.isEmpty()) {
            throw PageWriter.UNSUPPORTED;
        }
        char first = content.charAt(0);
        char last = content.charAt(content.length() - 1);
        if (first == ' ' || first == '\t' || last == ' ' || last == '\t' || last == '#') {
            throw PageWriter.UNSUPPORTED;
        }
        return new Heading(level, content, id);
    }

    private static boolean idChars(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** Where an item's text starts after {@code 1. }, or 0 if the line is no such item. */
    private static int orderedMarker(String line) {
        int d = 0;
        while (d < line.length() && line.charAt(d) >= '0' && line.charAt(d) <= '9') {
            d++;
        }
        return d > 0 && d <= 9 && line.startsWith(". ", d) ? d + 2 : 0;
    }

    /** A tight list of one-line items of one kind; an ordered one starts at 1. */
    private static int list(List<String> lines, int i, List<Block> blocks) {
        boolean ordered = !lines.get(i).startsWith("- ");
        if (ordered && !lines.get(i).startsWith("1. ")) {
            throw PageWriter.UNSUPPORTED; // a start number is for the list options to decide
        }
        List<String> items = new ArrayList<>();
        int n = lines.size();
        while (i < n && !lines.get(i).isEmpty()) {
            String line = lines.get(i);
            int start = ordered ? orderedMarker(line) : line.startsWith("- ") ? 2 : 0;
            if (start == 0 || start >= line.length()) {
                throw PageWriter.UNSUPPORTED; // another kind of line, or an empty item
            }
            String item = line.substring(start);
            paragraphLine(item);
            items.add(item);
            i++;
        }
        // Blank lines, then an item of the same list, make the list loose.
        int next = i;
        while (next < n && lines.get(next).isEmpty()) {
            next++;
        }
        if (next < n && (lines.get(next).startsWith("- ") || orderedMarker(lines.get(next)) > 0)) {
            throw PageWriter.UNSUPPORTED;
        }
        blocks.add(new Items(ordered, items));
        return i;
    }

    /** A fence of backticks with an optional info string, closed by a line of as many backticks or more. */
    private static int fence(List<String> lines, int i, List<Block> blocks) {
        String open = lines.get(i);
        int ticks = 0;
        while (ticks < open.length() && open.charAt(ticks) == '`') {
            ticks++;
        }
        String info = open.substring(ticks);
        if (info.indexOf('`') >= 0 || info.indexOf('\\') >= 0 || info.indexOf('&') >= 0) {
            throw PageWriter.UNSUPPORTED;
        }
        info = info.strip();
        String language = null;
        if (!info.isEmpty()) {
            int space = 0;
            while (space < info.length() && info.charAt(space) != ' ' && info.charAt(space) != '\t') {
                space++;
            }
            language = info.substring(0, space);
        }
        StringBuilder content = new StringBuilder();
        for (int j = i + 1; j < lines.size(); j++) {
            String line = lines.get(j);
            int closing = closingTicks(line);
            if (closing >= ticks) {
                blocks.add(new Fence(language, content.toString()));
                return j + 1;
            }
            content.append(line).append('\n');
        }
        throw PageWriter.UNSUPPORTED; // never closed
    }

    /**
     * How many backticks close a fence on this line (0: none); a line that might close one but
     * for its indentation or trailing blanks is left to flexmark.
     */
    private static int closingTicks(String line) {
        int lead = 0;
        while (lead < line.length() && line.charAt(lead) == ' ') {
            lead++;
        }
        int ticks = 0;
        while (lead + ticks < line.length() && line.charAt(lead + ticks) == '`') {
            ticks++;
        }
        if (ticks < 3 || lead > 3) {
            return 0;
        }
        for (int k = lead + ticks; k < line.length(); k++) {
            char c = line.charAt(k);
            if (c != ' ' && c != '\t') {
                return 0; // more after the backticks: content
            }
        }
        if (lead > 0 || lead + ticks < line.length()) {
            throw PageWriter.UNSUPPORTED;
        }
        return ticks;
    }

    // ---- inlines

    private sealed interface Inline permits Text, Code, Link, Delimiter, Wrapped {}

    private record Text(String text) implements Inline {}

    private record Code(String text) implements Inline {}

    private record Link(String href, List<Inline> content) implements Inline {}

    /** A run of one or two {@code *}, which either opens or closes emphasis. */
    private record Delimiter(int length, boolean opens) implements Inline {}

    private record Wrapped(String tag, List<Inline> content) implements Inline {}

    /** The inlines of {@code s[from, to)}, emphasis resolved. */
    private static List<Inline> inlines(String s, int from, int to) {
        // Read from a copy: the loop below looks at each character, on every article a start reads.
        return inlines(s, s.toCharArray(), from, to);
    }

    /** As {@link #inlines(String, int, int)}, with {@code chars} the characters of {@code s}. */
    private static List<Inline> inlines(String s, char[] chars, int from, int to) {
        List<Inline> out = new ArrayList<>();
        int text = from;
        int i = from;
        while (i < to) {
            char c = chars[i];
            switch (c) {
                case '\\', '&', '<', '{', '}', ']', '@' -> throw PageWriter.UNSUPPORTED;
                case '`' -> {
                    int end = s.indexOf('`', i + 1);
                    if (end < 0 || end >= to || s.charAt(i + 1) == '`' || end + 1 < to && s.charAt(end + 1) == '`') {
                        throw PageWriter.UNSUPPORTED;
                    }
                    String code = s.substring(i + 1, end);
                    if (!plainCode(code)) {
                        throw PageWriter.UNSUPPORTED;
                    }
                    text(out, s, text, i);
                    out.add(new Code(code));
                    i = end + 1;
                    text = i;
                }
                case '[' -> {
                    if (i > from && s.charAt(i - 1) == '!') {
                        throw PageWriter.UNSUPPORTED; // an image
                    }
                    int close = linkTextEnd(s, i + 1, to);
                    if (close + 1 >= to || s.charAt(close + 1) != '(' || close == i + 1) {
                        throw PageWriter.UNSUPPORTED;
                    }
                    int paren = s.indexOf(')', close + 2);
                    if (paren < 0 || paren >= to) {
                        throw PageWriter.UNSUPPORTED;
                    }
                    String href = s.substring(close + 2, paren);
                    if (!plainHref(href)) {
                        throw PageWriter.UNSUPPORTED;
                    }
                    text(out, s, text, i);
                    out.add(new Link(href, inlines(s, chars, i + 1, close)));
                    i = paren + 1;
                    text = i;
                }
                case '*' -> {
                    int run = 1;
                    while (i + run < to && s.charAt(i + run) == '*') {
                        run++;
                    }
                    int before = kind(i == 0 ? '\n' : s.charAt(i - 1));
                    int after = kind(i + run < s.length() ? s.charAt(i + run) : '\n');
                    boolean left = after != SPACE && (after != PUNCT || before != LETTER);
                    boolean right = before != SPACE && (before != PUNCT || after != LETTER);
                    if (run > 2 || left && right) {
                        throw PageWriter.UNSUPPORTED;
                    }
                    if (left || right) {
                        text(out, s, text, i);
                        out.add(new Delimiter(run, left));
                        text = i + run;
                    }
                    i += run;
                }
                case '_' -> {
                    int run = 1;
                    while (i + run < to && s.charAt(i + run) == '_') {
                        run++;
                    }
                    // Within a word it is a letter like any other; anywhere else, emphasis is flexmark's to decide.
                    if (i == from || i + run >= to || !Character.isLetterOrDigit(s.charAt(i - 1))
                            || !Character.isLetterOrDigit(s.charAt(i + run))) {
                        throw PageWriter.UNSUPPORTED;
                    }
                    i += run;
                }
                default -> i++;
            }
        }
        text(out, s, text, to);
        return emphasis(out);
    }

    private static final int SPACE = 0;
    private static final int PUNCT = 1;
    private static final int LETTER = 2;

    /**
     * What a character next to a {@code *} is for emphasis: white space (or the line's edge),
     * ASCII punctuation, or a letter or digit; anything else (symbols and marks outside ASCII,
     * where CommonMark's versions differ) is left to flexmark.
     */
    private static int kind(char c) {
        if (c == ' ' || c == '\t' || c == '\n') {
            return SPACE;
        }
        if (c < 0x80) {
            return Character.isLetterOrDigit(c) ? LETTER : PUNCT;
        }
        if (Character.isLetterOrDigit(c)) {
            return LETTER;
        }
        throw PageWriter.UNSUPPORTED;
    }

    /** Where a link's text ends, code spans skipped: the index of its {@code ]}. */
    private static int linkTextEnd(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == ']') {
                return i;
            }
            if (c == '[') {
                throw PageWriter.UNSUPPORTED;
            }
            if (c == '`') {
                int end = s.indexOf('`', i + 1);
                if (end < 0 || end >= to) {
                    throw PageWriter.UNSUPPORTED;
                }
                i = end;
            }
        }
        throw PageWriter.UNSUPPORTED;
    }

    /** A code span's content that needs no trimming or collapsing: one line, single spaces inside. */
    private static boolean plainCode(String code) {
        if (code.isEmpty() || code.charAt(0) == ' ' || code.charAt(code.length() - 1) == ' ') {
            return false;
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '\n' || c == '\t' || c == ' ' && code.charAt(i + 1) == ' ') {
                return false;
            }
        }
        return true;
    }

    /** A destination written as it is read: no title, no brackets or parentheses, no escapes or entities. */
    private static boolean plainHref(String href) {
        for (int i = 0; i < href.length(); i++) {
            char c = href.charAt(i);
            if (c == '(' || c == '[' || c == ']' || c == '\'' || c == '&' && entityAt(href, i)) {
                return false;
            }
        }
        return PageWriter.keptAsWritten(href);
    }

    /** Whether {@code &} at {@code i} could start an entity: letters, digits or {@code #}, then {@code ;}. */
    private static boolean entityAt(String s, int i) {
        int j = i + 1;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '#')) {
            j++;
        }
        return j > i + 1 && j < s.length() && s.charAt(j) == ';';
    }

    private static void text(List<Inline> out, String s, int from, int to) {
        if (from < to) {
            String text = s.substring(from, to);
            if (GatedAutolink.mayHoldLink(text)) {
                throw PageWriter.UNSUPPORTED; // a bare link is the autolink extension's to make
            }
            out.add(new Text(text));
        }
    }

    /** Pairs each closing run with the opening run just before it, of the same length. */
    private static List<Inline> emphasis(List<Inline> items) {
        List<Inline> out = new ArrayList<>(items.size());
        List<Integer> opened = new ArrayList<>();
        for (Inline item : items) {
            if (item instanceof Delimiter d) {
                if (d.opens()) {
                    opened.add(out.size());
                    out.add(d);
                    continue;
                }
                if (opened.isEmpty()) {
                    throw PageWriter.UNSUPPORTED;
                }
                int at = opened.remove(opened.size() - 1);
                if (((Delimiter) out.get(at)).length() != d.length() || at == out.size() - 1) {
                    throw PageWriter.UNSUPPORTED;
                }
                List<Inline> content = new ArrayList<>(out.subList(at + 1, out.size()));
                out.subList(at, out.size()).clear();
                out.add(new Wrapped(d.length() == 1 ? "em" : "strong", content));
            } else {
                out.add(item);
            }
        }
        if (!opened.isEmpty()) {
            throw PageWriter.UNSUPPORTED;
        }
        return out;
    }

    // ---- writing

    private static final class Writer extends PageWriter<Block> {
        Writer(int sourceLength) {
            super(sourceLength);
        }

        @Override
        int headingLevel(Block block) {
            return block instanceof Heading h ? h.level() : 0;
        }

        @Override
        String explicitId(Block heading) {
            return ((Heading) heading).id();
        }

        @Override
        void headingContent(Block heading) {
            String content = ((Heading) heading).content();
            write(inlines(content, 0, content.length()));
        }

        @Override
        boolean isParagraph(Block block) {
            return block instanceof Paragraph;
        }

        @Override
        void block(Block block) {
            if (block instanceof Paragraph p) {
                open("p");
                write(inlines(p.content(), 0, p.content().length()));
                close("p");
                newline();
            } else if (block instanceof Items list) {
                String tag = list.ordered() ? "ol" : "ul";
                open(tag);
                newline();
                for (String item : list.items()) {
                    open("li");
                    write(inlines(item, 0, item.length()));
                    close("li");
                    newline();
                }
                close(tag);
                newline();
            } else if (block instanceof Fence f) {
                fenced(f.language(), f.content());
            }
        }

        private void write(List<Inline> inlines) {
            for (Inline inline : inlines) {
                if (inline instanceof Text t) {
                    characters(t.text());
                } else if (inline instanceof Code c) {
                    code(c.text());
                } else if (inline instanceof Link l) {
                    linkStart(l.href(), null);
                    write(l.content());
                    inlineClose("a");
                } else if (inline instanceof Wrapped w) {
                    inlineOpen(w.tag());
                    write(w.content());
                    inlineClose(w.tag());
                } else {
                    throw PageWriter.UNSUPPORTED;
                }
            }
        }
    }
}
