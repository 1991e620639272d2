package kb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * The index's identifier splitter ({@link Analysis#splitSteps}: the word delimiter, the graph
 * flattening, the keyword marks) with what each distinct identifier splits into remembered: a
 * site repeats its identifiers ({@code Mail.ReadWrite} in a third of the bench's articles), and
 * the splitter was the costliest step of the chain. The split is worked out by those very steps on
 * the one token, and replayed at each occurrence with its own place and offsets; a test compares
 * every attribute with the step-by-step chain. Tokens that do not {@link Analysis#splits} pass
 * through untouched, as before.
 *
 * <p>Only for the index's writer: a few threads, each with its own memory, bounded by
 * {@link #MAX_REMEMBERED} identifiers, those with a digit split each time ({@link TokenMemory}).
 */
final class RememberedSplits extends TokenFilter {
    static final int MAX_REMEMBERED = 1 << 15;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final PositionLengthAttribute length = addAttribute(PositionLengthAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);

    private final TokenMemory<Part[]> remembered = new TokenMemory<>(1 << 10, MAX_REMEMBERED);
    private final SingleToken one = new SingleToken();
    private final TokenStream steps = Analysis.splitSteps(one, true);
    private char[] key = new char[32];

    private Part[] pending;
    private int next;
    private int start;
    private int increment;

    /**
     * One token the split gives, relative to the token split: for the first, its increment is
     * added to the token's own less one; offsets are from the token's start.
     */
    private record Part(char[] term, int increment, int length, int startDelta, int endDelta, boolean keyword, String type) {
    }

    RememberedSplits(TokenStream in) {
        super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (pending != null) {
            emit();
            return true;
        }
        while (input.incrementToken()) {
            if (!Analysis.splits(term.buffer(), term.length())) {
                return true;
            }
            int keyLength = keyOf();
            Part[] parts = remembered.get(key, keyLength);
            if (parts == null) {
                parts = work();
                // (The key's digits are the spelling's, or an offsets' span of 48 to 57 characters
                // written as one character: such rare identifiers are split each time too.)
                remembered.keep(key, keyLength, parts);
            }
            if (parts.length == 0) {
                continue; // the splitter kept nothing of it (it keeps the whole identifier, so never seen)
            }
            pending = parts;
            next = 0;
            start = offset.startOffset();
            increment = position.getPositionIncrement();
            emit();
            return true;
        }
        return false;
    }

    /** What the split depends on besides the spelling: the offsets' span, the type, the keyword mark. */
    private int keyOf() {
        int len = term.length();
        String t = type.type();
        int need = len + t.length() + 3;
        if (key.length < need) {
            key = new char[need * 2];
        }
        System.arraycopy(term.buffer(), 0, key, 0, len);
        key[len] = '\u0000';
        t.getChars(0, t.length(), key, len + 1);
        key[len + 1 + t.length()] = (char) Math.min(offset.endOffset() - offset.startOffset(), 0xFFFF);
        key[len + 2 + t.length()] = keyword.isKeyword() ? 'k' : '-';
        return need;
    }

    /** Runs the splitter's own steps on this one token. */
    private Part[] work() throws IOException {
        one.set(term.buffer(), term.length(), offset.endOffset() - offset.startOffset(), type.type(), keyword.isKeyword());
        steps.reset();
        CharTermAttribute t = steps.getAttribute(CharTermAttribute.class);
        PositionIncrementAttribute inc = steps.getAttribute(PositionIncrementAttribute.class);
        PositionLengthAttribute len = steps.getAttribute(PositionLengthAttribute.class);
        OffsetAttribute off = steps.getAttribute(OffsetAttribute.class);
        KeywordAttribute kw = steps.getAttribute(KeywordAttribute.class);
        TypeAttribute ty = steps.getAttribute(TypeAttribute.class);
        List<Part> parts = new ArrayList<>(6);
        while (steps.incrementToken()) {
            parts.add(new Part(java.util.Arrays.copyOf(t.buffer(), t.length()), inc.getPositionIncrement(),
                    len.getPositionLength(), off.startOffset(), off.endOffset(), kw.isKeyword(), ty.type()));
        }
        steps.end();
        steps.close();
        return parts.toArray(new Part[0]);
    }

    private void emit() {
        Part p = pending[next];
        clearAttributes();
        term.copyBuffer(p.term, 0, p.term.length);
        position.setPositionIncrement(next == 0 ? increment - 1 + p.increment : p.increment);
        length.setPositionLength(p.length);
        offset.setOffset(start + p.startDelta, start + p.endDelta);
        keyword.setKeyword(p.keyword);
        type.setType(p.type);
        if (++next == pending.length) {
            pending = null;
        }
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending = null;
    }
}
