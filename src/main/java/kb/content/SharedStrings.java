package kb.content;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One copy of the short strings that articles repeat: languages, tags, section ids and headings,
 * link targets, error codes. A start decodes every article's metadata from the index, and a site
 * names the same few hundred of them hundreds of thousands of times; each copy would stay on the
 * heap for as long as the article does, and be copied by every collection on the way there.
 *
 * <p>A fixed table of {@link #SLOTS} strings, each found by its hash: a string already in its slot
 * is given back instead of a new one (when read from bytes, without making one at all); another
 * takes the slot. So the table never grows, a string that is rare only costs its slot for a while,
 * and two threads racing for a slot at worst make one more copy (a slot holds an immutable string,
 * written and read whole). Strings longer than {@link #MAX_LENGTH} are not shared (long ones
 * seldom repeat), and callers pass only what repeats: {@link Article} and {@link Section} share
 * their own, whatever made them (a parse, the index's copy, a slim copy); not titles, texts or an
 * article's own URL.
 */
public final class SharedStrings {
    static final int SLOTS = 1 << 16;
    static final int MAX_LENGTH = 128;

    private static final String[] TABLE = new String[SLOTS];

    private SharedStrings() {}

    /** The UTF-8 string in {@code bytes[offset, offset + length)}: the shared copy when it is short and seen before. */
    public static String decode(byte[] bytes, int offset, int length) {
        if (length > MAX_LENGTH) {
            return new String(bytes, offset, length, StandardCharsets.UTF_8);
        }
        int h = 0;
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (b < 0) {
                // Not ASCII: its characters are not its bytes, so it is shared by its characters.
                return of(new String(bytes, offset, length, StandardCharsets.UTF_8));
            }
            h = 31 * h + b;
        }
        int slot = slot(h);
        String s = TABLE[slot];
        if (s != null && s.length() == length && sameAscii(s, bytes, offset)) {
            return s;
        }
        s = new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        TABLE[slot] = s;
        return s;
    }

    /** {@code s} itself, or an equal string seen before. */
    public static String of(String s) {
        if (s == null || s.length() > MAX_LENGTH) {
            return s;
        }
        int slot = slot(s.hashCode());
        String shared = TABLE[slot];
        if (s.equals(shared)) {
            return shared;
        }
        TABLE[slot] = s;
        return s;
    }

    /** An unmodifiable copy of the list, each string {@link #of shared}. */
    public static List<String> all(List<String> strings) {
        if (strings.isEmpty()) {
            return List.of();
        }
        String[] shared = new String[strings.size()];
        for (int i = 0; i < shared.length; i++) {
            shared[i] = of(strings.get(i));
        }
        return List.of(shared);
    }

    /** {@code s.substring(from, to)}, without making it when an equal string was seen before. */
    public static String of(String s, int from, int to) {
        int length = to - from;
        if (length > MAX_LENGTH || length == s.length()) {
            return s.substring(from, to);
        }
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + s.charAt(i);
        }
        int slot = slot(h);
        String shared = TABLE[slot];
        if (shared != null && shared.length() == length && shared.regionMatches(0, s, from, length)) {
            return shared;
        }
        String made = s.substring(from, to);
        TABLE[slot] = made;
        return made;
    }

    /** The same slot as {@link String#hashCode()} of the string gives: bytes and strings find each other. */
    private static int slot(int h) {
        return (h ^ (h >>> 16)) & (SLOTS - 1);
    }

    private static boolean sameAscii(String s, byte[] bytes, int offset) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != bytes[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
