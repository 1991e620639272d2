package kb.search;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.IndexReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the readers of replaced index versions once no request can still be using them: a
 * request reads the site version current when it started, and no search runs longer than its
 * time budget (half a second), so a minute is far past the last use.
 */
final class Retirement {
    private static final Logger LOG = LoggerFactory.getLogger(Retirement.class);
    private static final long AFTER_SECONDS = 60;
    private static final ScheduledExecutorService CLOSER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "index-retirement");
        t.setDaemon(true);
        return t;
    });

    private Retirement() {}

    static void later(IndexReader reader) {
        CLOSER.schedule(() -> {
            try {
                reader.close();
            } catch (IOException | RuntimeException e) {
                LOG.debug("closing a replaced index reader", e);
            }
        }, AFTER_SECONDS, TimeUnit.SECONDS);
    }
}
