package kb.insights.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import kb.insights.Db;
import org.junit.jupiter.api.Test;

/** The one writer: a bounded queue that never blocks, rows kept while the database is away, bad rows dropped. */
class WriterTest {
    static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A row that writes one line into a table of its own. */
    record Line(String text) implements Write {
        @Override
        public String kind() {
            return "line";
        }

        @Override
        public void apply(Connection c) throws SQLException {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO lines (text) VALUES (?)")) {
                st.setString(1, text);
                st.executeUpdate();
            }
        }
    }

    /** A row the database refuses for a reason that retrying cannot fix (a constraint). */
    record Refused() implements Write {
        @Override
        public String kind() {
            return "refused";
        }

        @Override
        public void apply(Connection c) throws SQLException {
            throw new SQLException("duplicate key", "23505");
        }
    }

    /** A migrated database with the table {@link Line} writes into. */
    static Database withLines(String url) throws SQLException {
        Database db = Database.open(url, Optional.empty());
        try {
            db.migrate();
            try (Connection c = db.connection(); PreparedStatement st = c.prepareStatement("CREATE TABLE lines (text VARCHAR(100))")) {
                st.executeUpdate();
            }
            return db;
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    @Test
    void whileTheDatabaseIsAwayRowsWaitAndWhatDoesNotFitIsDroppedAndCounted() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Database db = Database.open("jdbc:postgresql://127.0.0.1:" + closedPort() + "/kb?user=kb", Optional.empty());
                Writer writer = new Writer(db, 5, c -> {}, registry, Clock.systemUTC()).start()) {
            long start = System.nanoTime();
            int accepted = 0;
            for (int i = 0; i < 8; i++) {
                accepted += writer.offer(new Line("row " + i)) ? 1 : 0;
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("offer never waits").isLessThan(Duration.ofMillis(200));
            assertThat(accepted).isEqualTo(5);
            assertThat(registry.get("kb.insights.queue.overflow").counter().count()).isEqualTo(3);
            assertThat(registry.get("kb.insights.queue.length").gauge().value()).isEqualTo(5);
            long end = System.nanoTime() + 10_000_000_000L;
            while (registry.get("kb.insights.write.errors").counter().count() < 1 && System.nanoTime() < end) {
                Thread.sleep(50);
            }
            assertThat(registry.get("kb.insights.write.errors").counter().count()).isGreaterThanOrEqualTo(1);
            assertThat(registry.get("kb.insights.database.up").gauge().value()).isEqualTo(0);
            assertThat(writer.waiting()).isEqualTo(5);
        }
    }

    @Test
    void aRowTheDatabaseRefusesForGoodIsDroppedAndTheRestIsWritten() throws Exception {
        String url = Database.defaultUrl(Files.createTempDirectory("kb-writer"));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Database db = withLines(url); Writer writer = new Writer(db, 100, c -> {}, registry, Clock.systemUTC()).start()) {
            writer.offer(new Line("before"));
            writer.offer(new Refused());
            writer.offer(new Line("after"));
            Db.awaitCount(url, 2, "SELECT COUNT(*) FROM lines");
            long end = System.nanoTime() + 10_000_000_000L;
            while (writer.waiting() > 0 && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertThat(writer.waiting()).isZero();
            assertThat(registry.get("kb.insights.write.rejected").counter().count()).isEqualTo(1);
            assertThat(registry.get("kb.insights.written").tag("kind", "line").counter().count()).isEqualTo(2);
        }
    }

    @Test
    void rowsThatComeAFewMillisecondsApartShareATransaction() throws Exception {
        String url = Database.defaultUrl(Files.createTempDirectory("kb-writer"));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Database db = withLines(url); Writer writer = new Writer(db, 100, c -> {}, registry, Clock.systemUTC()).start()) {
            // As searches come under light load: one every few milliseconds, each alone in the queue.
            for (int i = 0; i < 20; i++) {
                writer.offer(new Line("row " + i));
                Thread.sleep(3);
            }
            Db.awaitCount(url, 20, "SELECT COUNT(*) FROM lines");
            assertThat(registry.get("kb.insights.written").tag("kind", "line").counter().count()).isEqualTo(20);
            assertThat(registry.get("kb.insights.write.batches").counter().count()).isBetween(1.0, 3.0);
        }
    }

    @Test
    void transientFailuresAreToldFromBadRows() {
        assertThat(Failures.transientFailure(new SQLException("gone", "08006"))).isTrue();
        assertThat(Failures.transientFailure(new SQLException("admin shutdown", "57P01"))).isTrue();
        assertThat(Failures.transientFailure(new SQLException("disk full", "53100"))).isTrue();
        assertThat(Failures.transientFailure(new java.sql.SQLTransientConnectionException("pool timeout"))).isTrue();
        assertThat(Failures.transientFailure(new SQLException("duplicate", "23505"))).isFalse();
        assertThat(Failures.transientFailure(new SQLException("bad utf8", "22021"))).isFalse();
    }
}
