package kb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * Words of the index's own vocabulary close to a word it does not contain ({@code permisoes} →
 * {@code permissões}, {@code calender} → {@code calendar}): what typo-tolerant search also looks
 * for, and what "did you mean" offers. Words are compared without accents, so a missing accent is
 * never the typo; one edit is allowed in words shorter than eight letters, two in longer ones.
 * The work is a walk of the term dictionary, bounded per word, never of the documents.
 */
final class Typos {
    static final int MIN_LETTERS = 4;
    private static final int TWO_EDITS_FROM = 8;

    private final IndexReader reader;
    private final Vocabulary vocabulary;

    Typos(IndexReader reader, Vocabulary vocabulary) {
        this.reader = reader;
        this.vocabulary = vocabulary;
    }

    /** Up to {@code max} corrections, best first, written as the articles write them; none for a known word. */
    List<String> corrections(String word, int max) throws IOException {
        String folded = Analysis.fold(word);
        if (folded.length() < MIN_LETTERS || !folded.chars().allMatch(Character::isLetter)
                || reader.docFreq(new Term(Analysis.SPELL, folded)) > 0) {
            return List.of();
        }
        DirectSpellChecker checker = new DirectSpellChecker();
        checker.setMinPrefix(1);
        checker.setMinQueryLength(MIN_LETTERS);
        checker.setMaxEdits(folded.length() >= TWO_EDITS_FROM ? 2 : 1);
        SuggestWord[] found = checker.suggestSimilar(new Term(Analysis.SPELL, folded), max * 3, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
        List<String> out = new ArrayList<>();
        for (SuggestWord s : found) {
            // The spell field holds each word as written and accent-free; compare the accent-free ones.
            if (out.size() < max && Analysis.fold(s.string).equals(s.string)) {
                String written = vocabulary.written(s.string);
                if (!out.contains(written)) {
                    out.add(written);
                }
            }
        }
        return out;
    }
}
