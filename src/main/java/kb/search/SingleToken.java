package kb.search;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * A stream of the one token it is given, at position 1 and offsets from 0: how the remembering
 * filters ({@link RememberedWords}, {@link RememberedSplits}) run the chain's own steps on a token.
 */
final class SingleToken extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    private char[] chars = new char[16];
    private int length;
    private int span;
    private String tokenType = TypeAttribute.DEFAULT_TYPE;
    private boolean isKeyword;
    private boolean given;

    /** The token: its characters, the span of its offsets, its type and keyword mark. */
    void set(char[] b, int len, int span, String tokenType, boolean isKeyword) {
        if (chars.length < len) {
            chars = new char[len];
        }
        System.arraycopy(b, 0, chars, 0, len);
        this.length = len;
        this.span = span;
        this.tokenType = tokenType;
        this.isKeyword = isKeyword;
    }

    @Override
    public void reset() throws java.io.IOException {
        super.reset();
        given = false;
    }

    @Override
    public boolean incrementToken() {
        if (given) {
            return false;
        }
        given = true;
        clearAttributes();
        term.copyBuffer(chars, 0, length);
        offset.setOffset(0, span);
        type.setType(tokenType);
        keyword.setKeyword(isKeyword);
        return true;
    }

    @Override
    public void end() throws java.io.IOException {
        super.end();
        offset.setOffset(span, span);
    }
}
