package kb.ops;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the heap within a budget while a process builds its search index from nothing (a cold
 * start's first load), before it serves.
 *
 * <p>Without {@code -Xmx} (the README's command has none), G1 may grow the heap to a quarter of
 * the machine's memory, and it does during a cold start: reading and indexing every file allocates
 * fast on both cores, and the collector answers its own pause time by committing more heap, over
 * 1 GB at 10,000 articles per language while what is live stays under 200 MB (bench/ANALYSIS.md).
 * The process keeps that memory afterwards. So while that load runs, a full collection is asked
 * for whenever the committed heap passes the budget: G1 then gives the memory back, down to what
 * its own {@code MaxHeapFreeRatio} leaves free. No request is served yet, so the pauses delay
 * nobody; at that corpus a cold start makes about four. The ratio is left as it is: lowered, each
 * collection gave back more and G1 grew the heap back at once, twice the collections for about 5 %
 * more CPU (bench/ANALYSIS.md).
 *
 * <p>The budget is {@link #FLOOR} or three times what was live after the last collection, whichever
 * is more, so a larger site gets a larger heap instead of a collection after every check; a
 * collection that does not bring the heap under the budget (explicit collections disabled, say)
 * raises the budget to what the heap is, so it is not asked for again and again.
 */
public final class HeapBudget implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HeapBudget.class);

    /** The smallest budget: room for the load's live data and a young generation that is not tiny. */
    static final long FLOOR = 512L << 20;
    /** The budget as a multiple of what was live after the last collection. */
    static final int LIVE_MULTIPLE = 3;
    /** How often the committed heap is looked at. */
    private static final long CHECK_MILLIS = 100;

    private final BooleanSupplier building;
    private final LongSupplier committed;
    private final LongSupplier used;
    private final Runnable collect;
    private long budget = FLOOR;
    private int collections;
    private long collectingNanos;
    private volatile boolean closed;
    private Thread watcher;

    /** A budget over the given heap while {@code building}; {@link #check()} does the work (tests call it directly). */
    HeapBudget(BooleanSupplier building, LongSupplier committed, LongSupplier used, Runnable collect) {
        this.building = building;
        this.committed = committed;
        this.used = used;
        this.collect = collect;
    }

    /**
     * Watches this JVM's heap until {@link #close()}, collecting only while {@code building} says
     * the index is being built from nothing: a warm start parses nothing and is left alone.
     */
    public static HeapBudget start(BooleanSupplier building) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        HeapBudget budget = new HeapBudget(building, () -> memory.getHeapMemoryUsage().getCommitted(),
                () -> memory.getHeapMemoryUsage().getUsed(), System::gc);
        Thread watcher = new Thread(() -> {
            while (!budget.closed) {
                try {
                    Thread.sleep(CHECK_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                budget.check();
            }
        }, "heap-budget");
        watcher.setDaemon(true);
        budget.watcher = watcher;
        watcher.start();
        return budget;
    }

    /** Collects if the committed heap is over the budget; true when it did. */
    synchronized boolean check() {
        if (closed || committed.getAsLong() <= budget || !building.getAsBoolean()) {
            return false;
        }
        long started = System.nanoTime();
        collect.run();
        collectingNanos += System.nanoTime() - started;
        collections++;
        budget = Math.max(FLOOR, LIVE_MULTIPLE * used.getAsLong());
        long after = committed.getAsLong();
        if (after > budget) {
            budget = after;
        }
        return true;
    }

    /** What the budget is now, in bytes. */
    synchronized long budget() {
        return budget;
    }

    /** Stops watching, and says what the budget cost. */
    @Override
    public void close() {
        closed = true;
        if (watcher != null) {
            watcher.interrupt();
        }
        synchronized (this) {
            if (collections > 0) {
                LOG.info("first load: {} full collection(s) ({} ms) kept the heap within {} MiB",
                        collections, collectingNanos / 1_000_000, budget >> 20);
            }
        }
    }
}
