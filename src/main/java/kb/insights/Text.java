package kb.insights;

/**
 * What readers type, made safe to store: control characters (NUL included, which PostgreSQL
 * refuses) removed, line ends made {@code \n}, unpaired surrogates replaced, spaces trimmed. The
 * text stays text: escaping is the templates' job, at every display.
 */
public final class Text {
    private Text() {}

    public static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(raw.length(), 8192));
        String s = raw.replace("\r\n", "\n").replace('\r', '\n');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else if (c == '\n' || c == '\t' || !(c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))) {
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    /** One line: every run of white space (line ends included) becomes one space. */
    public static String oneLine(String raw) {
        return clean(raw).replaceAll("\\s+", " ");
    }

    public static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** At most {@code max} code points, never cutting a surrogate pair. */
    public static String clip(String s, int max) {
        if (length(s) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max));
    }
}
