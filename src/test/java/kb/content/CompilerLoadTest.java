package kb.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Whether the compiler is busy: its reported compiling time against the time that passed, a window at a time. */
class CompilerLoadTest {
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final AtomicLong compiledMillis = new AtomicLong(5_000);
    private final CompilerLoad load = new CompilerLoad(clock::get, compiledMillis::get);

    private void pass(long millis, long compiling) {
        clock.addAndGet(millis * 1_000_000L);
        compiledMillis.addAndGet(compiling);
    }

    @Test
    void busyUntilAFirstWindowHasPassed() {
        assertThat(load.busy()).isTrue();
        pass(100, 0);
        assertThat(load.busy()).isTrue();
        pass(400, 0); // a whole window without compiling
        assertThat(load.busy()).isFalse();
    }

    @Test
    void busyWhenCompilingTookHalfTheWindowOrMore() {
        long window = CompilerLoad.WINDOW_NANOS / 1_000_000;
        pass(window, window / 2);
        assertThat(load.busy()).isTrue();
        pass(window, window / 2 - 10);
        assertThat(load.busy()).isFalse();
        // Two compiler threads can report more compiling time than the time that passed.
        pass(window, 2 * window);
        assertThat(load.busy()).isTrue();
    }

    @Test
    void aVerdictHoldsUntilTheNextWindowEnds() {
        long window = CompilerLoad.WINDOW_NANOS / 1_000_000;
        pass(window, 0);
        assertThat(load.busy()).isFalse();
        pass(window / 2, window); // compiling, but the window has not ended
        assertThat(load.busy()).isFalse();
        pass(window / 2, 0);
        assertThat(load.busy()).isTrue();
    }
}
