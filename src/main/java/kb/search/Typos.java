package kb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * Words of the index's own vocabulary close to a word it does not contain ({@code permisoes} →
 * {@code permissões}, {@code calender} → {@code calendar}): what typo-tolerant search also looks
 * for, and what "did you mean" offers. Words are compared without accents, so a missing accent is
 * never the typo; one edit is allowed in words shorter than eight letters, two in longer ones.
 * The work is a walk of the vocabulary's term dictionary, bounded per word, never of the
 * documents; one {@code Typos} serves one query and remembers its answers.
 */
final class Typos {
    static final int MIN_LETTERS = 4;
    /** Longer words are not typos of the articles' words (the vocabulary keeps words up to 40 letters). */
    static final int MAX_LETTERS = 30;
    /** At most this many unknown words of one query are looked up: each costs an automaton or two. */
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
    List<String> corrections(String word) throws IOException {
        String folded = Analysis.fold(word);
        List<String> known = answers.get(folded);
        if (known == null) {
            known = lookUp(folded);
            answers.put(folded, known);
        }
        return known;
    }

    private List<String> lookUp(String folded) throws IOException {
        if (folded.length() < MIN_LETTERS || folded.length() > MAX_LETTERS || !folded.chars().allMatch(Character::isLetter)
                || vocabulary.knows(folded) || lookups >= MAX_LOOKUPS) {
            return List.of();
        }
        lookups++;
        // Most typos are one edit away, and one edit is much cheaper to look for than two.
        List<String> found = lookUp(folded, 1);
        return found.isEmpty() && folded.length() >= TWO_EDITS_FROM ? lookUp(folded, 2) : found;
    }

    private List<String> lookUp(String folded, int edits) throws IOException {
        DirectSpellChecker checker = new DirectSpellChecker();
        checker.setMinPrefix(1);
        checker.setMinQueryLength(MIN_LETTERS);
        checker.setMaxEdits(edits);
        SuggestWord[] found = checker.suggestSimilar(new Term(Vocabulary.WORD, folded), MAX * 3, vocabulary.reader(),
                SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
        // Closest first; among equally close words, the one the articles use most.
        Arrays.sort(found, Comparator.comparingDouble((SuggestWord s) -> -s.score)
                .thenComparingInt(s -> -vocabulary.count(s.string))
                .thenComparing(s -> s.string));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < found.length && out.size() < MAX; i++) {
            out.add(vocabulary.written(found[i].string));
        }
        return List.copyOf(out);
    }
}
