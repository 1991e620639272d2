package kb.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import kb.Site;

/**
 * Sends HTML pages: rendered for the request, or prepared once per content version and answered
 * from memory with a strong ETag, gzip when the client takes it, and 304 when it already has it.
 * Either way with a known length, so a page goes out in one write, never as chunks that a replica
 * dying mid-answer could cut.
 */
public final class Responder {
    private final Templates templates;
    private final PageCache cache = new PageCache();

    public Responder(Templates templates) {
        this.templates = templates;
    }

    /** A page that depends on the request: rendered now, revalidated every time. */
    public void send(Context ctx, View view) {
        send(ctx, render(view));
    }

    /** A page's bytes, for a page sent more than once with {@link #send(Context, byte[])}. */
    byte[] render(View view) {
        return templates.render(view).getBytes(StandardCharsets.UTF_8);
    }

    /** A page rendered before (see {@link #render}), sent as {@link #send(Context, View)} sends one. */
    void send(Context ctx, byte[] body) {
        ctx.contentType("text/html; charset=utf-8");
        ctx.header("Cache-Control", "no-cache");
        ctx.header("Content-Length", Integer.toString(body.length));
        ctx.result(body);
    }

    /**
     * The page a GET of this path without a query was answered with in this content version, and
     * by which route; null when none was yet (see {@link CachedPages}).
     */
    PageCache.Routed prepared(Site site, String path) {
        return cache.at(site, path);
    }

    /**
     * A document other than a page that depends only on the content version (a sitemap), made by
     * {@code make} once per version and path; null when {@code make} has none for the path.
     */
    PageCache.Page document(Site site, String path, String contentType, Supplier<java.util.Optional<String>> make) {
        return cache.get(site, "document " + path, contentType, make);
    }

    /** A page that depends only on the content version: {@code view} is called once per version and key. */
    public void sendCached(Context ctx, Site site, String key, Supplier<View> view) {
        PageCache.Page page = cache.get(site, key, () -> templates.render(view.get()));
        if (ctx.queryString() == null && ctx.method() == io.javalin.http.HandlerType.GET) {
            var matched = ctx.endpoints().matchedHttpEndpoint();
            cache.answers(site, ctx.path(), page, matched == null ? "unmatched" : matched.path);
        }
        byte[] body = page.answer(ctx.header("If-None-Match"), ctx.header("Accept-Encoding"), ctx::header);
        if (body == null) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.result(body);
    }
}
