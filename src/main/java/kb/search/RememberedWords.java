package kb.search;

import java.io.IOException;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * The word half of the index chain (lower case, count, fold accents, drop stop words, stem), worked
 * out once per distinct token and then remembered: a large site says the same few thousand words
 * millions of times, and each of those steps is a pure function of the token's characters and of
 * whether it is a keyword. What a token becomes is computed by the very same Lucene filters, run
 * on that one token ({@code steps}), so the remembered answer is the chain's answer; the counting
 * happens for every token, as the chain's counter did.
 *
 * <p>Only for the index's writer: a few threads, each with its own memory, bounded by
 * {@link #MAX_REMEMBERED} words, tokens with a digit worked out each time ({@link TokenMemory}).
 * Queries and snippets keep the plain chain.
 */
final class RememberedWords extends FilteringTokenFilter {
    /** Distinct tokens remembered per thread and kind: a few megabytes at most. */
    static final int MAX_REMEMBERED = 1 << 17;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    private final WordCounts.Target target;
    private final TokenMemory<Answer> words = new TokenMemory<>(1 << 12, MAX_REMEMBERED);
    private final TokenMemory<Answer> keywords = new TokenMemory<>(1 << 10, MAX_REMEMBERED);
    private final SingleToken one = new SingleToken();
    private final Lowered lowered;
    private final TokenStream steps;

    /**
     * What a token becomes: its lower-case form if the counter counts it (never changed: the
     * counts keep the array, see {@link WordCounts#addKept}) with its hash, and its term, or null
     * for a stop word.
     */
    private record Answer(char[] counted, int countedHash, char[] term) {
    }

    /**
     * @param in    the tokens, identifiers already split and marked as keywords
     * @param after the filters that follow lower-casing and counting, applied to a stream
     */
    RememberedWords(TokenStream in, WordCounts.Target target, UnaryOperator<TokenStream> after) {
        super(in);
        this.target = target;
        this.lowered = new Lowered(new org.apache.lucene.analysis.LowerCaseFilter(one));
        this.steps = after.apply(lowered);
    }

    @Override
    protected boolean accept() throws IOException {
        char[] b = term.buffer();
        int len = term.length();
        boolean isKeyword = keyword.isKeyword();
        TokenMemory<Answer> known = isKeyword ? keywords : words;
        Answer answer = known.get(b, len);
        if (answer == null) {
            answer = work(b, len, isKeyword);
            known.keep(b, len, answer);
        }
        WordCounts counts = target.into;
        if (counts != null && answer.counted != null) {
            counts.addKept(answer.counted, answer.countedHash);
        }
        if (answer.term == null) {
            return false;
        }
        term.copyBuffer(answer.term, 0, answer.term.length);
        return true;
    }

    /** Runs the chain's own filters on this one token. */
    private Answer work(char[] b, int len, boolean isKeyword) throws IOException {
        one.set(b, len, len, TypeAttribute.DEFAULT_TYPE, isKeyword);
        steps.reset();
        char[] out = null;
        if (steps.incrementToken()) {
            CharTermAttribute t = steps.getAttribute(CharTermAttribute.class);
            out = java.util.Arrays.copyOf(t.buffer(), t.length());
        }
        steps.end();
        steps.close();
        char[] counted = !isKeyword && WordCounts.isWord(lowered.lower, lowered.length)
                ? java.util.Arrays.copyOf(lowered.lower, lowered.length)
                : null;
        return new Answer(counted, counted == null ? 0 : WordCounts.hashOf(counted), out);
    }

    /** Notes the token as lower-cased, which is what the counter counted. */
    private static final class Lowered extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private char[] lower = new char[16];
        private int length;

        Lowered(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            if (lower.length < term.length()) {
                lower = new char[term.length()];
            }
            length = term.length();
            System.arraycopy(term.buffer(), 0, lower, 0, length);
            return true;
        }
    }
}
