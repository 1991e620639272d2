package kb.ops;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;

/**
 * One line per request on standard output: time, method, path (never the query string, which may
 * carry what a reader typed), status, bytes and milliseconds. Buffered and written every tenth of a
 * second by one thread, so logging costs a request neither a system call nor a wait for a lock.
 */
public final class AccessLog implements RequestLog, AutoCloseable {
    /** Lines waiting beyond this are dropped and counted, so a stuck stdout cannot eat the heap. */
    private static final int MAX_PENDING = 200_000;

    private final PrintStream out;
    private final ScheduledExecutorService flusher;
    // Request threads only enqueue (lock-free); one thread writes. A shared lock around the
    // stream made dozens of request threads queue behind each other under load.
    private final ConcurrentLinkedQueue<String> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();

    public AccessLog() {
        this(new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 64 * 1024), false,
                StandardCharsets.UTF_8));
    }

    AccessLog(PrintStream out) {
        this.out = out;
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "access-log-flush");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(this::flush, 100, 100, TimeUnit.MILLISECONDS);
    }

    /** Writes one line; the path is cut to 200 characters and control characters are replaced. */
    public void log(String method, String path, int status, long bytes, double millis) {
        long hundredths = Math.round(millis * 100);
        String line = Instant.now() + " " + method + " " + clean(path) + " " + status + " "
                + (bytes < 0 ? "-" : Long.toString(bytes)) + " " + hundredths / 100 + "."
                + (hundredths % 100 < 10 ? "0" : "") + hundredths % 100 + "ms";
        if (size.incrementAndGet() > MAX_PENDING) {
            size.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        pending.add(line);
    }

    /** Jetty calls this once the response is complete, so the byte count is what was really sent. */
    @Override
    public void log(Request request, Response response) {
        double millis = (System.nanoTime() - request.getBeginNanoTime()) / 1e6;
        log(request.getMethod(), request.getHttpURI().getPath(), response.getStatus(),
                Response.getContentBytesWritten(response), millis);
    }

    static String clean(String path) {
        String cut = path.length() > 200 ? path.substring(0, 200) + "…" : path;
        StringBuilder sb = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            sb.append(c < 0x20 || c == 0x7f || c == ' ' ? '?' : c);
        }
        return sb.toString();
    }

    /** Writes every waiting line; called by the flusher thread, and on close. */
    public synchronized void flush() {
        String line;
        while ((line = pending.poll()) != null) {
            size.decrementAndGet();
            out.println(line);
        }
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            out.println(Instant.now() + " access log: " + lost + " line(s) dropped, standard output too slow");
        }
        out.flush();
    }

    @Override
    public void close() {
        flusher.shutdown();
        flush();
    }
}
