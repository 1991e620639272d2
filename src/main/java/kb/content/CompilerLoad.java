package kb.content;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * Whether the JVM's just-in-time compiler is busy: how much compiling time it reported over the
 * last half second, against the time that passed. A cold start's first seconds keep a
 * compiler thread busy on a core of its own; {@link EveryCore} leaves it that core until it calms
 * down (bench/ANALYSIS.md: on two cores, one content thread beside the compiler until then made the
 * same build with less CPU than two threads from the start, the compiler slowed by both).
 *
 * <p>The JVM adds a compilation's time when it ends, so a window sees the compilations that ended
 * in it; at a cold start's thousands of compilations of a few milliseconds, that is close enough.
 */
final class CompilerLoad {
    /** Each verdict holds for this long (a second or two of compiling can end in one window), then the next question measures a new one. */
    static final long WINDOW_NANOS = 500_000_000L;
    /** Busy: compiling took at least this share of the window's time (half a core). */
    static final double BUSY_SHARE = 0.5;

    private final LongSupplier nanos;
    private final LongSupplier compilingMillis;
    private long windowStart;
    private long compiledAtStart;
    private boolean busy = true;

    /**
     * @param nanos           a clock ({@link System#nanoTime})
     * @param compilingMillis the compilers' total time so far, in milliseconds
     */
    CompilerLoad(LongSupplier nanos, LongSupplier compilingMillis) {
        this.nanos = nanos;
        this.compilingMillis = compilingMillis;
        this.windowStart = nanos.getAsLong();
        this.compiledAtStart = compilingMillis.getAsLong();
    }

    /**
     * The JVM's compiler, as its management bean reports it; null when it reports no compiling
     * time (no compiler, or a JVM that does not measure it): then nothing is held back for it.
     */
    static CompilerLoad ofThisJvm() {
        try {
            CompilationMXBean bean = ManagementFactory.getCompilationMXBean();
            if (bean == null || !bean.isCompilationTimeMonitoringSupported()) {
                return null;
            }
            return new CompilerLoad(System::nanoTime, bean::getTotalCompilationTime);
        } catch (RuntimeException | LinkageError e) {
            return null; // no management in this runtime: as if nothing compiled
        }
    }

    /**
     * Whether the compiler was busy in the last full window; busy until a first window has passed
     * (a process that has just started is compiling). Called by one thread at a time.
     */
    boolean busy() {
        long now = nanos.getAsLong();
        long elapsed = now - windowStart;
        if (elapsed >= WINDOW_NANOS) {
            long compiled = compilingMillis.getAsLong();
            busy = (compiled - compiledAtStart) * 1_000_000.0 >= BUSY_SHARE * elapsed;
            windowStart = now;
            compiledAtStart = compiled;
        }
        return busy;
    }
}
