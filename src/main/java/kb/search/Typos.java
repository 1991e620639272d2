package kb.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Words of the index's own vocabulary close to a word it does not contain ({@code permisoes} →
 * {@code permissões}, {@code calender} → {@code calendar}): what typo-tolerant search also looks
 * for, and what "did you mean" offers. Words are compared without accents, so a missing accent is
 * never the typo; one edit is allowed in words shorter than eight letters, two in longer ones.
 * The work is a comparison with the vocabulary's words of the same first letter and a length
 * within reach ({@link Vocabulary#near}), never of the documents; one {@code Typos} serves one
 * query and remembers its answers.
 */
final class Typos {
    static final int MIN_LETTERS = 4;
    /** Longer words are not typos of the articles' words (the vocabulary keeps words up to 40 letters). */
    static final int MAX_LETTERS = 30;
    /** At most this many unknown words of one query are looked up: each a comparison with part of the vocabulary. */
    static final int MAX_LOOKUPS = 6;
    /** At most this many corrections are searched for per word. */
    static final int MAX = 3;
    private static final int TWO_EDITS_FROM = 8;

    private final Vocabulary vocabulary;
    private final Map<String, List<String>> answers = new HashMap<>();
    private int lookups;

    Typos(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** Up to {@link #MAX} corrections, best first, written as the articles write them; none for a known word. */
    List<String> corrections(String word) {
        String folded = Analysis.fold(word);
        List<String> known = answers.get(folded);
        if (known == null) {
            known = lookUp(folded);
            answers.put(folded, known);
        }
        return known;
    }

    private List<String> lookUp(String folded) {
        if (folded.length() < MIN_LETTERS || folded.length() > MAX_LETTERS || !folded.chars().allMatch(Character::isLetter)
                || vocabulary.knows(folded) || lookups >= MAX_LOOKUPS) {
            return List.of();
        }
        lookups++;
        // Most typos are one edit away, and one edit is much cheaper to look for than two.
        List<String> found = lookUp(folded, 1);
        return found.isEmpty() && folded.length() >= TWO_EDITS_FROM ? lookUp(folded, 2) : found;
    }

    private List<String> lookUp(String folded, int edits) {
        List<Vocabulary.Near> found = new ArrayList<>(vocabulary.near(folded, edits));
        // Closest first; among equally close words, the one the articles use most.
        found.sort(Comparator.comparingDouble((Vocabulary.Near n) -> -n.similarity())
                .thenComparingInt(n -> -vocabulary.count(n.word()))
                .thenComparing(Vocabulary.Near::word));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < found.size() && out.size() < MAX; i++) {
            out.add(vocabulary.written(found.get(i).word()));
        }
        return List.copyOf(out);
    }
}
