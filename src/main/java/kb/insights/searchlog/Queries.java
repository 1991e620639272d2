package kb.insights.searchlog;

import java.text.Normalizer;
import java.util.Locale;
import kb.insights.Text;

/** The form a query is stored and counted in: one line, lower case, composed accents, at most 200 characters. */
public final class Queries {
    public static final int MAX = 200;

    private Queries() {}

    public static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        String s = raw.length() > 4 * MAX ? raw.substring(0, 4 * MAX) : raw;
        s = Normalizer.normalize(Text.oneLine(s), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return Text.clip(s, MAX).strip();
    }
}
