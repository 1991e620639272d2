package kb.content;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Answers of a pure function of a string, remembered: slugs and sort keys of tags, folder names
 * and titles, which every load of a large site computes again for the same strings. Bounded: past
 * the limit it starts over, so a site that keeps changing does not grow it without end.
 */
final class Remembered {
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final UnaryOperator<String> function;
    private final int max;

    Remembered(UnaryOperator<String> function, int max) {
        this.function = function;
        this.max = max;
    }

    String of(String input) {
        String known = answers.get(input);
        if (known != null) {
            return known;
        }
        if (answers.size() > max) {
            answers.clear();
        }
        String answer = function.apply(input);
        answers.put(input, answer);
        return answer;
    }
}
