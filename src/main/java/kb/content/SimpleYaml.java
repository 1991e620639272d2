package kb.content;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Front matter as nearly every article writes it, read without a YAML engine: one {@code field:
 * value} per line, the value a double-quoted string without escapes, a list of such strings in
 * brackets, a date, a small whole number, or a plain phrase that starts with a letter. The answer
 * is exactly what SnakeYAML gives for the same text (the same keys, and values of the same types:
 * String, Integer, Date, a list of strings); anything else, down to a tab, a trailing space, a
 * comment or a repeated field, gives null and goes to SnakeYAML, which also words the errors.
 * A build of a large site reads thousands of front matters, and the engine was a sixth of the
 * reading and a tenth of the compiler's work at start.
 */
final class SimpleYaml {
    /** Longer front matter goes to the engine, with its own limits. */
    static final int MAX_CHARS = 16 * 1024;

    /** Plain words YAML 1.1 reads as booleans or null (SnakeYAML's resolver): not strings. */
    private static final Set<String> NOT_STRINGS = Set.of(
            "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
            "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL");

    private SimpleYaml() {
    }

    /** The fields, or null when the text is not in the simple form (then SnakeYAML reads it). */
    static Map<String, Object> read(String yaml) {
        if (yaml.length() > MAX_CHARS) {
            return null;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        int at = 0;
        int n = yaml.length();
        while (at < n) {
            int end = yaml.indexOf('\n', at);
            if (end < 0) {
                end = n;
            }
            if (end > at && !field(yaml, at, end, fields)) {
                return null;
            }
            at = end + 1;
        }
        return fields.isEmpty() ? null : fields;
    }

    /** Reads one {@code field: value} line into {@code fields}; false when it is not simple. */
    private static boolean field(String s, int from, int to, Map<String, Object> fields) {
        int i = from;
        if (!isAsciiLetter(s.charAt(i))) {
            return false;
        }
        while (i < to && (isAsciiLetter(s.charAt(i)) || isDigit(s.charAt(i)) || s.charAt(i) == '_')) {
            i++;
        }
        String key = s.substring(from, i);
        if (i + 1 >= to || s.charAt(i) != ':' || s.charAt(i + 1) != ' ' || NOT_STRINGS.contains(key) || fields.containsKey(key)) {
            return false;
        }
        i++;
        while (i < to && s.charAt(i) == ' ') {
            i++;
        }
        if (i == to || s.charAt(to - 1) == ' ') {
            return false;
        }
        Object value;
        char first = s.charAt(i);
        if (first == '"') {
            value = quoted(s, i, to);
        } else if (first == '[') {
            value = list(s, i, to);
        } else if (isDigit(first)) {
            value = digitsFirst(s.substring(i, to));
        } else {
            value = plain(s.substring(i, to));
        }
        if (value == null) {
            return false;
        }
        fields.put(key, value);
        return true;
    }

    /** A double-quoted string that is the whole of {@code [from, to)}; null otherwise. */
    private static String quoted(String s, int from, int to) {
        int close = closingQuote(s, from, to);
        return close == to - 1 ? s.substring(from + 1, close) : null;
    }

    /** Where the string opened at {@code from} closes, or -1 if it has an escape or a character to leave to the engine. */
    private static int closingQuote(String s, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            char c = s.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '\\' || !printable(c)) {
                return -1;
            }
        }
        return -1;
    }

    /** {@code ["a", "b"]}: double-quoted items only. */
    private static List<String> list(String s, int from, int to) {
        if (s.charAt(to - 1) != ']') {
            return null;
        }
        List<String> items = new ArrayList<>();
        int i = skipSpaces(s, from + 1, to);
        if (s.charAt(i) == ']') {
            return i == to - 1 ? items : null;
        }
        while (true) {
            if (s.charAt(i) != '"') {
                return null;
            }
            int close = closingQuote(s, i, to);
            if (close < 0) {
                return null;
            }
            items.add(s.substring(i + 1, close));
            i = skipSpaces(s, close + 1, to);
            if (i >= to) {
                return null;
            }
            if (s.charAt(i) == ']') {
                return i == to - 1 ? items : null;
            }
            if (s.charAt(i) != ',') {
                return null;
            }
            i = skipSpaces(s, i + 1, to);
            if (i >= to) {
                return null;
            }
        }
    }

    private static int skipSpaces(String s, int i, int to) {
        while (i < to && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** A small whole number written without a leading zero, or a date YYYY-MM-DD (as SnakeYAML gives it: midnight UTC). */
    private static Object digitsFirst(String v) {
        if (v.length() <= 9 && digits(v, 0, v.length()) && (v.length() == 1 || v.charAt(0) != '0')) {
            return Integer.valueOf(v);
        }
        if (v.length() == 10 && v.charAt(4) == '-' && v.charAt(7) == '-'
                && digits(v, 0, 4) && digits(v, 5, 7) && digits(v, 8, 10) && v.compareTo("1900") >= 0) {
            // (Earlier years: SnakeYAML's calendar switches to the Julian one; the engine answers those.)
            try {
                return Date.from(LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * A plain phrase: starts with a letter; letters, digits, single inner spaces and a few marks
     * that mean nothing to YAML there. Never one of the words YAML reads as true, false or null.
     */
    private static String plain(String v) {
        if (!Character.isLetter(v.charAt(0)) || NOT_STRINGS.contains(v)) {
            return null;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean ok = Character.isLetterOrDigit(c) && printable(c)
                    || c == '-' || c == '_' || c == '.' || c == '/' || c == '(' || c == ')'
                    || (c == ' ' && v.charAt(i - 1) != ' ');
            if (!ok) {
                return null;
            }
        }
        return v;
    }

    private static boolean digits(String v, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(v.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Characters YAML takes as they are in a string; the rest (controls, BOM, surrogates, non-characters) go to the engine. */
    private static boolean printable(char c) {
        return c >= 0x20 && c != 0x7F && !(c >= 0x80 && c <= 0x9F) && c != 0xFEFF
                && !Character.isSurrogate(c) && c != 0xFFFE && c != 0xFFFF && c != 0x2028 && c != 0x2029 && c != 0x85;
    }
}
