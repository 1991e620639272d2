package kb.search;

import org.apache.lucene.analysis.CharArrayMap;

/**
 * What the remembering filters ({@link RememberedWords}, {@link RememberedSplits}) keep of the
 * tokens they worked out, by the token's characters: bounded (past {@code max} it starts over),
 * and never a token with a digit (numbers, dates, ticket and error codes: most of a large site's
 * distinct tokens but few of its words, so keeping them would cost memory for nothing).
 * One per thread: not thread-safe.
 */
final class TokenMemory<V> {
    private final CharArrayMap<V> kept;
    private final int max;

    TokenMemory(int initial, int max) {
        this.kept = new CharArrayMap<>(initial, false);
        this.max = max;
    }

    /** What was kept for {@code key[0, len)}, or null. */
    V get(char[] key, int len) {
        return kept.get(key, 0, len);
    }

    /** Keeps {@code value} for {@code key[0, len)}, unless the key has a digit. */
    void keep(char[] key, int len, V value) {
        for (int i = 0; i < len; i++) {
            if (key[i] >= '0' && key[i] <= '9') {
                return;
            }
        }
        if (kept.size() >= max) {
            kept.clear();
        }
        kept.put(new String(key, 0, len), value);
    }

    int size() {
        return kept.size();
    }
}
