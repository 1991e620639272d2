package kb.search;

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

    private static final java.util.function.Function<String, FillerWords> BY_LANGUAGE = WordList.perLanguage(lang -> {
        Set<String> words = new HashSet<>();
        for (String w : WordList.lines("filler", lang)) {
            words.add(key(w));
        }
        return new FillerWords(words);
    });

    static FillerWords of(String lang) {
        return BY_LANGUAGE.apply(lang);
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
