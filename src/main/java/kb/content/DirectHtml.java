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

    /**
     * The rendered article, or null when it holds anything this walk does not write; the source
     * must be {@link PageWriter#plain}.
     */
    MarkdownRenderer.Rendered render(Document doc) {
        try {
            return new Walk(doc).run();
        } catch (PageWriter.Unsupported e) {
            return null;
        }
    }

    private final class Walk extends PageWriter<Node> {
        private final Document doc;

        Walk(Document doc) {
            super(doc.getTextLength());
            this.doc = doc;
        }

        MarkdownRenderer.Rendered run() {
            List<Node> blocks = new ArrayList<>();
            for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
                blocks.add(n);
            }
            return run(blocks);
        }

        @Override
        int headingLevel(Node block) {
            return block instanceof Heading h ? h.getLevel() : 0;
        }

        @Override
        void headingContent(Node heading) {
            inlines(heading);
        }

        @Override
        boolean isParagraph(Node block) {
            return block instanceof Paragraph;
        }

        /** The heading's {@code {#id}}, null if it has none; anything else in braces is not written here. */
        @Override
        String explicitId(Node node) {
            Heading heading = (Heading) node;
            String id = null;
            for (Node n = heading.getFirstChild(); n != null; n = n.getNext()) {
                if (n instanceof AttributesNode attributes) {
                    Node only = attributes.getFirstChild();
                    if (n.getNext() != null || only == null || only.getNext() != null || !(only instanceof AttributeNode a) || !a.isId()) {
                        throw PageWriter.UNSUPPORTED;
                    }
                    id = a.getValue().toString();
                }
            }
            boolean explicit = heading.isExplicitAnchorRefId();
            if (id == null ? explicit : !explicit || id.isEmpty() || !id.equals(heading.getAnchorRefId())) {
                throw PageWriter.UNSUPPORTED;
            }
            return id;
        }

        // ---- blocks: each ends with a newline, as flexmark writes them

        @Override
        void block(Node n) {
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
                throw PageWriter.UNSUPPORTED; // headings inside lists or quotes, tables, raw HTML, indented code, ...
            }
        }

        private void paragraph(Paragraph p) {
            if (p.getFirstChildAnyNot(NonRenderingInline.class) == null) {
                if (p.hasChildren()) {
                    throw PageWriter.UNSUPPORTED; // attributes alone, given to the element around them
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
                    throw PageWriter.UNSUPPORTED;
                }
                blockStart();
                html.append("<ol start=\"").append(ol.getStartNumber()).append("\">");
            } else {
                open(list instanceof OrderedList ? "ol" : "ul");
            }
            newline();
            for (Node c = list.getFirstChild(); c != null; c = c.getNext()) {
                if (!(c instanceof ListItem item) || !item.getMarkerSuffix().isEmpty()) {
                    throw PageWriter.UNSUPPORTED;
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
                            throw PageWriter.UNSUPPORTED; // text after a block of the same item
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
            BasedSequence info = code.getInfo();
            String language = info.isNotNull() && !info.isBlank()
                    ? code.getInfoDelimitedByAny(SequenceUtils.SPACE_TAB_SET).unescape()
                    : null;
            fenced(language, written(code.getContentChars()));
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
                code(Escaping.collapseWhitespace(written(code.getText()), true));
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
                throw PageWriter.UNSUPPORTED; // raw HTML, entities, images, autolinks, references, ...
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
            inlineOpen(tag);
            inlines(n);
            inlineClose(tag);
        }

        private void link(Link link) {
            linkStart(link.getUrl().unescape(), link.getTitle().isNotNull() ? link.getTitle().unescape() : null);
            inlines(link);
            inlineClose("a");
        }
    }
}
