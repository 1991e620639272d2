package kb.search;

import java.util.Arrays;

/**
 * What the remembering filters ({@link RememberedWords}, {@link RememberedSplits}) keep of the
 * tokens they worked out, by the token's characters: bounded (past {@code max} it starts over),
 * and never a token with a digit (numbers, dates, ticket and error codes: most of a large site's
 * distinct tokens but few of its words, so keeping them would cost memory for nothing).
 * One per thread: not thread-safe.
 *
 * <p>It is asked once for every token the index's writer reads, so it is a table of its own rather
 * than Lucene's {@code CharArrayMap}: that map fills to four fifths before it grows and compares
 * the characters of every key it probes, which made its comparisons a twentieth of a cold start's
 * profile. Here the table is at most half full, each slot keeps its key's hash, and characters are
 * compared only where the hash and the length agree.
 */
final class TokenMemory<V> {
    private final int max;
    private char[][] keys;
    private int[] hashes;
    private Object[] values;
    private int size;

    TokenMemory(int initial, int max) {
        this.max = max;
        int slots = Integer.highestOneBit(Math.max(4, initial) * 2 - 1) << 1;
        this.keys = new char[slots][];
        this.hashes = new int[slots];
        this.values = new Object[slots];
    }

    private static int hash(char[] key, int len) {
        int h = 0;
        for (int i = 0; i < len; i++) {
            h = 31 * h + key[i];
        }
        // The low bits pick the slot: mix the high ones in.
        h *= 0x9E3779B9;
        return h ^ h >>> 16;
    }

    /** The slot holding {@code key[0, len)}, or -1 minus the empty slot where it would go. */
    private int slot(char[] key, int len, int h) {
        int mask = keys.length - 1;
        for (int i = h & mask; ; i = i + 1 & mask) {
            char[] k = keys[i];
            if (k == null) {
                return -1 - i;
            }
            if (hashes[i] == h && k.length == len && Arrays.equals(k, 0, len, key, 0, len)) {
                return i;
            }
        }
    }

    /** What was kept for {@code key[0, len)}, or null. */
    @SuppressWarnings("unchecked")
    V get(char[] key, int len) {
        int s = slot(key, len, hash(key, len));
        return s >= 0 ? (V) values[s] : null;
    }

    /** Keeps {@code value} for {@code key[0, len)}, unless the key has a digit. */
    void keep(char[] key, int len, V value) {
        for (int i = 0; i < len; i++) {
            if (key[i] >= '0' && key[i] <= '9') {
                return;
            }
        }
        int h = hash(key, len);
        int s = slot(key, len, h);
        if (s >= 0) {
            values[s] = value;
            return;
        }
        if (size >= max) {
            Arrays.fill(keys, null);
            Arrays.fill(values, null);
            size = 0;
            s = slot(key, len, h);
        }
        s = -1 - s;
        keys[s] = Arrays.copyOf(key, len);
        hashes[s] = h;
        values[s] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    private void grow() {
        char[][] oldKeys = keys;
        int[] oldHashes = hashes;
        Object[] oldValues = values;
        keys = new char[oldKeys.length * 2][];
        hashes = new int[keys.length];
        values = new Object[keys.length];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                int i = oldHashes[j] & mask;
                while (keys[i] != null) {
                    i = i + 1 & mask;
                }
                keys[i] = oldKeys[j];
                hashes[i] = oldHashes[j];
                values[i] = oldValues[j];
            }
        }
    }

    int size() {
        return size;
    }
}
