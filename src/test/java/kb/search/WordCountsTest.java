package kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Word counts kept with each article, and added to a language's total as a build publishes. */
class WordCountsTest {
    private static Map<String, Integer> asMap(WordCounts counts) {
        Map<String, Integer> all = new TreeMap<>();
        counts.forEach(all::put);
        return all;
    }

    @Test
    void addingWhatWasWrittenInPlaceEqualsReadingItFirst() {
        Random random = new Random(7);
        String[] words = {"caixa", "permissões", "inbox", "não", "conexão", "tenant", "ação", "calendário"};
        WordCounts inPlace = new WordCounts();
        WordCounts read = new WordCounts();
        for (int article = 0; article < 50; article++) {
            WordCounts one = new WordCounts(16);
            for (int i = 0; i < 40; i++) {
                char[] w = words[random.nextInt(words.length)].toCharArray();
                one.add(w, w.length);
            }
            byte[] bytes = one.toBytes();
            inPlace.addWritten(bytes);
            read.add(WordCounts.fromBytes(bytes), 1);
        }
        assertEquals(asMap(read), asMap(inPlace));
        assertEquals(50 * 40, asMap(inPlace).values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void damagedLinesAreSkippedAsWhenReadFirst() {
        byte[] damaged = "caixa\t3\nno tab here\nnão\tmuitas\nvazio\t\n\t4\nmuito\t12345678901\nzero\t0\núltima\t2"
                .getBytes(StandardCharsets.UTF_8);
        WordCounts inPlace = new WordCounts();
        inPlace.addWritten(damaged);
        assertEquals(Map.of("caixa", 3, "última", 2), asMap(inPlace));
        assertEquals(asMap(WordCounts.fromBytes(damaged)), asMap(inPlace));
    }
}
