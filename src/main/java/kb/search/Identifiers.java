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
        int n = text.length();
        int i = 0;
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
            if (len >= MIN_LENGTH && len <= MAX_LENGTH) {
                String candidate = text.subSequence(start, end).toString();
                if (looksLikeIdentifier(candidate)) {
                    sink.accept(candidate, start, end);
                }
            }
        }
    }

    /** Whether a word is an identifier rather than a plain word (see the class comment). */
    static boolean looksLikeIdentifier(CharSequence word) {
        char[] chars = word.toString().toCharArray();
        return looksLikeIdentifier(chars, chars.length);
    }

    static boolean looksLikeIdentifier(char[] b, int len) {
        boolean letter = false;
        boolean digit = false;
        boolean joiner = false;
        boolean camel = false;
        for (int i = 0; i < len; i++) {
            char c = b[i];
            if (c == '_') {
                joiner = true;
            } else if (c == '.' && i > 0 && i < len - 1) {
                joiner = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else if (Character.isLetter(c)) {
                letter = true;
                if (i > 0 && Character.isUpperCase(c) && Character.isLowerCase(b[i - 1])) {
                    camel = true;
                }
            }
        }
        return letter && (joiner || camel || digit);
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

    private static boolean isIdentifierChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
    }
}
