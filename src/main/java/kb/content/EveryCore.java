package kb.content;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.IntPredicate;

/**
 * Maps a list on every core: the calling thread and the common pool's threads, each taking the
 * next item no thread has taken yet, so that all of them finish within one item of each other.
 * A parallel stream cuts a list into four parts a pool thread, and each thread works through the
 * parts it took: at a cold start's 20,000 files on two cores, parts of 5,000 files, and one core
 * could be seconds into its last part while the other had nothing left (bench/ANALYSIS.md).
 * While the JIT compiler is busy, it is left a core of its own ({@link CompilerLoad}).
 */
final class EveryCore {
    private EveryCore() {}

    /**
     * The function's answer for each item, in the items' order. The first exception or error it
     * throws is thrown here, once every thread has stopped (no item is started after it).
     */
    static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> function) {
        return map(items, null, function);
    }

    /**
     * The same, with the items taken in the order given ({@code order[k]} is the index of the
     * k-th item taken; null for the items' own order): the answers are still in the items' order.
     */
    static <T, R> List<R> map(List<T> items, int[] order, Function<? super T, ? extends R> function) {
        return map(items, order, function, Runtime.getRuntime().availableProcessors(), CompilerLoad.ofThisJvm());
    }

    /**
     * The same, leaving the JIT compiler a core while it is busy: of the pool threads, those that
     * would leave it none (all of them on two cores) join once it calms down, or once half the
     * items are taken, whichever comes first (should its report mislead, the calling thread has
     * still done no more than half the work alone).
     *
     * @param cores    the machine's cores
     * @param compiler what tells whether the compiler is busy; null to hold no thread back
     */
    static <T, R> List<R> map(List<T> items, int[] order, Function<? super T, ? extends R> function,
            int cores, CompilerLoad compiler) {
        int n = items.size();
        if (order != null && order.length != n) {
            throw new IllegalArgumentException("an order of " + order.length + " for " + n + " items");
        }
        Object[] answers = new Object[n];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        IntPredicate take = k -> {
            if (k >= n || failed.get() != null) {
                return false;
            }
            int i = order == null ? k : order[k];
            try {
                answers[i] = function.apply(items.get(i));
            } catch (Throwable t) {
                failed.compareAndSet(null, t);
            }
            return true;
        };
        Runnable work = () -> {
            while (take.test(next.getAndIncrement())) {
                // each thread takes the next item no thread has taken yet
            }
        };
        int helpers = Math.max(0, Math.min(ForkJoinPool.getCommonPoolParallelism(), n - 1));
        // Those that start at once: all of them, or those that leave the compiler a core.
        int early = compiler == null ? helpers : Math.min(helpers, Math.max(0, cores - 2));
        List<ForkJoinTask<?>> started = new ArrayList<>(helpers);
        submit(work, early, started);
        boolean allIn = early == helpers;
        for (int k = next.getAndIncrement(); take.test(k); k = next.getAndIncrement()) {
            if (!allIn && (k >= n / 2 || !compiler.busy())) {
                submit(work, helpers - early, started);
                allIn = true;
            }
        }
        for (ForkJoinTask<?> task : started) {
            task.join(); // its answers are visible here once it is done
        }
        Throwable t = failed.get();
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t); // a checked exception thrown sneakily
        }
        @SuppressWarnings("unchecked")
        List<R> list = (List<R>) Collections.unmodifiableList(Arrays.asList(answers));
        return list;
    }

    private static void submit(Runnable work, int threads, List<ForkJoinTask<?>> started) {
        for (int h = 0; h < threads; h++) {
            started.add(ForkJoinPool.commonPool().submit(work));
        }
    }
}
