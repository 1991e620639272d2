package kb.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The loader's parallel map: every item once, answers in order, the calling thread working too. */
class EveryCoreTest {
    @Test
    void everyItemIsMappedOnceAndTheAnswersKeepTheItemsOrder() {
        List<Integer> items = IntStream.range(0, 20_000).boxed().toList();
        AtomicInteger calls = new AtomicInteger();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<String> answers = EveryCore.map(items, i -> {
            calls.incrementAndGet();
            threads.add(Thread.currentThread().getName());
            return "#" + i;
        });
        assertThat(calls).hasValue(items.size());
        assertThat(answers).isEqualTo(items.stream().map(i -> "#" + i).toList());
        assertThat(threads).contains(Thread.currentThread().getName());
        assertThat(EveryCore.map(List.of(), i -> i)).isEmpty();
        assertThat(EveryCore.map(List.of(7), i -> i + 1)).containsExactly(8);
    }

    @Test
    void itemsAreTakenInTheOrderGivenAndAnsweredInTheirOwn() {
        List<String> items = List.of("a", "b", "c", "d", "e");
        int[] order = {4, 0, 3, 1, 2};
        List<String> taken = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        List<String> answers = EveryCore.map(items, order, s -> {
            taken.add(s);
            return s.toUpperCase();
        });
        assertThat(answers).containsExactly("A", "B", "C", "D", "E");
        // Two threads may finish their items in either order, but every item is taken once.
        assertThat(taken).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
        assertThatThrownBy(() -> EveryCore.map(items, new int[] {0, 1}, s -> s))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void languagesAreTakenInTurn() {
        List<java.nio.file.Path> files = java.util.stream.Stream.of(
                "en/a.md", "en/b.md", "en/c/d.md", "en/e.md", "pt/a.md", "pt/b.md", "zz/x.md")
                .map(java.nio.file.Path::of).toList();
        // The first of each language, then the second of each... each language's in file order.
        assertThat(ContentLoader.languagesInTurn(files)).containsExactly(0, 4, 6, 1, 5, 2, 3);
        assertThat(ContentLoader.languagesInTurn(List.of())).isEmpty();
    }

    @Test
    void noThreadWaitsForAnothersShareAtTheEnd() throws Exception {
        // The last two items are slow: a thread that is done with an item takes the next one left,
        // so those two run at once (where the pool has a thread besides the caller). A parallel
        // stream's threads each take a quarter of a list this short, and would run them one after the other.
        if (ForkJoinPool.getCommonPoolParallelism() < 1) {
            return;
        }
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<Integer> items = IntStream.range(0, 60).boxed().toList();
        EveryCore.map(items, i -> {
            boolean last = i >= items.size() - 2;
            if (last) {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            }
            try {
                Thread.sleep(last ? 300 : 5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (last) {
                running.decrementAndGet();
            }
            return i;
        });
        assertThat(mostAtOnce).hasValue(2);
    }

    /** A compiler that reports, at every question, that it compiled all the time since the last one (busy) or none of it. */
    private static CompilerLoad compiler(boolean busy) {
        AtomicLong clock = new AtomicLong();
        AtomicLong compiled = new AtomicLong();
        return new CompilerLoad(() -> clock.addAndGet(CompilerLoad.WINDOW_NANOS),
                () -> busy ? compiled.addAndGet(CompilerLoad.WINDOW_NANOS / 1_000_000) : compiled.get());
    }

    /**
     * Which thread took each item, in the order they were taken; each item sleeps (longer in the
     * second half), so that a pool thread that was let in has time to start and take some.
     */
    private static List<String> takers(int n, int cores, CompilerLoad compiler) {
        String[] by = new String[n];
        EveryCore.map(IntStream.range(0, n).boxed().toList(), null, i -> {
            by[i] = Thread.currentThread().getName();
            try {
                Thread.sleep(i < n / 2 ? 5 : 10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return i;
        }, cores, compiler);
        return List.of(by);
    }

    @Test
    void onTwoCoresTheCompilerKeepsACoreWhileItIsBusy() {
        if (ForkJoinPool.getCommonPoolParallelism() < 1) {
            return;
        }
        String me = Thread.currentThread().getName();
        List<String> busy = takers(60, 2, compiler(true));
        // Busy throughout: the calling thread alone until half the items are taken, then every thread.
        assertThat(busy.subList(0, 30)).containsOnly(me);
        assertThat(busy.subList(30, 60)).anyMatch(t -> !t.equals(me));
        // Calm: the pool joins after the first item.
        assertThat(takers(60, 2, compiler(false)).subList(0, 30)).anyMatch(t -> !t.equals(me));
        // No compiler to ask: nothing held back.
        assertThat(takers(60, 2, null).subList(0, 30)).anyMatch(t -> !t.equals(me));
    }

    @Test
    void withCoresToSpareNoThreadIsHeldBack() {
        if (ForkJoinPool.getCommonPoolParallelism() < 1) {
            return;
        }
        int cores = ForkJoinPool.getCommonPoolParallelism() + 2; // the pool, the caller and one for the compiler
        List<String> takers = takers(60, cores, compiler(true));
        assertThat(takers.subList(0, 30)).anyMatch(t -> !t.equals(Thread.currentThread().getName()));
    }

    @Test
    void theFirstFailureIsThrownAndNoItemStartsAfterIt() {
        AtomicInteger started = new AtomicInteger();
        List<Integer> items = IntStream.range(0, 1000).boxed().toList();
        assertThatThrownBy(() -> EveryCore.map(items, i -> {
            started.incrementAndGet();
            if (i == 10) {
                throw new IllegalArgumentException("item 10");
            }
            return i;
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("item 10");
        assertThat(started.get()).isLessThan(items.size());
    }
}
