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

/**
 * Maps a list on every core: the calling thread and the common pool's threads, each taking the
 * next item no thread has taken yet, so that all of them finish within one item of each other.
 * A parallel stream cuts a list into four parts a pool thread, and each thread works through the
 * parts it took: at a cold start's 20,000 files on two cores, parts of 5,000 files, and one core
 * could be seconds into its last part while the other had nothing left (bench/ANALYSIS.md).
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
        int n = items.size();
        if (order != null && order.length != n) {
            throw new IllegalArgumentException("an order of " + order.length + " for " + n + " items");
        }
        Object[] answers = new Object[n];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Runnable work = () -> {
            for (int k = next.getAndIncrement(); k < n && failed.get() == null; k = next.getAndIncrement()) {
                int i = order == null ? k : order[k];
                try {
                    answers[i] = function.apply(items.get(i));
                } catch (Throwable t) {
                    failed.compareAndSet(null, t);
                }
            }
        };
        int helpers = Math.min(ForkJoinPool.getCommonPoolParallelism(), n - 1);
        List<ForkJoinTask<?>> started = new ArrayList<>(Math.max(0, helpers));
        for (int h = 0; h < helpers; h++) {
            started.add(ForkJoinPool.commonPool().submit(work));
        }
        work.run();
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
}
