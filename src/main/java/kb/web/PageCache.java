package kb.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import kb.Site;

/**
 * Pages rendered once per content version: the HTML, its gzip form and a strong ETag taken from
 * the bytes, so every replica serving the same content answers the same ETag.
 */
final class PageCache {
    /** A page ready to send (HTML, or another document such as a sitemap). */
    record Page(byte[] body, byte[] gzip, String etag, String contentType) {
        long size() {
            return body.length + gzip.length + 64L;
        }

        /**
         * What a request with these headers gets, whoever sends it (the route, or {@link CachedPages}
         * ahead of it): 304 when it has this version, else the bytes, gzipped when it takes gzip.
         * The headers are put through {@code header}; the body is null for a 304.
         */
        byte[] answer(String ifNoneMatch, String acceptEncoding, BiConsumer<String, String> header) {
            header.accept("ETag", etag);
            header.accept("Cache-Control", CACHE_CONTROL);
            header.accept("Vary", "Accept-Encoding");
            if (Http.matches(ifNoneMatch, etag)) {
                return null;
            }
            boolean gzipped = Http.acceptsGzip(acceptEncoding);
            byte[] sent = gzipped ? gzip : body;
            header.accept("Content-Type", contentType);
            if (gzipped) {
                header.accept("Content-Encoding", "gzip");
            }
            header.accept("Content-Length", Integer.toString(sent.length));
            return sent;
        }
    }

    /** How long a prepared page may be used without asking again: a minute, then revalidated by ETag. */
    static final String CACHE_CONTROL = "public, max-age=60, must-revalidate";

    /**
     * At most this many bytes of prepared pages are kept per content version: a crawler walking ten
     * thousand articles must not hold them all on the heap. Past it, pages are dropped (in no
     * particular order) and rendered again when asked for.
     */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    /** A prepared page as a GET of its path without a query answers it, and the route that prepared it. */
    record Routed(Page page, String route) {}

    private record Generation(Site site, Map<String, Page> pages, AtomicLong bytes, Map<String, Routed> byPath) {
        Generation(Site site) {
            this(site, new ConcurrentHashMap<>(), new AtomicLong(), new ConcurrentHashMap<>());
        }
    }

    private volatile Generation generation = new Generation(null);

    /** The page for this key in this content version, rendering it on first use. */
    Page get(Site site, String key, Supplier<String> render) {
        return get(site, key, HTML, () -> java.util.Optional.of(render.get()));
    }

    /**
     * The document of this type for this key in this content version, made on first use; null
     * when {@code make} has none (then nothing is kept).
     */
    Page get(Site site, String key, String contentType, Supplier<java.util.Optional<String>> make) {
        Generation g = generation;
        if (g.site() != site) {
            g = new Generation(site);
            generation = g;
        }
        Page known = g.pages().get(key);
        if (known != null) {
            return known;
        }
        java.util.Optional<String> text = make.get();
        if (text.isEmpty()) {
            return null;
        }
        Page page = prepare(text.get(), contentType);
        Page earlier = g.pages().putIfAbsent(key, page);
        if (earlier != null) {
            return earlier;
        }
        if (g.bytes().addAndGet(page.size()) > MAX_BYTES) {
            trim(g);
        }
        return page;
    }

    /**
     * Remembers that a GET of this path (with no query) is answered by this page in this content
     * version, by the given route.
     */
    void answers(Site site, String path, Page page, String route) {
        Generation g = generation;
        if (g.site() == site) {
            g.byPath().put(path, new Routed(page, route));
        }
    }

    /** The page a GET of this path (with no query) is answered by in this content version; null when not known. */
    Routed at(Site site, String path) {
        Generation g = generation;
        return g.site() == site ? g.byPath().get(path) : null;
    }

    private static void trim(Generation g) {
        g.byPath().clear();
        var it = g.pages().entrySet().iterator();
        while (g.bytes().get() > MAX_BYTES * 3 / 4 && it.hasNext()) {
            Map.Entry<String, Page> e = it.next();
            if (g.pages().remove(e.getKey(), e.getValue())) {
                g.bytes().addAndGet(-e.getValue().size());
            }
        }
    }

    static final String HTML = "text/html;charset=utf-8";

    static Page prepare(String html) {
        return prepare(html, HTML);
    }

    static Page prepare(String text, String contentType) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new Page(bytes, gzip(bytes), "\"" + Assets.sha256(bytes).substring(0, 32) + "\"", contentType);
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
