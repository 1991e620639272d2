package kb.ops;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;

/**
 * One line per request on standard output: time, method, path (never the query string, which may
 * carry what a reader typed), status, bytes and milliseconds. Buffered and flushed every quarter
 * second, so logging does not cost a system call per request.
 */
public final class AccessLog implements RequestLog, AutoCloseable {
    private final PrintStream out;
    private final ScheduledExecutorService flusher;

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
        flusher.scheduleWithFixedDelay(this::flush, 250, 250, TimeUnit.MILLISECONDS);
    }

    /** Writes one line; the path is cut to 200 characters and control characters are replaced. */
    public void log(String method, String path, int status, long bytes, double millis) {
        String line = Instant.now() + " " + method + " " + clean(path) + " " + status + " "
                + (bytes < 0 ? "-" : Long.toString(bytes)) + " " + String.format(java.util.Locale.ROOT, "%.2f", millis) + "ms";
        synchronized (out) {
            out.println(line);
        }
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

    public void flush() {
        synchronized (out) {
            out.flush();
        }
    }

    @Override
    public void close() {
        flusher.shutdown();
        flush();
    }
}
