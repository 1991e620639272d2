package kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Readers' questions (see {@link SearchEvaluation}): the site answers every one of them with
 * something, and ranks the right section better than Lucene's stock recipe on every slice. Only
 * the development half's misses are printed; the held-out half is reported in aggregate.
 */
class SearchEvaluationTest {
    private static List<SearchEvaluation.Query> queries;
    private static List<SearchEvaluation.Row> rows;
    private static List<SearchEvaluation.KindRow> byKind;

    @BeforeAll
    static void evaluate() throws IOException {
        queries = SearchEvaluation.readQueries();
        SearchEvaluation.Results results = SearchEvaluation.run(queries);
        rows = results.rows();
        byKind = results.byKind();
        String table = SearchEvaluation.table(rows) + "\nRight first by kind of question (site / plain Lucene, and how many queries):\n\n"
                + SearchEvaluation.kindTable(results.byKind());
        System.out.println(table);
        for (SearchEvaluation.Row r : rows) {
            if (r.half().equals("dev")) {
                System.out.println("dev misses, " + r.corpus() + ", " + r.lang() + ":");
                r.site().misses().forEach(System.out::println);
            }
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/search-eval.md"), table, StandardCharsets.UTF_8);
    }

    @Test
    void theSetHasAtLeast150QueriesPerLanguageInTwoHalves() {
        Map<String, Map<String, Long>> counts = queries.stream().collect(Collectors.groupingBy(SearchEvaluation.Query::lang,
                Collectors.groupingBy(SearchEvaluation.Query::half, Collectors.counting())));
        assertThat(counts.keySet()).containsExactlyInAnyOrder("pt", "en");
        counts.forEach((lang, halves) -> {
            assertThat(halves.keySet()).as(lang).containsExactlyInAnyOrder("dev", "held");
            assertThat(halves.values().stream().mapToLong(Long::longValue).sum()).as(lang).isGreaterThanOrEqualTo(150);
        });
    }

    @Test
    void eachKindOfQuestionIsReportedInEverySlice() {
        List<String> kinds = queries.stream().map(SearchEvaluation.Query::kind).distinct().toList();
        for (SearchEvaluation.Row r : rows) {
            List<SearchEvaluation.KindRow> ofSlice = byKind.stream()
                    .filter(k -> k.corpus().equals(r.corpus()) && k.lang().equals(r.lang()) && k.half().equals(r.half())).toList();
            assertThat(ofSlice).extracting(SearchEvaluation.KindRow::kind).containsExactlyInAnyOrderElementsOf(kinds);
            assertThat(ofSlice.stream().mapToInt(k -> k.site().queries()).sum()).isEqualTo(r.site().queries());
        }
    }

    @Test
    void noQuestionIsAnsweredWithNothing() {
        for (SearchEvaluation.Row r : rows) {
            assertThat(r.site().noResult()).as("%s %s %s", r.corpus(), r.lang(), r.half()).isZero();
        }
    }

    @Test
    void theSiteRanksBetterThanPlainLuceneOnEverySlice() {
        for (SearchEvaluation.Row r : rows) {
            assertThat(r.site().mrr()).as("MRR, %s %s %s", r.corpus(), r.lang(), r.half())
                    .isGreaterThan(r.baseline().mrr());
            assertThat(r.site().successAt1()).as("success@1, %s %s %s", r.corpus(), r.lang(), r.half())
                    .isGreaterThanOrEqualTo(r.baseline().successAt1());
        }
    }
}
