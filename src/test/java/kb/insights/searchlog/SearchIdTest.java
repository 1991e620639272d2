package kb.insights.searchlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A search's id: what the click beacon accepts, unique, and in the order the searches were made. */
class SearchIdTest {
    @Test
    void idsAre32HexDigitsInTimeOrderAndDifferWithinOneMillisecond() {
        Random random = new Random(7);
        long start = java.time.Instant.parse("2026-12-01T22:30:00Z").toEpochMilli();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            // Four searches per millisecond.
            ids.add(SearchLog.id(start + i / 4, random));
        }
        assertThat(ids).allMatch(id -> id.matches("[0-9a-f]{32}"));
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
        for (int i = 4; i < ids.size(); i++) {
            // Every id of a later millisecond sorts after every id of an earlier one.
            assertThat(ids.get(i).compareTo(ids.get(i - 4 - i % 4 + 3))).as("id %d", i).isPositive();
        }
        // Until the year 10889 the time fits in its 12 digits.
        assertThat(SearchLog.id(java.time.Instant.parse("9999-12-31T23:59:59Z").toEpochMilli(), random)).matches("[0-9a-f]{32}")
                .isGreaterThan(ids.get(ids.size() - 1));
    }
}
