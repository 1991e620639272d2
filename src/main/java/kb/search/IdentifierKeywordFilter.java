package kb.search;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.KeywordMarkerFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Keeps identifiers ({@code Mail.ReadWrite}, {@code offline_access}, {@code O365}) away from the stemmer. */
final class IdentifierKeywordFilter extends KeywordMarkerFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    IdentifierKeywordFilter(TokenStream in) {
        super(in);
    }

    @Override
    protected boolean isKeyword() {
        return Identifiers.looksLikeIdentifier(term.buffer(), term.length());
    }
}
