package kb.search;

import java.io.IOException;
import java.util.function.BiConsumer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * How often each plain word (letters only, lower case, accents as written) occurs in the indexed
 * text: the raw material of the {@link Vocabulary}. Filled by one index build, on one thread.
 */
final class WordCounts {
    private static final int MIN_LETTERS = 2;
    private static final int MAX_LETTERS = 40;

    private final CharArrayMap<int[]> counts = new CharArrayMap<>(1 << 14, false);

    void add(char[] word, int length) {
        int[] count = counts.get(word, 0, length);
        if (count == null) {
            counts.put(new String(word, 0, length), new int[] {1});
        } else {
            count[0]++;
        }
    }

    void forEach(BiConsumer<String, Integer> action) {
        counts.forEach((word, count) -> action.accept(new String((char[]) word), count[0]));
    }

    static boolean isWord(char[] b, int length) {
        if (length < MIN_LETTERS || length > MAX_LETTERS) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (!Character.isLetter(b[i])) {
                return false;
            }
        }
        return true;
    }

    /** Counts the plain words passing through the analyzer chain; identifiers and their parts' whole are skipped. */
    static final class Counter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
        private final WordCounts counts;

        Counter(TokenStream in, WordCounts counts) {
            super(in);
            this.counts = counts;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            if (!keyword.isKeyword() && isWord(term.buffer(), term.length())) {
                counts.add(term.buffer(), term.length());
            }
            return true;
        }
    }
}
