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
 * text: the raw material of the {@link Vocabulary}. Each article's words are counted as it is
 * indexed, kept with it (see {@link #toBytes}), and added to or taken from its language's total
 * when the article comes or goes. Not thread-safe: one thread fills one.
 */
final class WordCounts {
    private static final int MIN_LETTERS = 2;
    private static final int MAX_LETTERS = 40;

    private final CharArrayMap<int[]> counts;

    /** Room for a language's whole vocabulary. */
    WordCounts() {
        this(1 << 14);
    }

    /** Room for about this many words at first (one article's: a few hundred). */
    WordCounts(int words) {
        counts = new CharArrayMap<>(words, false);
    }

    void add(char[] word, int length) {
        int[] count = counts.get(word, 0, length);
        if (count == null) {
            counts.put(new String(word, 0, length), new int[] {1});
        } else {
            count[0]++;
        }
    }

    /** Adds (or with a negative sign, takes away) every count of another. */
    void add(WordCounts other, int sign) {
        other.counts.forEach((word, count) -> {
            char[] w = (char[]) word;
            int[] mine = counts.get(w, 0, w.length);
            if (mine == null) {
                counts.put(w, new int[] {sign * count[0]});
            } else {
                mine[0] += sign * count[0];
            }
        });
        // Lucene's map cannot remove: a word no article uses any more stays with a count of 0, unseen.
    }

    private byte[] bytes;

    /** {@link #toBytes} made once: for counts no longer changing (one article's, once it is indexed). */
    byte[] bytes() {
        if (bytes == null) {
            bytes = toBytes();
        }
        return bytes;
    }

    /** One line per word: the word, a tab, its count. */
    byte[] toBytes() {
        StringBuilder out = new StringBuilder(counts.size() * 12);
        counts.forEach((word, count) -> {
            if (count[0] > 0) {
                out.append((char[]) word).append('\t').append(count[0]).append('\n');
            }
        });
        return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Adds the counts {@link #toBytes} wrote, read in place (a first publish adds every article's
     * counts so, without a map of each first); lines that are not a word and a positive count are
     * skipped.
     */
    void addWritten(byte[] bytes) {
        char[] text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).toCharArray();
        int at = 0;
        while (at < text.length) {
            int end = at;
            int tab = -1;
            while (end < text.length && text[end] != '\n') {
                if (tab < 0 && text[end] == '\t') {
                    tab = end;
                }
                end++;
            }
            int n = tab > at ? count(text, tab + 1, end) : 0;
            if (n > 0) {
                int[] mine = counts.get(text, at, tab - at);
                if (mine == null) {
                    counts.put(new String(text, at, tab - at), new int[] {n});
                } else {
                    mine[0] += n;
                }
            }
            at = end + 1;
        }
    }

    /** The count written from {@code from} to {@code to}: digits only, below a billion; 0 otherwise. */
    private static int count(char[] text, int from, int to) {
        if (to <= from || to - from > 9) {
            return 0;
        }
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text[i];
            if (c < '0' || c > '9') {
                return 0;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** What {@link #toBytes} wrote; lines that are not a word and a positive count are skipped. */
    static WordCounts fromBytes(byte[] bytes) {
        WordCounts counts = new WordCounts(Math.max(16, bytes.length / 10));
        counts.addWritten(bytes);
        return counts;
    }

    /** Where the analyzer of one thread counts words: set to each article's counts as it is indexed. */
    static final class Target {
        WordCounts into;

        Target(WordCounts into) {
            this.into = into;
        }
    }

    /** How often the word (as written) occurs; 0 for a word not counted. */
    int count(String word) {
        int[] count = counts.get(word);
        return count == null ? 0 : Math.max(0, count[0]);
    }

    void forEach(BiConsumer<String, Integer> action) {
        counts.forEach((word, count) -> {
            if (count[0] > 0) {
                action.accept(new String((char[]) word), count[0]);
            }
        });
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
        private final Target target;

        Counter(TokenStream in, Target target) {
            super(in);
            this.target = target;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            WordCounts counts = target.into;
            if (counts != null && !keyword.isKeyword() && isWord(term.buffer(), term.length())) {
                counts.add(term.buffer(), term.length());
            }
            return true;
        }
    }
}
