package kb.search;

import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Lets through words made of letters only, 2 to 40 of them: the vocabulary worth correcting typos against. */
final class PlainWordFilter extends FilteringTokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    PlainWordFilter(TokenStream in) {
        super(in);
    }

    @Override
    protected boolean accept() {
        int len = term.length();
        if (len < 2 || len > 40) {
            return false;
        }
        char[] b = term.buffer();
        for (int i = 0; i < len; i++) {
            if (!Character.isLetter(b[i])) {
                return false;
            }
        }
        return true;
    }
}
