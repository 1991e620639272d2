package kb.insights.db;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only thread that writes to the insights database. Requests hand it rows through a bounded
 * queue and return at once ({@link #offer} never blocks); it migrates the schema (retrying while
 * the database is unreachable), writes rows in batches, keeps a batch and retries it while the
 * database is away, and runs the daily maintenance. What does not fit in the queue is dropped and
 * counted, never waited for.
 */
public final class Writer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Writer.class);
    public static final int DEFAULT_CAPACITY = 10_000;
    private static final int BATCH = 200;
    /**
     * How long a row waits for others to share its transaction: each transaction costs more than
     * its rows (the connection's checkout, the commit's write to the log), and under load rows
     * written as they come went out a few at a time.
     */
    private static final Duration GATHER = Duration.ofMillis(200);
    private static final Duration FIRST_RETRY = Duration.ofMillis(250);
    private static final Duration LAST_RETRY = Duration.ofSeconds(4);
    private static final Duration MAINTENANCE_EVERY = Duration.ofHours(24);
    private static final Duration DRAIN_AT_STOP = Duration.ofSeconds(5);

    /** Work the writer thread runs once a day (and once after the schema is ready), such as deleting old rows. */
    public interface Maintenance {
        void run(Connection connection) throws SQLException;
    }

    private final Database database;
    private final BlockingQueue<Write> queue;
    private final List<Write> pending = new ArrayList<>();
    private volatile int pendingCount;
    private final Maintenance maintenance;
    private final Clock clock;
    private final Thread thread;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile boolean up;
    private volatile long maintenanceDue;
    private final Counter overflow;
    private final Counter errors;
    private final Counter rejected;
    private final Counter batches;
    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, Counter> written = new ConcurrentHashMap<>();

    public Writer(Database database, int capacity, Maintenance maintenance, MeterRegistry registry, Clock clock) {
        this.database = database;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.maintenance = maintenance;
        this.clock = clock;
        this.registry = registry;
        Gauge.builder("kb.insights.queue.length", this, Writer::waiting)
                .description("feedback and search rows waiting to be written to the database").register(registry);
        Gauge.builder("kb.insights.queue.capacity", this, w -> capacity)
                .description("rows the queue holds before new ones are dropped").register(registry);
        Gauge.builder("kb.insights.database.up", this, w -> w.up ? 1 : 0)
                .description("1 when the last write or migration reached the database").register(registry);
        overflow = Counter.builder("kb.insights.queue.overflow")
                .description("rows dropped because the queue was full (the database was away too long)").register(registry);
        errors = Counter.builder("kb.insights.write.errors")
                .description("failed attempts to write a batch or migrate; the rows are kept and retried").register(registry);
        batches = Counter.builder("kb.insights.write.batches")
                .description("transactions that wrote rows (rows written per transaction: kb.insights.written over this)").register(registry);
        rejected = Counter.builder("kb.insights.write.rejected")
                .description("rows the database refused for good (not a connection problem); dropped").register(registry);
        this.thread = new Thread(this::run, "kb-insights-writer");
        this.thread.setDaemon(true);
    }

    public Writer start() {
        thread.start();
        return this;
    }

    /** Queues a row; false (and counted) when the queue is full. Never blocks, never touches the database. */
    public boolean offer(Write write) {
        if (stopping.get() || !queue.offer(write)) {
            overflow.increment();
            return false;
        }
        return true;
    }

    /** Rows accepted and not written yet. */
    public int waiting() {
        return queue.size() + pendingCount;
    }



    private void run() {
        Duration retry = FIRST_RETRY;
        long downSince = 0;
        while (true) {
            boolean stop = stopping.get();
            if (stop && pending.isEmpty() && queue.isEmpty()) {
                return;
            }
            try {
                if (!database.migrated()) {
                    database.migrate();
                    LOG.info("insights database {} ready (schema up to date)", database.description());
                    maintenanceDue = 0;
                }
                if (pending.isEmpty()) {
                    Write first = stop ? queue.poll() : queue.poll(1, TimeUnit.SECONDS);
                    if (first != null) {
                        pending.add(first);
                        if (!stop && queue.size() < BATCH - 1) {
                            Thread.sleep(GATHER.toMillis());
                        }
                        queue.drainTo(pending, BATCH - 1);
                        pendingCount = pending.size();
                    }
                }
                if (!pending.isEmpty()) {
                    writePending();
                }
                if (clock.millis() >= maintenanceDue && !stop) {
                    try (Connection c = database.connection()) {
                        maintenance.run(c);
                    }
                    maintenanceDue = clock.millis() + MAINTENANCE_EVERY.toMillis();
                }
                if (!up) {
                    if (downSince != 0) {
                        LOG.info("insights database {} is back after {} s; {} rows waiting are being written",
                                database.description(), (clock.millis() - downSince) / 1000, waiting());
                    }
                    up = true;
                    downSince = 0;
                }
                retry = FIRST_RETRY;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RuntimeException e) {
                // Flyway wraps the driver's exception; either way the database is away: keep the rows, wait, retry.
                errors.increment();
                if (up || downSince == 0) {
                    LOG.warn("insights database {} unreachable ({}); pages are unaffected, {} rows kept in memory and retried",
                            database.description(), oneLine(e), waiting());
                    downSince = clock.millis();
                }
                up = false;
                if (stop) {
                    LOG.warn("stopping with {} feedback and search rows not written (database away)", waiting());
                    return;
                }
                try {
                    Thread.sleep(retry.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
            }
        }
    }

    /**
     * Writes the batch in one transaction. When the database refuses it for a reason other than
     * being away, writes the rows one by one and drops (and counts) the ones it refuses.
     */
    private void writePending() throws SQLException {
        try (Connection c = database.connection()) {
            try {
                writeAll(c, pending);
            } catch (SQLException e) {
                if (Failures.transientFailure(e)) {
                    throw e;
                }
                writeOneByOne(c);
                return;
            } catch (RuntimeException e) {
                writeOneByOne(c);
                return;
            }
        }
        batches.increment();
        for (Write w : pending) {
            count(w);
        }
        pending.clear();
        pendingCount = 0;
    }

    private void writeOneByOne(Connection c) throws SQLException {
        for (Write w : new ArrayList<>(pending)) {
            try {
                writeAll(c, List.of(w));
                count(w);
            } catch (SQLException one) {
                if (Failures.transientFailure(one)) {
                    throw one;
                }
                rejected.increment();
                LOG.warn("insights: the database refused a {} row for good, dropped: {}", w.kind(), oneLine(one));
            } catch (RuntimeException one) {
                rejected.increment();
                LOG.warn("insights: a {} row could not be written, dropped", w.kind(), one);
            }
            pending.remove(w);
            pendingCount = pending.size();
        }
    }

    private void count(Write w) {
        written.computeIfAbsent(w.kind(), k -> Counter.builder("kb.insights.written").tag("kind", k)
                .description("rows written to the insights database").register(registry)).increment();
    }

    private static void writeAll(Connection c, List<Write> writes) throws SQLException {
        c.setAutoCommit(true);
        for (Write w : writes) {
            w.prepare(c);
        }
        c.setAutoCommit(false);
        try {
            for (Write w : writes) {
                w.apply(c);
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the connection is gone; the pool drops it
            }
            throw e;
        } finally {
            try {
                c.setAutoCommit(true);
            } catch (SQLException ignored) {
                // as above
            }
        }
    }

    private static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = String.valueOf(root.getMessage()).replaceAll("\\s+", " ");
        return root.getClass().getSimpleName() + ": " + (m.length() > 200 ? m.substring(0, 200) + "…" : m);
    }

    /** Writes what it can within a few seconds, then stops; rows still waiting are logged as lost. */
    @Override
    public void close() {
        stopping.set(true);
        try {
            thread.join(DRAIN_AT_STOP.toMillis() + LAST_RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
        }
    }
}
