package kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kb.content.Library;
import org.junit.jupiter.api.Test;

/** The warm-up after a start searches the site's own words, in every language, within its bounds. */
class SearchWarmUpTest {
    @Test
    void itSearchesTheSitesOwnTitlesHeadingsAndMisspellingsInEveryLanguage() {
        Library library = TestContent.load(TestContent.SHIPPED);
        List<SearchWarmUp.Query> queries = SearchWarmUp.queries(library, List.of("pt", "en"), 60);
        assertThat(queries).extracting(SearchWarmUp.Query::lang).contains("pt", "en");
        // a title's first three words, its longest word, and now and then that word with its third letter missing
        assertThat(queries).extracting(SearchWarmUp.Query::text).contains("Fix inbox and", "connection");
        List<String> titleWords = library.articles("pt").stream().flatMap(a -> List.of(a.title().split(" ")).stream()).toList();
        assertThat(queries).extracting(SearchWarmUp.Query::text).anyMatch(q -> titleWords.stream()
                .anyMatch(w -> w.length() > 4 && q.equals(w.substring(0, 2) + w.substring(3))));
        SearchIndex index = SearchIndex.build(library, TestContent.SHIPPED);
        // A title finds its article: the warm-up runs the search a reader's query runs.
        assertThat(index.search("Fix inbox and calendar connection errors", "en", 1, 10).results())
                .extracting(SearchHit::url).first().asString().startsWith("/en/inbox-calendar-connection-errors");
        // and the error codes the articles name, as readers paste them
        List<SearchWarmUp.Query> withCodes = SearchWarmUp.queries(index, library, List.of("pt", "en"), 60);
        assertThat(withCodes).extracting(SearchWarmUp.Query::text).contains("OFFICE_ERROR_REST_API_NOT_ENABLED_FOR_COMPONENT_SHARED_MAILBOX");
        assertThat(withCodes).extracting(SearchWarmUp.Query::lang).contains("pt", "en");
        assertThat(SearchWarmUp.run(index, library, List.of("pt", "en"), 60_000, 40, () -> false, () -> -1)).isEqualTo(40);
        assertThat(SearchWarmUp.run(index, library, List.of("pt", "en"), 0, 40, () -> false, () -> -1)).isZero();
    }

    @Test
    void itGivesWayToReadersAndSearchesOnlyWhenNoneIsWaiting() {
        Library library = TestContent.load(TestContent.SHIPPED);
        SearchIndex index = SearchIndex.build(library, TestContent.SHIPPED);
        // readers being answered the whole time: not one search in the budget
        assertThat(SearchWarmUp.run(index, library, List.of("pt", "en"), 200, 40, () -> true, () -> -1)).isZero();
        // readers for a while, then none: it waits (asking again every few milliseconds), then
        // searches as many as it may, each after being told no reader waits
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        long t0 = System.nanoTime();
        assertThat(SearchWarmUp.run(index, library, List.of("pt", "en"), 60_000, 40, () -> asked.incrementAndGet() <= 5, () -> -1))
                .isEqualTo(40);
        assertThat(asked).hasValue(5 + 40);
        assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(5 * SearchWarmUp.GIVE_WAY_MILLIS * 1_000_000L);
    }

    @Test
    void itStopsOnceASecondOfItsSearchesLeftTheCompilerNearlyIdle() {
        Library library = TestContent.load(TestContent.SHIPPED);
        SearchIndex index = SearchIndex.build(library, TestContent.SHIPPED);
        // a compiler that compiles nothing more: one window of searching, then it stops
        long t0 = System.nanoTime();
        int quiet = SearchWarmUp.run(index, library, List.of("pt", "en"), 60_000, 1_000_000, () -> false, () -> 0);
        long took = (System.nanoTime() - t0) / 1_000_000;
        assertThat(quiet).isPositive().isLessThan(1_000_000);
        assertThat(took).isGreaterThanOrEqualTo(SearchWarmUp.WINDOW_MILLIS).isLessThan(30_000);
        // a compiler still busy (a second of compiling for every window): it searches on to its bound
        java.util.concurrent.atomic.AtomicLong busy = new java.util.concurrent.atomic.AtomicLong();
        int searches = quiet * 3;
        assertThat(SearchWarmUp.run(index, library, List.of("pt", "en"), 60_000, searches, () -> false,
                () -> busy.addAndGet(1_000))).isEqualTo(searches);
    }
}
