package kb.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Before each identifier, adds the terms it is looked up by ({@link Identifiers#indexForms}: the
 * whole, lower case, and each tail from a {@code _} or {@code .} on), marked with {@code #} so
 * that no word can be mistaken for one, at the identifier's place and with its offsets. They
 * come first because offsets may not go backwards, and the identifier's parts follow it.
 */
final class IdentifierForms extends TokenFilter {
    static final char MARK = '#';

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    private State identifier;
    private List<String> forms;
    private int next;

    IdentifierForms(TokenStream in) {
        super(in);
    }

    /** Whether a term is one of the marked identifier terms. */
    static boolean isForm(char[] b, int len) {
        return len > 0 && b[0] == MARK;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (forms == null) {
            if (!input.incrementToken()) {
                return false;
            }
            if (!Identifiers.isIdentifier(term.buffer(), term.length())) {
                return true;
            }
            identifier = captureState();
            forms = List.copyOf(Identifiers.indexForms(term.toString()));
            next = 0;
        }
        restoreState(identifier);
        if (next < forms.size()) {
            term.setEmpty().append(MARK).append(forms.get(next));
            keyword.setKeyword(true);
        } else {
            forms = null; // the identifier itself, after its forms
        }
        if (next++ > 0) {
            position.setPositionIncrement(0);
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        identifier = null;
        forms = null;
    }
}
