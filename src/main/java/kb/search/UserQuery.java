package kb.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a reader typed, made safe and split into words, {@code "quoted phrases"} and
 * {@code -exclusions}. No character of the input has a meaning beyond those three: there is no
 * query syntax to get wrong, and the size of the work is bounded here.
 *
 * @param text  the cleaned input, as echoed back to the reader
 * @param parts the words and phrases, in order
 */
record UserQuery(String text, List<Part> parts) {
    /** At most this many characters of input are considered. */
    static final int MAX_CHARS = 256;
    /** At most this many words (counting the words inside phrases) are searched for. */
    static final int MAX_WORDS = 16;
    /** Longer "words" are cut: no real identifier is this long. */
    static final int MAX_WORD_CHARS = 100;
    private static final int MAX_RAW_CHARS = 4 * MAX_CHARS;
    private static final Set<String> OPERATORS = Set.of("AND", "OR", "&&", "||", "+");

    UserQuery {
        parts = List.copyOf(parts);
    }

    /**
     * One word or quoted phrase.
     *
     * @param text     the word or the phrase's words, as typed
     * @param phrase   whether it was in quotes
     * @param excluded whether it was prefixed with {@code -} (or {@code NOT})
     */
    record Part(String text, boolean phrase, boolean excluded) {
        @Override
        public String toString() {
            String t = phrase ? '"' + text + '"' : text;
            return excluded ? "-" + t : t;
        }
    }

    /** Whether the query ends with a plain word (not a phrase, not an exclusion), which may be unfinished. */
    boolean endsInWord() {
        if (parts.isEmpty()) {
            return false;
        }
        Part last = parts.get(parts.size() - 1);
        return !last.phrase() && !last.excluded();
    }

    /** Rebuilds a query text from parts, e.g. after correcting a word. */
    static String format(List<Part> parts) {
        return String.join(" ", parts.stream().map(Part::toString).toList());
    }

    /** Never fails: null, huge, binary or malformed input gives a query, possibly with no parts. */
    static UserQuery parse(String raw) {
        String text = clean(raw);
        List<Part> parts = new ArrayList<>();
        int words = 0;
        boolean negateNext = false;
        int i = 0;
        int n = text.length();
        while (i < n && words < MAX_WORDS) {
            char c = text.charAt(i);
            if (c == ' ') {
                i++;
                continue;
            }
            boolean excluded = negateNext;
            negateNext = false;
            if (c == '-' && i + 1 < n && text.charAt(i + 1) != ' ') {
                excluded = true;
                c = text.charAt(++i);
            }
            if (c == '"') {
                int close = text.indexOf('"', i + 1);
                if (close < 0) {
                    i++; // an unbalanced quote means nothing: read on as words
                    continue;
                }
                List<String> phraseWords = splitWords(text.substring(i + 1, close));
                phraseWords = phraseWords.subList(0, Math.min(phraseWords.size(), MAX_WORDS - words));
                if (!phraseWords.isEmpty()) {
                    parts.add(new Part(String.join(" ", phraseWords), true, excluded));
                    words += phraseWords.size();
                }
                i = close + 1;
                continue;
            }
            int end = i;
            while (end < n && text.charAt(end) != ' ' && text.charAt(end) != '"') {
                end++;
            }
            String word = text.substring(i, end);
            i = end;
            if (OPERATORS.contains(word)) {
                continue;
            }
            if (word.equals("NOT")) {
                negateNext = true;
                continue;
            }
            parts.add(new Part(cut(word), false, excluded));
            words++;
        }
        return new UserQuery(text, parts);
    }

    /**
     * Removes what can only do harm: control characters, NUL, lone surrogates, invisible format
     * characters; normalizes compatibility forms (full-width letters, ligatures) and quote marks;
     * collapses white space; keeps at most {@link #MAX_CHARS} characters.
     */
    static String clean(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String bounded = raw.length() > MAX_RAW_CHARS ? raw.substring(0, MAX_RAW_CHARS) : raw;
        StringBuilder safe = new StringBuilder(bounded.length());
        for (int i = 0; i < bounded.length(); i++) {
            char c = bounded.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < bounded.length() && Character.isLowSurrogate(bounded.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, bounded.charAt(++i));
                int type = Character.getType(cp);
                if (type != Character.PRIVATE_USE && type != Character.UNASSIGNED && type != Character.FORMAT) {
                    safe.appendCodePoint(cp);
                }
            } else if (Character.isSurrogate(c) || Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                safe.append(' ');
            } else {
                int type = Character.getType(c);
                if (type != Character.FORMAT && type != Character.PRIVATE_USE && type != Character.UNASSIGNED && c != '\uFFFD' && c != '\uFFFE' && c != '\uFFFF') {
                    safe.append(c);
                }
            }
        }
        String normalized = Normalizer.normalize(safe, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(Math.min(normalized.length(), MAX_CHARS));
        boolean space = true;
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (c == '\u201C' || c == '\u201D' || c == '\u201E' || c == '\u00AB' || c == '\u00BB') {
                c = '"';
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                if (!space) {
                    out.append(' ');
                    space = true;
                }
                continue;
            }
            if (out.length() >= MAX_CHARS) {
                break;
            }
            if (Character.isHighSurrogate(c)) {
                if (out.length() + 2 > MAX_CHARS || i + 1 >= normalized.length()) {
                    break;
                }
                out.append(c).append(normalized.charAt(++i));
            } else {
                out.append(c);
            }
            space = false;
        }
        return out.toString().strip();
    }

    private static List<String> splitWords(String s) {
        List<String> words = new ArrayList<>();
        for (String w : s.split(" ")) {
            if (!w.isEmpty()) {
                words.add(cut(w));
            }
        }
        return words;
    }

    private static String cut(String word) {
        if (word.length() <= MAX_WORD_CHARS) {
            return word;
        }
        int end = MAX_WORD_CHARS;
        if (Character.isHighSurrogate(word.charAt(end - 1))) {
            end--;
        }
        return word.substring(0, end);
    }
}
