package kb.search;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognizes identifiers in running text: scope names ({@code Mail.ReadWrite}), error codes
 * ({@code OFFICE_ERROR_...}), snake case ({@code offline_access}, {@code outlook_}), camel case and
 * domain names. They are indexed whole, so an exact identifier finds its section first.
 */
final class Identifiers {
    /** An error code: UPPER_SNAKE with at least two parts, starting with a letter. */
    private static final Pattern ERROR_CODE = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+");
    private static final int MIN_LENGTH = 3;
    private static final int MAX_LENGTH = 120;

    private Identifiers() {}

    /** Receives each identifier found, with its place in the text. */
    interface Sink {
        void accept(String identifier, int start, int end);
    }

    /** Calls the sink for every identifier in the text, in order. */
    static void scan(CharSequence text, Sink sink) {
        scan(text, 0, text.length(), sink);
    }

    /** Calls the sink for every identifier within {@code [from, to)} of the text, in order. */
    static void scan(CharSequence text, int from, int to, Sink sink) {
        int n = to;
        int i = from;
        while (i < n) {
            if (!isIdentifierChar(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isIdentifierChar(text.charAt(i))) {
                i++;
            }
            int end = i;
            while (start < end && text.charAt(start) == '.') {
                start++;
            }
            while (end > start && text.charAt(end - 1) == '.') {
                end--;
            }
            int len = end - start;
            if (len >= MIN_LENGTH && len <= MAX_LENGTH && looksLikeIdentifier(text, start, end)) {
                sink.accept(text.subSequence(start, end).toString(), start, end);
            }
        }
    }

    /** Whether a token is an identifier worth indexing whole: the right length and {@link #looksLikeIdentifier}. */
    static boolean isIdentifier(char[] b, int len) {
        return len >= MIN_LENGTH && len <= MAX_LENGTH && looksLikeIdentifier(b, len);
    }

    /**
     * Whether a token splits into parts that are findable alone: an identifier, or a word with a
     * non-letter inside ({@code don't}, {@code O'Brien}, {@code prompt=consent}). Runs for every
     * token indexed, so it works on the token's buffer.
     */
    static boolean hasParts(char[] b, int len) {
        if (plainWord(b, len)) {
            return false;
        }
        if (looksLikeIdentifierPastPlain(b, len)) {
            return true;
        }
        for (int i = 1; i < len - 1; i++) {
            if (!Character.isLetterOrDigit(b[i])) {
                return true;
            }
        }
        return false;
    }

    /** Whether a word is an identifier rather than a plain word (see the class comment). */
    static boolean looksLikeIdentifier(CharSequence word) {
        return looksLikeIdentifier(word, 0, word.length());
    }

    /** The same test on a token's buffer: it runs for every token indexed, so it avoids any allocation. */
    static boolean looksLikeIdentifier(char[] b, int len) {
        return !plainWord(b, len) && looksLikeIdentifierPastPlain(b, len);
    }

    /** {@link #looksLikeIdentifier} for a token already found not to be a {@link #plainWord}. */
    private static boolean looksLikeIdentifierPastPlain(char[] b, int len) {
        boolean letter = false;
        boolean other = false;
        char previous = 0;
        for (int i = 0; i < len; i++) {
            char c = b[i];
            letter |= isLetter(c);
            other |= isJoinerDigitOrCamel(c, previous, i, len);
            previous = c;
        }
        return letter && other;
    }

    static boolean looksLikeIdentifier(CharSequence s, int start, int end) {
        boolean letter = false;
        boolean other = false;
        char previous = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            letter |= isLetter(c);
            other |= isJoinerDigitOrCamel(c, previous, i - start, end - start);
            previous = c;
        }
        return letter && other;
    }

    /**
     * Lower-case letters of Latin-1, after at most one capital: most words a site says, and
     * never an identifier nor a word with parts (no joiner, no digit, no capital after a small
     * letter, nothing but letters inside). Answered with one look at each character, where the
     * general tests ask several questions of it, for every token indexed.
     */
    static boolean plainWord(char[] b, int len) {
        int i = 0;
        if (len > 0 && isLatinCapital(b[0])) {
            i = 1;
        }
        for (; i < len; i++) {
            char c = b[i];
            if (!(c >= 'a' && c <= 'z' || c >= 0xDF && c <= 0xFF && c != 0xF7)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLatinCapital(char c) {
        return c >= 'A' && c <= 'Z' || c >= 0xC0 && c <= 0xDE && c != 0xD7;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0x80 && Character.isLetter(c));
    }

    /** {@code _} anywhere, {@code .} inside, a digit, or an upper-case letter right after a lower-case one. */
    private static boolean isJoinerDigitOrCamel(char c, char previous, int at, int length) {
        if (c == '_' || (c >= '0' && c <= '9')) {
            return true;
        }
        if (c == '.') {
            return at > 0 && at < length - 1;
        }
        boolean upper = (c >= 'A' && c <= 'Z') || (c >= 0x80 && Character.isUpperCase(c));
        boolean lowerBefore = (previous >= 'a' && previous <= 'z') || (previous >= 0x80 && Character.isLowerCase(previous));
        return upper && lowerBefore;
    }

    /**
     * The index forms of an identifier, lower case: the whole, then each tail that starts after a
     * {@code _} or {@code .} and is itself still an identifier, so {@code REST_API_NOT_ENABLED}
     * and {@code ReadWrite} find the codes and scopes they are part of.
     */
    static Set<String> indexForms(String identifier) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(identifier.toLowerCase(Locale.ROOT));
        for (int i = 0; i < identifier.length() - 1; i++) {
            char c = identifier.charAt(i);
            if (c == '_' || c == '.') {
                String tail = identifier.substring(i + 1);
                if (tail.length() >= MIN_LENGTH && looksLikeIdentifier(tail) && !isAllDigitsAndJoiners(tail)) {
                    forms.add(tail.toLowerCase(Locale.ROOT));
                }
            }
        }
        return forms;
    }

    /**
     * The lower-case form to look up in the identifier field for a typed word: its longest run of
     * identifier characters ({@code `Mail.ReadWrite`,} gives {@code mail.readwrite}), or null.
     */
    static String lookupForm(String word) {
        String best = null;
        int i = 0;
        while (i < word.length()) {
            if (!isIdentifierChar(word.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < word.length() && isIdentifierChar(word.charAt(i))) {
                i++;
            }
            int end = i;
            while (start < end && word.charAt(start) == '.') {
                start++;
            }
            while (end > start && word.charAt(end - 1) == '.') {
                end--;
            }
            if (end - start >= MIN_LENGTH && (best == null || end - start > best.length())) {
                best = word.substring(start, end);
            }
        }
        return best == null ? null : best.toLowerCase(Locale.ROOT);
    }

    /** Whether the text is an error code as {@code /<lang>/error/<CODE>} expects one. */
    static boolean isErrorCode(String text) {
        return text.length() <= MAX_LENGTH && ERROR_CODE.matcher(text).matches();
    }

    private static boolean isAllDigitsAndJoiners(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '_' && c != '.' && !Character.isDigit(c)) {
                return false;
            }
        }
        return true;
    }

    static boolean isIdentifierChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
    }
}
