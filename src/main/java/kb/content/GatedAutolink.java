package kb.content;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.data.MutableDataHolder;

/**
 * flexmark's {@link AutolinkExtension}, run only on the text that could hold a bare link.
 *
 * <p>The stock extension runs a regular expression and a link scanner over every text node of
 * every article: a sixth of the time it takes to render one, while nearly all text holds no link.
 * Every link it makes needs {@code ://} (a URL), {@code www.} (a host name) or {@code @} (an email
 * address) in the text, after escapes and entities are undone; text holding none of those, and no
 * {@code &} or {@code \} that could spell one, is left as it is without asking it. Text that might
 * hold one goes to the stock processor, so what is linked, and how, is the extension's own.
 */
final class GatedAutolink implements Parser.ParserExtension {
    private GatedAutolink() {}

    static GatedAutolink create() {
        return new GatedAutolink();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
        // the stock extension's options apply unchanged
    }

    @Override
    public void extend(Parser.Builder parserBuilder) {
        parserBuilder.postProcessorFactory(new Factory());
    }

    /** Whether text, as written in the source, could spell a bare link. */
    static boolean mayHoldLink(CharSequence text) {
        // By the JDK's scans of a String (every text of every article is asked): flexmark's
        // sequences are copied once, the page writer's texts already are Strings.
        String s = text.toString();
        if (s.indexOf('@') >= 0 || s.indexOf('&') >= 0 || s.indexOf('\\') >= 0 || s.contains("://")) {
            return true;
        }
        for (int i = s.indexOf('.', 3); i >= 0; i = s.indexOf('.', i + 1)) {
            if (isW(s.charAt(i - 1)) && isW(s.charAt(i - 2)) && isW(s.charAt(i - 3))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isW(char c) {
        return c == 'w' || c == 'W';
    }

    private static final class Factory extends NodePostProcessorFactory {
        Factory() {
            super(false);
            addNodes(Text.class);
        }

        @Override
        public NodePostProcessor apply(Document document) {
            return new NodePostProcessor() {
                private AutolinkNodePostProcessor stock;

                @Override
                public void process(NodeTracker state, Node node) {
                    if (!mayHoldLink(node.getChars())) {
                        return;
                    }
                    if (stock == null) {
                        stock = new AutolinkNodePostProcessor(document);
                    }
                    stock.process(state, node);
                }
            };
        }
    }
}
