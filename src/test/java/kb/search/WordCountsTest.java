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

    /** What toBytes wrote before it wrote the bytes itself: a line per word through a StringBuilder. */
    private static byte[] asLines(WordCounts counts) {
        StringBuilder out = new StringBuilder();
        counts.forEach((word, count) -> out.append(word).append('\t').append(count).append('\n'));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theBytesAreTheLinesInUtf8ForWordsInAnyScriptAndCountsOfAnyLength() {
        String[] words = {"caixa", "permissões", "ÇÃO", "日本語", "𝐀𝐁", "x", "a\uD800b", "ü\uDC00"};
        StringBuilder written = new StringBuilder();
        int[] counts = {1, 9, 10, 99, 100, 12345, 999999999, 7};
        for (int i = 0; i < words.length; i++) {
            written.append(words[i]).append('\t').append(counts[i]).append('\n');
        }
        WordCounts all = WordCounts.fromBytes(written.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(words.length, asMap(all).size());
        assertEquals(new String(asLines(all), StandardCharsets.UTF_8), new String(all.toBytes(), StandardCharsets.UTF_8));
        org.junit.jupiter.api.Assertions.assertArrayEquals(asLines(all), all.toBytes());
        assertEquals(asMap(all), asMap(WordCounts.fromBytes(all.toBytes())));
        // Many words: the buffer grows.
        WordCounts many = new WordCounts(4);
        Random random = new Random(3);
        for (int i = 0; i < 5000; i++) {
            char[] w = new char[1 + random.nextInt(40)];
            for (int j = 0; j < w.length; j++) {
                w[j] = (char) (random.nextBoolean() ? 'a' + random.nextInt(26) : 0xC0 + random.nextInt(0x2000));
            }
            for (int k = random.nextInt(3); k >= 0; k--) {
                many.add(w, w.length);
            }
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(asLines(many), many.toBytes());
    }

    @Test
    void takingAnArticleAwayLeavesNoTraceOfItsWordsAndACountEmptiedIsReadyForTheNext() {
        WordCounts total = new WordCounts(4);
        WordCounts article = new WordCounts(4);
        for (String w : new String[] {"caixa", "conexão", "caixa", "tenant"}) {
            article.add(w.toCharArray(), w.length());
        }
        WordCounts other = WordCounts.fromBytes("caixa\t2\nentrada\t1\n".getBytes(StandardCharsets.UTF_8));
        total.add(other, 1);
        total.add(article, 1);
        assertEquals(Map.of("caixa", 4, "conexão", 1, "tenant", 1, "entrada", 1), asMap(total));
        total.add(WordCounts.fromBytes(article.toBytes()), -1);
        assertEquals(Map.of("caixa", 2, "entrada", 1), asMap(total));
        assertEquals(0, total.count("conexão"));
        assertEquals("caixa\t2\nentrada\t1\n".length(), total.toBytes().length);

        article.clear();
        assertEquals(Map.of(), asMap(article));
        article.add("entrada".toCharArray(), 7);
        assertEquals(Map.of("entrada", 1), asMap(article));
        assertEquals(Map.of("caixa", 2, "entrada", 1), asMap(total), "what the total took from the article before it was emptied");
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
