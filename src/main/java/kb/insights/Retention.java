package kb.insights;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Consumer;
import kb.insights.db.Writer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily maintenance: votes, searches and clicks older than the retention period are deleted,
 * and reader salts older than yesterday, which makes the reader hashes of those days unlinkable.
 */
final class Retention implements Writer.Maintenance {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final int days;
    private final Clock clock;
    private final Consumer<String> saltsDeletedBefore;

    Retention(int days, Clock clock, Consumer<String> saltsDeletedBefore) {
        this.days = days;
        this.clock = clock;
        this.saltsDeletedBefore = saltsDeletedBefore;
    }

    @Override
    public void run(Connection c) throws SQLException {
        LocalDate today = Days.today(clock);
        String cutoff = today.minusDays(days).toString();
        int votes = delete(c, "DELETE FROM votes WHERE day < ?", cutoff);
        int searches = delete(c, "DELETE FROM searches WHERE day < ?", cutoff);
        int clicks = delete(c, "DELETE FROM search_clicks WHERE day < ?", cutoff);
        String yesterday = today.minusDays(1).toString();
        delete(c, "DELETE FROM reader_salts WHERE day < ?", yesterday);
        saltsDeletedBefore.accept(yesterday);
        if (votes + searches + clicks > 0) {
            LOG.info("insights retention ({} days): deleted {} votes, {} searches, {} clicks from before {}",
                    days, votes, searches, clicks, cutoff);
        }
    }

    private static int delete(Connection c, String sql, String day) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, day);
            return st.executeUpdate();
        }
    }
}
