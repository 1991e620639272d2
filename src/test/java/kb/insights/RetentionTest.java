package kb.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kb.insights.db.Database;
import org.junit.jupiter.api.Test;

/** The daily maintenance deletes what is older than the retention period, and salts older than yesterday. */
class RetentionTest {
    @Test
    void rowsOlderThanTheRetentionPeriodAndOldSaltsAreDeleted() throws Exception {
        Path dir = Files.createTempDirectory("kb-retention");
        String url = Database.defaultUrl(dir);
        Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
        List<String> forgotten = new ArrayList<>();
        try (Database db = Database.open(url, Optional.empty())) {
            db.migrate();
            try (Connection c = db.connection()) {
                for (String day : List.of("2025-10-31", "2025-11-01", "2026-11-29", "2026-11-30", "2026-12-01")) {
                    exec(c, "INSERT INTO votes (day, reader, article, lang, helpful, voted_at) VALUES (?, 'r', '/pt/a', 'pt', 1, 0)", day);
                    exec(c, "INSERT INTO searches (id, day, searched_at, lang, query_text, results, source) VALUES (?, ?, 0, 'pt', 'q', 1, 'page')",
                            "id" + day, day);
                    exec(c, "INSERT INTO search_clicks (search_id, click_position, day, url, clicked_at) VALUES (?, 1, ?, '/pt/a', 0)",
                            "id" + day, day);
                    exec(c, "INSERT INTO reader_salts (day, salt) VALUES (?, 'ab')", day);
                }
                // 395 days before 2026-12-01 is 2025-11-01: that day is kept, the day before it is not.
                new Retention(395, clock, forgotten::add).run(c);
            }
            assertThat(Db.rows(url, "SELECT day FROM votes ORDER BY day")).extracting(r -> r.get(0))
                    .containsExactly("2025-11-01", "2026-11-29", "2026-11-30", "2026-12-01");
            assertThat(Db.rows(url, "SELECT day FROM searches ORDER BY day")).hasSize(4);
            assertThat(Db.rows(url, "SELECT day FROM search_clicks ORDER BY day")).hasSize(4);
            assertThat(Db.rows(url, "SELECT day FROM reader_salts ORDER BY day")).extracting(r -> r.get(0))
                    .containsExactly("2026-11-30", "2026-12-01");
            assertThat(forgotten).containsExactly("2026-11-30");
        }
    }

    private static void exec(Connection c, String sql, Object... params) throws Exception {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            st.executeUpdate();
        }
    }
}
