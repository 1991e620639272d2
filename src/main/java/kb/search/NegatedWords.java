package kb.search;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How readers of one language say that something is not there: "my mailbox doesn't exist", "it
 * can't find my inbox", "não acha minha caixa". Articles name such errors "… not found", and the
 * negation is a stop word, so the verb alone would look for something else ("find" finds how to
 * find things). A verb of the list, a negation at most {@link #WINDOW} words before it, is also
 * searched as the words articles use ("found"). Read from {@code kb/search/negation/<lang>.txt} on
 * the class path ({@link WordList}); a language without a list has none.
 */
final class NegatedWords {
    /** How many words before the verb a negation may be: "doesn't exist", "can't be found", "não foi encontrada". */
    static final int WINDOW = 3;
    private static final String NEGATIONS = "!negations:";

    private final Set<String> negations;
    private final Map<String, String> meanings;

    private NegatedWords(Set<String> negations, Map<String, String> meanings) {
        this.negations = Set.copyOf(negations);
        this.meanings = Map.copyOf(meanings);
    }

    private static final java.util.function.Function<String, NegatedWords> BY_LANGUAGE = WordList.perLanguage(lang -> {
        Set<String> negations = new HashSet<>();
        Map<String, String> meanings = new HashMap<>();
        for (String l : WordList.lines("negation", lang)) {
            if (l.startsWith(NEGATIONS)) {
                for (String w : l.substring(NEGATIONS.length()).trim().split("\\s+")) {
                    negations.add(FillerWords.key(w));
                }
            } else if (l.contains("=>")) {
                String meaning = l.substring(l.indexOf("=>") + 2).strip();
                for (String w : l.substring(0, l.indexOf("=>")).trim().split("\\s+")) {
                    meanings.put(FillerWords.key(w), meaning);
                }
            }
        }
        return new NegatedWords(negations, meanings);
    });

    static NegatedWords of(String lang) {
        return BY_LANGUAGE.apply(lang);
    }

    /**
     * What each negated verb of the typed words means, by the verb as typed: empty when none is.
     *
     * @param typed the words as typed, filler words included (a negation is often one: "doesn't")
     */
    Map<String, String> meanings(List<String> typed) {
        Map<String, String> out = new HashMap<>();
        if (meanings.isEmpty()) {
            return out;
        }
        int lastNegation = -1 - WINDOW;
        for (int i = 0; i < typed.size(); i++) {
            String key = FillerWords.key(typed.get(i));
            String meaning = meanings.get(key);
            if (meaning != null && i - lastNegation <= WINDOW) {
                out.put(typed.get(i), meaning);
            }
            if (negations.contains(key)) {
                lastNegation = i;
            }
        }
        return out;
    }
}
