package kb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * "Did you mean": the query with each word that no article uses replaced by the closest word
 * that one does, written the way the articles write it ({@code permisoes} → {@code permissões}).
 * Words are compared without accents, so a missing accent is never the typo being corrected.
 */
final class Suggester {
    private static final int MIN_WORD = 4;

    private Suggester() {}

    /** The corrected query text, if any word needed and had a correction. */
    static Optional<String> suggest(UserQuery query, LanguageIndex index) throws IOException {
        DirectSpellChecker checker = new DirectSpellChecker();
        checker.setMinPrefix(1);
        checker.setMaxEdits(2);
        checker.setMinQueryLength(MIN_WORD);
        List<UserQuery.Part> corrected = new ArrayList<>();
        boolean changed = false;
        for (UserQuery.Part part : query.parts()) {
            List<String> words = new ArrayList<>();
            for (String word : part.text().split(" ")) {
                String better = part.excluded() ? word : correct(word, index, checker);
                changed |= !better.equals(word);
                words.add(better);
            }
            corrected.add(new UserQuery.Part(String.join(" ", words), part.phrase(), part.excluded()));
        }
        return changed ? Optional.of(UserQuery.format(corrected)) : Optional.empty();
    }

    private static String correct(String word, LanguageIndex index, DirectSpellChecker checker) throws IOException {
        int start = 0;
        int end = word.length();
        while (start < end && !Character.isLetter(word.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetter(word.charAt(end - 1))) {
            end--;
        }
        String letters = word.substring(start, end);
        String folded = Analysis.fold(letters);
        if (folded.length() < MIN_WORD || !folded.chars().allMatch(Character::isLetter) || index.docFreq(folded) > 0) {
            return word;
        }
        SuggestWord[] suggestions = checker.suggestSimilar(new Term(Analysis.SPELL, folded), 5, index.reader(), SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
        for (SuggestWord s : suggestions) {
            String candidate = Analysis.fold(s.string);
            if (candidate.equals(s.string) && !candidate.equals(folded)) {
                return word.substring(0, start) + index.vocabulary().written(candidate) + word.substring(end);
            }
        }
        return word;
    }
}
