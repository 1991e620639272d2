package kb.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** No query string, however hostile, makes search fail, hang or return unsafe HTML. */
class HostileQueryTest {
    private static final Pattern MARKUP = Pattern.compile("</?mark>");
    private static SearchIndex index;

    @BeforeAll
    static void warmUp() {
        index = TestContent.shipped();
        index.search("warm up", "pt", 10);
    }

    static Stream<String> hostile() {
        return Stream.of(
                null, "", " ", "\t\n\r", "\"", "\"\"\"", "\"unbalanced", "unbalanced\"", "AND", "OR NOT", "NOT", "NOT NOT x",
                "*", "?", "~", "~2", "inbox~", "inbox~0.5", "*box", "in*ox", "title:x", "heading:tenant", "field:", ":", "::::",
                "[", "]", "{", "}", "[a TO z]", "{* TO *}", "(", ")", "((((", "))))", "+", "-", "--", "- -", "-\"\"", "-inbox",
                "-\"caixa de entrada\"", "\\", "\\\\", "/", "/regex/", "/.*/", "&&", "||", "!", "^", "^10", "inbox^100", "*:*",
                "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "<mark>inbox</mark>", "</mark><script>",
                "&lt;", "&amp;", "&#60;", "\u0000", "a\u0000b", "\uD800", "\uDC00x", "x\uD800", "\uFFFF", "\uFFFE", "\u202Einbox",
                "in\u200Bbox", "\u0085\u2028\u2029", "../../etc/passwd", "%00", "%3Cscript%3E", "'; DROP TABLE articles; --",
                "${jndi:ldap://example.invalid/a}", "{{7*7}}", "%s%n%x", "\\u0000", "x".repeat(100_000), "a ".repeat(50_000),
                "\"a\" ".repeat(10_000), "-a ".repeat(10_000), "😀".repeat(1000), "\uD83D".repeat(1000), "ﷺ".repeat(1000),
                "Mail.ReadWrite ".repeat(1000), "Mail.ReadWrite".repeat(1000), "_".repeat(500), "a_".repeat(500), ".".repeat(500),
                "e-mail ".repeat(100), "OFFICE_ERROR_".repeat(50), "\"" + "Mail.ReadWrite ".repeat(20) + "\"",
                "\"O365 Mail.Send User.Read Calendars.Read offline_access A1 B2 C3 D4\"", "a1b2c3d4e5f6g7h8i9j0".repeat(5),
                "ＯＦＦＩＣＥ＿ＥＲＲＯＲ", "İstanbul ß ǅ ﬀ", "\u0301\u0301\u0301", "x\u0301".repeat(300));
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void aHostileQueryGetsASafeAnswerQuickly(String query) {
        for (String lang : List.of("pt", "en")) {
            long start = System.nanoTime();
            SearchResults results = index.search(query, lang, 1, SearchIndex.MAX_LIMIT);
            assertThat((System.nanoTime() - start) / 1_000_000).as("ms for %s", describe(query)).isLessThan(2_000);
            assertSafe(results);
        }
    }

    @Test
    void anyStringGivesAnAnswerWhoseSnippetsHoldNoMarkupButMarks() {
        Random random = new Random(20241004);
        List<String> fragments = new ArrayList<>(hostile().filter(s -> s != null && s.length() < 100).toList());
        fragments.addAll(List.of("caixa", "de", "entrada", "inbox", "conexões", "Mail.ReadWrite", "OFFICE_ERROR_REST_API",
                "tenant", "locatário", "permisoes", "\"", "-", " ", "<", ">", "&", "mark", "</mark>"));
        for (int i = 0; i < 2_000; i++) {
            StringBuilder query = new StringBuilder();
            int pieces = random.nextInt(8);
            for (int p = 0; p < pieces; p++) {
                switch (random.nextInt(3)) {
                    case 0 -> query.append(fragments.get(random.nextInt(fragments.size())));
                    case 1 -> query.append((char) random.nextInt(Character.MAX_VALUE + 1));
                    default -> query.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1));
                }
                if (random.nextBoolean()) {
                    query.append(' ');
                }
            }
            String lang = random.nextBoolean() ? "pt" : "en";
            assertSafe(index.search(query.toString(), lang, 1 + random.nextInt(3), 1 + random.nextInt(SearchIndex.MAX_LIMIT)));
        }
    }

    @Test
    void pagesAndLimitsOutOfRangeAreClamped() {
        assertThat(index.search("office", "pt", 1, 0).pageSize()).isEqualTo(1);
        assertThat(index.search("office", "pt", 1, 1_000_000).pageSize()).isEqualTo(SearchIndex.MAX_LIMIT);
        assertThat(index.search("office", "pt", -5, 10).page()).isEqualTo(1);
        assertThat(index.search("office", "pt", Integer.MAX_VALUE, Integer.MAX_VALUE).results()).isEmpty();
        assertThat(index.search("office", "pt", Integer.MIN_VALUE).results()).hasSize(1);
    }

    @Test
    void aSearchPastItsDeadlineAnswersWithWhatItHas() throws Exception {
        LanguageIndex pt = index.languageIndex("pt");
        LanguageIndex.Ranking ranking = pt.rank(UserQuery.parse("caixa de entrada"), System.nanoTime() - 1, null);
        assertThat(ranking.hits()).isEmpty();
    }

    @Test
    void anUnknownLanguageIsTheCallersMistake() {
        assertThatThrownBy(() -> index.search("inbox", "fr", 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.search("inbox", null, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    static void assertSafe(SearchResults results) {
        assertThat(results.query()).doesNotContainPattern("[\\p{Cc}\\p{Cs}\\p{Cf}]");
        assertThat(results.query().length()).isLessThanOrEqualTo(UserQuery.MAX_CHARS);
        assertThat(results.total()).isGreaterThanOrEqualTo(results.results().size());
        for (SearchHit hit : results.results()) {
            assertThat(hit.url()).startsWith("/").doesNotStartWith("//");
            String withoutMarks = MARKUP.matcher(hit.snippet()).replaceAll("");
            assertThat(withoutMarks).as("snippet %s", hit.snippet()).doesNotContain("<", ">");
            assertThat(count(hit.snippet(), "<mark>")).isEqualTo(count(hit.snippet(), "</mark>"));
            assertThat(hit.snippet()).doesNotContain("<mark><mark>").doesNotContainPattern("[\\p{Cs}]");
        }
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static String describe(String query) {
        return query == null ? "null" : query.length() > 40 ? query.substring(0, 40) + "… (" + query.length() + " chars)" : query;
    }
}
