package kb.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A word list shipped on the class path ({@code kb/search/<kind>/<lang>.txt}): its lines, blank
 * lines and {@code #} comments left out; none when the language has no list. The lists are in the
 * jar and never change, so what is made of each is made once per language, not at each reload.
 */
final class WordList {
    private WordList() {}

    /** The lines of {@code <kind>/<lang>.txt}, stripped, without blanks and comments. */
    static List<String> lines(String kind, String lang) {
        List<String> lines = new ArrayList<>();
        try (InputStream in = WordList.class.getResourceAsStream(kind + "/" + lang + ".txt")) {
            if (in != null) {
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String l = line.strip();
                    if (!l.isEmpty() && !l.startsWith("#")) {
                        lines.add(l);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /** A cache of what is made from each language's list: {@code make} runs once per language. */
    static <T> Function<String, T> perLanguage(Function<String, T> make) {
        Map<String, T> made = new ConcurrentHashMap<>();
        return lang -> made.computeIfAbsent(lang, make);
    }
}
