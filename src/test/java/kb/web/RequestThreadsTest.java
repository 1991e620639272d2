package kb.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.Test;

/** The request pool tells the site's own background work when a request is being run. */
class RequestThreadsTest {
    @Test
    void thePoolIsBusyWhileItRunsARequestAndIdleOnceItHasRun() throws Exception {
        QueuedThreadPool pool = RequestThreads.pool(2);
        pool.start();
        try {
            BooleanSupplier busy = RequestThreads.busy(pool);
            assertThat(busy.getAsBoolean()).isFalse();
            CountDownLatch running = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            pool.execute(() -> {
                running.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            running.await();
            assertThat(busy.getAsBoolean()).isTrue();
            release.countDown();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (busy.getAsBoolean() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(busy.getAsBoolean()).isFalse();
        } finally {
            pool.stop();
        }
    }
}
