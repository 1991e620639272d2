package kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.Test;

/**
 * The index writer's tokenizer must give what Lucene's StandardTokenizer gives, attribute for
 * attribute, on any text: the index is written with one and queried with the other, and a word
 * split differently would be found by nobody, without an error anywhere.
 */
class LatinTokenizerTest {
    /** What the fast path knows, with the joiners and breakers weighted up. */
    private static final String KNOWN = "abcxyzABZ019áçãõéÀÿªµº_______...........'''''’’‘::::::·,,,,,;;;;;"
            + "          \n\n\t\r-/()[]\"#*@!?&%$+=<>|~^`{}\\–—“”… ×÷¡¿°±²³¹¼¨´¸¯";
    /** What it does not: the scanner must take the text, and the answer must not change. */
    private static final String[] UNKNOWN = {
        "\u00AD", "\u0301", "©", "®", "日本", "ひら", "カタ", "한국", "ไทย", "Ωμέγα", "йогурт", "\u200D", "\uFE0F", "\u20E3",
        "\uD83D\uDE00", "\uD83C\uDDE7\uD83C\uDDF7", "\u0085", "\u2028", "\u202F", "\u203F", "\u2024", "\uFF0E", "\u05D0\"\u05D1",
        "\u0001", "\u007F", "\uFFFC",
    };

    private static List<String> tokens(Tokenizer tokenizer, String text) throws IOException {
        List<String> out = new ArrayList<>();
        tokenizer.setReader(new StringReader(text));
        CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
        PositionIncrementAttribute inc = tokenizer.addAttribute(PositionIncrementAttribute.class);
        PositionLengthAttribute len = tokenizer.addAttribute(PositionLengthAttribute.class);
        OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
        TypeAttribute type = tokenizer.addAttribute(TypeAttribute.class);
        try {
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                out.add(term + " +" + inc.getPositionIncrement() + " /" + len.getPositionLength() + " "
                        + offset.startOffset() + "-" + offset.endOffset() + " " + type.type());
            }
            tokenizer.end();
            out.add("end +" + inc.getPositionIncrement() + " " + offset.startOffset() + "-" + offset.endOffset());
        } finally {
            tokenizer.close();
        }
        return out;
    }

    private static String random(Random random, boolean unknown) {
        StringBuilder text = new StringBuilder();
        int n = random.nextInt(random.nextInt(8) == 0 ? 600 : 60);
        for (int i = 0; i < n; i++) {
            if (unknown && random.nextInt(40) == 0) {
                text.append(UNKNOWN[random.nextInt(UNKNOWN.length)]);
            } else if (random.nextInt(50) == 0) {
                text.append((char) random.nextInt(256)); // any of Latin-1, controls included
            } else if (random.nextInt(200) == 0) {
                text.append("a".repeat(150 + random.nextInt(150))); // around the longest word
            } else {
                text.append(KNOWN.charAt(random.nextInt(KNOWN.length())));
            }
        }
        return text.toString();
    }

    /** Compares the two on each text, reusing both as the index's writer does. */
    private static int compare(Iterable<String> texts) throws IOException {
        StandardTokenizer standard = new StandardTokenizer();
        LatinTokenizer latin = new LatinTokenizer();
        int n = 0;
        for (String text : texts) {
            assertEquals(tokens(standard, text), tokens(latin, text), text);
            n++;
        }
        return n;
    }

    /** {@code n} random texts, with characters the fast path does not know or without. */
    private static List<String> randomTexts(long seed, int n, boolean unknown) {
        Random random = new Random(seed);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            texts.add(random(random, unknown));
        }
        return texts;
    }

    @Test
    void givesTheStandardTokensOnRandomTextOfTheCharactersItKnows() throws IOException {
        compare(randomTexts(11, 40_000, false));
    }

    @Test
    void handsTextWithAnythingElseToTheScannerAndTheAnswerIsTheSame() throws IOException {
        compare(randomTexts(12, 20_000, true));
    }

    @Test
    void cutsWordsAsTheStandardTokenizerDoes() throws IOException {
        List<String> texts = List.of("", " ", "_", "__a__", "a_.b", "a._b", "a..b", "a.b.c", "1.2.3", "1,000.5", "1,a",
                "a,1", "a'b", "l'école", "O’Brien", "1’2", "a:b", "1:2", "a·b", "1;2", "a;b", "a1.2", "a1.b", "1a.b",
                "1_a.b", "_1_", "e.g.", "Mail.ReadWrite", "REST_API_NOT_ENABLED", "AADSTS65001", "12:30", "v1.2.3",
                "x".repeat(LatinTokenizer.MAX_WORD), "x".repeat(LatinTokenizer.MAX_WORD + 1), "y".repeat(300), "a ".repeat(3000),
                "co-op e-mail don't", "× ÷ a×b", "naïve café", "#1 *2 3#");
        compare(texts);
    }

    @Test
    void givesTheStandardTokensOnTheShippedArticles() throws IOException {
        assertTrue(compare(TestContent.sources(TestContent.SHIPPED)) > 0);
    }

    /** The bench corpus, when given ({@code -Dkb.bench.corpus=/tmp/kb-bench/c10000}): every article's source. */
    @Test
    void givesTheStandardTokensOnTheBenchCorpusWhenGiven() throws IOException {
        String corpus = System.getProperty("kb.bench.corpus");
        org.junit.jupiter.api.Assumptions.assumeTrue(corpus != null && !corpus.isBlank(), "no -Dkb.bench.corpus");
        assertTrue(compare(TestContent.sources(Path.of(corpus))) > 0);
    }
}
