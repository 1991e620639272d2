package kb.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The question and filler words of one language ("how", "why", "my", "não consigo"): they tell
 * how a reader asks, not what about, so they neither decide the ranking nor make a search fail.
 * Read from {@code kb/search/filler/<lang>.txt} on the class path; a language without a list has
 * none.
 */
final class FillerWords {
    private final Set<String> words;

    private FillerWords(Set<String> words) {
        this.words = Set.copyOf(words);
    }

    static FillerWords of(String lang) {
        Set<String> words = new HashSet<>();
        try (InputStream in = FillerWords.class.getResourceAsStream("filler/" + lang + ".txt")) {
            if (in != null) {
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String w = line.strip();
                    if (!w.isEmpty() && !w.startsWith("#")) {
                        words.add(key(w));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FillerWords(words);
    }

    /** Whether the typed word is a filler word. */
    boolean isFiller(String typed) {
        return words.contains(key(typed));
    }

    /** The words that are not filler; all of them when every one is. */
    List<String> without(List<String> typed) {
        List<String> kept = new ArrayList<>(typed.size());
        for (String w : typed) {
            if (!isFiller(w)) {
                kept.add(w);
            }
        }
        return kept.isEmpty() ? typed : kept;
    }

    /** Lower case, no accents, letters only: {@code Can't} and {@code cant} are one key. */
    static String key(String word) {
        String folded = Analysis.fold(word);
        StringBuilder b = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
