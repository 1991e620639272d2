package kb.web;

import java.util.function.BooleanSupplier;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;

/**
 * How many threads answer requests, and what keeps those few from waiting on a client.
 *
 * <p>Every request the site answers is work for the processor alone (a prepared page, a search, a
 * page rendered from memory): nothing waits on a disk, another server or the database (votes and
 * searches are queued for a writer thread; the insights pages, which read the database, take at
 * most {@link kb.insights.report.InsightsPage#CONCURRENT_READS} threads). Running more such requests at once than there are
 * cores only makes them share the cores: with Jetty's default pool (up to 250 threads), 32
 * connections meant 32 requests sliced by the scheduler, and a request that lost its slice waited
 * for the others' — search's p99 at 32 connections was 21–26 ms on two cores. With a few threads
 * per core, the requests beyond them wait in the pool's queue in arrival order instead, each then
 * running to its end: p99 13–18 ms at the same throughput (alternated runs, ANALYSIS).
 *
 * <p>What could hold one of so few threads is a client: a request body sent slowly would be read
 * by a blocked thread. Bodies (at most {@code maxRequestSize}) are therefore read before a thread
 * takes the request ({@link #bodiesFirst}): the request is only dispatched once its body is all
 * there. Answers go to the socket's buffer, which takes any page whole; the one answer that can be
 * megabytes, the sitemap, is written without a thread waiting on the client ({@link CachedPages}).
 */
public final class RequestThreads {
    /** Threads per core; measured on two cores, where 8 in all did better than 6, 12, 16 and 250. */
    static final int PER_CORE = 4;
    /** Jetty's acceptor and selector threads come out of the same pool. */
    static final int AT_LEAST = 8;

    private RequestThreads() {}

    /** The pool's size on a machine of {@code cores} processors. */
    public static int size(int cores) {
        return Math.max(AT_LEAST, PER_CORE * cores);
    }

    /** The pool Jetty runs requests on: its size of threads, kept (no thread made per burst). */
    public static QueuedThreadPool pool(int cores) {
        int n = size(cores);
        QueuedThreadPool pool = new QueuedThreadPool(n, n);
        pool.setName("kb-request");
        return pool;
    }

    /**
     * Whether the pool is running a request or has one waiting for a thread: its threads that run
     * a request (not those that accept connections or select), and its queue. What work of the
     * site's own gives way to (the search warm-up after a start).
     */
    public static BooleanSupplier busy(ThreadPool pool) {
        if (pool instanceof QueuedThreadPool queued) {
            return () -> queued.getUtilizedThreads() > 0 || queued.getQueueSize() > 0;
        }
        return () -> false;
    }

    /**
     * A handler that holds a request until its body (up to {@code maxBytes}) has arrived, without a
     * thread, then passes it on with the body to read from memory. A request without a body passes
     * straight on. A bigger body is passed on once {@code maxBytes} have come, to be refused there.
     */
    public static Handler.Wrapper bodiesFirst(long maxBytes) {
        return new EagerContentHandler(new EagerContentHandler.RetainedContentLoaderFactory(maxBytes, -1, false));
    }
}
