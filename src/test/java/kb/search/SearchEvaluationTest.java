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

    @BeforeAll
    static void evaluate() throws IOException {
        queries = SearchEvaluation.readQueries();
        rows = SearchEvaluation.run(queries);
        String table = SearchEvaluation.table(rows);
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
