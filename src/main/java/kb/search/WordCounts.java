package kb.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.function.BiConsumer;
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

    /*
     * An open-addressing table of its own, where Lucene's CharArrayMap held an int[1] for each
     * word and handed out a copy of each key to whoever went through it: words, their hashes
     * (String.hashCode's, spread) and counts side by side; the table at most half full.
     */
    private char[][] keys;
    private int[] hashes;
    private int[] counts;
    private int size;

    /** Room for a language's whole vocabulary. */
    WordCounts() {
        this(1 << 14);
    }

    /** Room for about this many words at first (one article's: a few hundred). */
    WordCounts(int words) {
        int slots = Integer.highestOneBit(Math.max(8, words) * 2 - 1) << 1;
        keys = new char[slots][];
        hashes = new int[slots];
        counts = new int[slots];
    }

    private static int hash(char[] word, int from, int length) {
        int h = 0;
        for (int i = from, end = from + length; i < end; i++) {
            h = 31 * h + word[i];
        }
        return h ^ h >>> 16;
    }

    /** The slot holding the word, or -1 minus the empty slot where it would go. */
    private int slot(char[] word, int from, int length, int h) {
        int mask = keys.length - 1;
        for (int i = h & mask; ; i = i + 1 & mask) {
            char[] k = keys[i];
            if (k == null) {
                return -1 - i;
            }
            if (hashes[i] == h && k.length == length && (k == word && from == 0 || same(k, word, from))) {
                return i;
            }
        }
    }

    /** Whether {@code word[from, from + k.length)} is {@code k}. */
    private static boolean same(char[] k, char[] word, int from) {
        for (int i = 0; i < k.length; i++) {
            if (k[i] != word[from + i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Adds {@code n} to the word's count; a word new to this one is kept as {@code word[from, from +
     * length)}, copied unless {@code adopt} says the array is that word alone and never changes.
     */
    private void add(char[] word, int from, int length, int h, int n, boolean adopt) {
        int s = slot(word, from, length, h);
        if (s >= 0) {
            counts[s] += n;
        } else {
            s = -1 - s;
            keys[s] = adopt ? word : Arrays.copyOfRange(word, from, from + length);
            hashes[s] = h;
            counts[s] = n;
            if (++size * 2 > keys.length) {
                grow();
            }
        }
        bytes = null;
    }

    private void grow() {
        char[][] oldKeys = keys;
        int[] oldHashes = hashes;
        int[] oldCounts = counts;
        keys = new char[oldKeys.length * 2][];
        hashes = new int[keys.length];
        counts = new int[keys.length];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                int i = oldHashes[j] & mask;
                while (keys[i] != null) {
                    i = i + 1 & mask;
                }
                keys[i] = oldKeys[j];
                hashes[i] = oldHashes[j];
                counts[i] = oldCounts[j];
            }
        }
    }

    void add(char[] word, int length) {
        add(word, 0, length, hash(word, 0, length), 1, false);
    }

    /** The hash {@link #addKept} takes with a word. */
    static int hashOf(char[] word) {
        return hash(word, 0, word.length);
    }

    /**
     * Counts one more of a word whose array nobody changes, with its {@link #hashOf} worked out
     * once: the array itself is kept, and found again by identity before any letter is compared.
     * How the index's writer counts the words it remembered ({@link RememberedWords}), the same
     * array at each of a word's occurrences.
     */
    void addKept(char[] word, int hash) {
        add(word, 0, word.length, hash, 1, true);
    }

    /**
     * Adds (or with a negative sign, takes away) every count of another, which must not change
     * afterwards: a word new to this one is kept as the other holds it.
     */
    void add(WordCounts other, int sign) {
        for (int i = 0; i < other.keys.length; i++) {
            char[] w = other.keys[i];
            if (w != null) {
                add(w, 0, w.length, other.hashes[i], sign * other.counts[i], true);
            }
        }
        // A word no article uses any more stays with a count of 0, unseen.
    }

    /** Forgets every count; the words' arrays stay as they were, for whoever {@link #add(WordCounts, int) took them}. */
    void clear() {
        if (size > 0) {
            Arrays.fill(keys, null);
            size = 0;
        }
        bytes = null;
    }

    private byte[] bytes;

    /** {@link #toBytes} made once: for counts no longer changing (one article's, once it is indexed). */
    byte[] bytes() {
        if (bytes == null) {
            bytes = toBytes();
        }
        return bytes;
    }

    /** One line per word: the word, a tab, its count; in UTF-8. */
    byte[] toBytes() {
        byte[] out = new byte[Math.max(16, size * 16)];
        int at = 0;
        for (int s = 0; s < keys.length; s++) {
            char[] word = keys[s];
            int n = counts[s];
            if (word == null || n <= 0) {
                continue;
            }
            // A word is at most MAX_LETTERS chars of up to 3 bytes each (a letter outside the BMP
            // is two chars of 2 bytes each), then a tab, 10 digits and a newline.
            if (at + 3 * word.length + 12 > out.length) {
                out = Arrays.copyOf(out, Math.max(2 * out.length, at + 3 * word.length + 12));
            }
            at = utf8(word, out, at);
            out[at++] = '\t';
            at = digits(n, out, at);
            out[at++] = '\n';
        }
        return at == out.length ? out : Arrays.copyOf(out, at);
    }

    /**
     * Writes the chars as UTF-8 at {@code at}; returns where the next byte goes. Lucene's
     * {@code UnicodeUtil} writes a {@code char[]} only at the start of its array, and a word at a
     * time through a scratch array would copy every word once more.
     */
    private static int utf8(char[] chars, byte[] out, int at) {
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c < 0x80) {
                out[at++] = (byte) c;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | c >> 6);
                out[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < chars.length && Character.isLowSurrogate(chars[i + 1])) {
                int cp = Character.toCodePoint(c, chars[++i]);
                out[at++] = (byte) (0xF0 | cp >> 18);
                out[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
                out[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | cp & 0x3F);
            } else {
                // A lone surrogate is not a letter, so never counted; written as String.getBytes would.
                char d = Character.isSurrogate(c) ? '?' : c;
                if (d < 0x80) {
                    out[at++] = (byte) d;
                } else {
                    out[at++] = (byte) (0xE0 | d >> 12);
                    out[at++] = (byte) (0x80 | d >> 6 & 0x3F);
                    out[at++] = (byte) (0x80 | d & 0x3F);
                }
            }
        }
        return at;
    }

    /** Writes a positive count in decimal at {@code at}; returns where the next byte goes. */
    private static int digits(int n, byte[] out, int at) {
        int end = at + 1;
        for (int rest = n / 10; rest > 0; rest /= 10) {
            end++;
        }
        for (int i = end - 1; i >= at; i--) {
            out[i] = (byte) ('0' + n % 10);
            n /= 10;
        }
        return end;
    }

    /**
     * Adds the counts {@link #toBytes} wrote, read in place, without a map of them first; lines
     * that are not a word and a positive count are skipped.
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
                add(text, at, tab - at, hash(text, at, tab - at), n, false);
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
        private WordCounts article;

        Target(WordCounts into) {
            this.into = into;
        }

        /**
         * Empty counts for this thread's next article: one map for all of them, where a map made
         * for each took kilobytes of each article's allocations. What it gave before is emptied.
         */
        WordCounts nextArticle() {
            if (article == null) {
                article = new WordCounts(512);
            } else {
                article.clear();
            }
            return article;
        }
    }

    /** How often the word (as written) occurs; 0 for a word not counted. */
    int count(String word) {
        char[] w = word.toCharArray();
        int s = slot(w, 0, w.length, hash(w, 0, w.length));
        return s < 0 ? 0 : Math.max(0, counts[s]);
    }

    void forEach(BiConsumer<String, Integer> action) {
        for (int s = 0; s < keys.length; s++) {
            if (keys[s] != null && counts[s] > 0) {
                action.accept(new String(keys[s]), counts[s]);
            }
        }
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
