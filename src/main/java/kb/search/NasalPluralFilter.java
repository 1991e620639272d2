package kb.search;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Gives folded Portuguese nasal plurals their tilde back ({@code conexoes} → {@code conexões},
 * {@code paes} → {@code pães}) so that the light stemmer, which only knows the accented endings,
 * reduces them like their singulars.
 */
final class NasalPluralFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    NasalPluralFilter(TokenStream in) {
        super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        int len = term.length();
        char[] b = term.buffer();
        if (!keyword.isKeyword() && len > 3 && b[len - 2] == 'e' && b[len - 1] == 's') {
            if (b[len - 3] == 'o') {
                b[len - 3] = 'õ';
            } else if (b[len - 3] == 'a') {
                b[len - 3] = 'ã';
            }
        }
        return true;
    }
}
