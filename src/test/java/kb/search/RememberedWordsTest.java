package kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The writer's chain remembers what each distinct identifier splits into ({@link RememberedSplits})
 * and what each distinct token becomes ({@link RememberedWords}); what it writes into the index
 * and counts for the vocabulary must be exactly what running every step on every token gives. Checked on the shipped articles and on generated text full of what the steps
 * treat differently: accents, case, stop words with and without accents, plurals, identifiers,
 * error codes, possessives, other scripts, long words, the same spelling as a word and as an
 * identifier's part.
 */
class RememberedWordsTest {
    private static final String[] PIECES = {
        "conexão", "Conexões", "CONEXOES", "conexoes", "pão", "pães", "paes", "Permissões", "não", "nao", "você",
        "Você", "está", "esta", "à", "de", "the", "The", "THE", "a", "an", "is", "user's", "admin's", "inbox",
        "Inbox", "calendars", "connecting", "connected", "relational", "Mail.ReadWrite", "mail.readwrite",
        "REST_API_NOT_ENABLED", "offline_access", "O365", "AADSTS90002", "Calendars.ReadWrite", "ReadWrite",
        "OFFICE_ERROR_REST_API", "x", "Ab", "naïve", "straße", "ÉCOLE", "café", "cafés", "ações", "ação",
        "informações", "locatário", "locatarios", "München", "niños", "canción", "über", "città", "çà", "œuvre",
        "日本語", "Ωμέγα", "Ελληνικά", "йогурт", "ﬁle", "Ⅻ", "İstanbul", "ǅemal", "ꝏ", "supercalifragilisticexpialidocious"
                + "supercalifragilisticexpialidocious", "2024-10-04", "v1.2.3", "e-mail", "co-op", "don't", "l'école",
        "hub spot", "HubSpot", "hubspot", "12345", "3rd", "ID", "ids", "tenant-id", "00000000-0000-0000-0000-000000000000",
        "Calendars.Read.Shared", "AADSTS65001", "prompt=consent", "x.y", "a_b_c_d", "ÀÉ_x", "iPhone", "macOS", "OAuth2",
        "user.name@example.com", "https://login.microsoftonline.com/common", "1.2.3.4", "_leading", "trailing_",
        "..dots..", "a.b.c.d.e.f.g.h", "Mail.ReadWrite's", "O'Brien", "l'API", "ReadWrite.All_v2", "snake_Case.Mixed9x",
    };
    private static final String[] GLUE = {" ", " ", " ", ", ", ". ", "\n", " (", ") ", ": ", " — ", "/", " `", "` "};

    private static String generated(Random random, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]).append(GLUE[random.nextInt(GLUE.length)]);
        }
        return text.toString();
    }

    /** Every attribute the index reads, token by token. */
    private static List<String> tokens(Analyzer analyzer, String field, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            PositionLengthAttribute len = ts.addAttribute(PositionLengthAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            KeywordAttribute keyword = ts.addAttribute(KeywordAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term + " +" + inc.getPositionIncrement() + " /" + len.getPositionLength() + " "
                        + offset.startOffset() + "-" + offset.endOffset() + " " + keyword.isKeyword() + " " + type.type());
            }
            ts.end();
            out.add("end +" + inc.getPositionIncrement() + " " + offset.endOffset());
        }
        return out;
    }

    private static Map<String, Integer> asMap(WordCounts counts) {
        Map<String, Integer> all = new TreeMap<>();
        counts.forEach(all::put);
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pt", "en", "es", "fr", "de", "it", "ja"})
    void remembersExactlyWhatEveryStepGivesAndCountsTheSameWords(String lang) throws IOException {
        Analysis analysis = new Analysis(lang);
        WordCounts.Target rememberedTarget = new WordCounts.Target(null);
        WordCounts.Target referenceTarget = new WordCounts.Target(null);
        Analyzer remembered = analysis.forIndex(ThreadLocal.withInitial(() -> rememberedTarget));
        Analyzer reference = analysis.forIndexStepByStep(ThreadLocal.withInitial(() -> referenceTarget));

        List<String> texts = new ArrayList<>(TestContent.sources(TestContent.SHIPPED));
        Random random = new Random(lang.hashCode());
        for (int i = 0; i < 300; i++) {
            texts.add(generated(random, 5 + random.nextInt(200)));
        }
        String[] fields = {Analysis.BODY, Analysis.HEADING, Analysis.CONTEXT};
        int article = 0;
        for (String text : texts) {
            // Each article counts into its own words, and some are analyzed without counting.
            boolean counted = article++ % 7 != 3;
            WordCounts mine = counted ? new WordCounts(64) : null;
            WordCounts theirs = counted ? new WordCounts(64) : null;
            rememberedTarget.into = mine;
            referenceTarget.into = theirs;
            String field = fields[article % fields.length];
            assertEquals(tokens(reference, field, text), tokens(remembered, field, text), lang + ": " + text);
            if (counted) {
                assertEquals(asMap(theirs), asMap(mine), lang + " counts: " + text);
            }
        }
    }
}
