package kb.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import kb.Site;

/**
 * Pages rendered once per content version: the HTML, its gzip form and a strong ETag taken from
 * the bytes, so every replica serving the same content answers the same ETag.
 */
final class PageCache {
    /** A page ready to send. */
    record Page(byte[] html, byte[] gzip, String etag) {}

    private record Generation(Site site, Map<String, Page> pages) {}

    private volatile Generation generation = new Generation(null, new ConcurrentHashMap<>());

    /** The page for this key in this content version, rendering it on first use. */
    Page get(Site site, String key, Supplier<String> render) {
        Generation g = generation;
        if (g.site() != site) {
            g = new Generation(site, new ConcurrentHashMap<>());
            generation = g;
        }
        return g.pages().computeIfAbsent(key, k -> prepare(render.get()));
    }

    static Page prepare(String html) {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        return new Page(bytes, gzip(bytes), "\"" + Assets.sha256(bytes).substring(0, 32) + "\"");
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
