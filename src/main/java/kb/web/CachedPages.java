package kb.web;

import java.nio.ByteBuffer;
import java.util.function.Supplier;
import kb.Site;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers a GET of a page already prepared for the current content version (an article, a
 * language's home, a category or tag page, the consent page: whatever a route sent with
 * {@link Responder#sendCached} for that path with no query) straight from Jetty, ahead of the
 * servlet layer: the same bytes and headers the route sends, without routing, servlet wrappers and
 * per-request handlers. Anything else (a first request, a query string, another method) goes
 * through the site's routes as usual, and is what prepares the page. A HEAD is handled as the GET
 * of the same URL, whose body Jetty does not send.
 *
 * <p>Before the first content version is loaded (the port opens while it loads), every request is
 * answered 503 with {@code Retry-After}, {@code /health} included: nothing behind it can answer yet.
 */
public final class CachedPages extends Handler.Wrapper {
    /** What an answered request reports: method, route, status and milliseconds, as the routes do. */
    @FunctionalInterface
    public interface Served {
        void request(String method, String route, int status, double millis);
    }

    /** The sitemap's text at a path ({@code /sitemap.xml}, {@code /sitemap-2.xml}); empty for any other path. */
    @FunctionalInterface
    public interface Sitemaps {
        java.util.Optional<String> at(String path);
    }

    static final String SITEMAP_TYPE = "application/xml;charset=utf-8";

    private final Supplier<Site> site;
    private final Responder responder;
    private final Served served;
    private final Sitemaps sitemaps;

    /**
     * @param sitemaps the sitemap's files, answered here whatever the query: at 10,000 articles per
     *                 language {@code /sitemap.xml} is 12 MB (860 KB gzipped), and written from
     *                 here it holds no request thread while a crawler reads it, however slowly
     */
    public CachedPages(Supplier<Site> site, Responder responder, Served served, Sitemaps sitemaps) {
        this.site = site;
        this.responder = responder;
        this.served = served;
        this.sitemaps = sitemaps;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Site current = site.get();
        if (current == null) {
            return starting(request, response, callback);
        }
        if ("HEAD".equals(request.getMethod())) {
            // A HEAD is the GET of the same URL without its body (RFC 9110): the routes answer it
            // as a GET, and Jetty, which knows the request is a HEAD, sends the headers alone.
            request = new Request.Wrapper(request) {
                @Override
                public String getMethod() {
                    return "GET";
                }
            };
        }
        if (!"GET".equals(request.getMethod())) {
            return super.handle(request, response, callback);
        }
        long started = System.nanoTime();
        String path = request.getHttpURI().getPath();
        if (path.startsWith("/sitemap")) {
            PageCache.Page sitemap = responder.document(current, path, SITEMAP_TYPE, () -> sitemaps.at(path));
            if (sitemap != null) {
                return answer(request, response, callback, sitemap, "/sitemap", started);
            }
        }
        if (request.getHttpURI().getQuery() != null) {
            return super.handle(request, response, callback);
        }
        PageCache.Routed routed = responder.prepared(current, path);
        if (routed == null) {
            return super.handle(request, response, callback);
        }
        return answer(request, response, callback, routed.page(), routed.route(), started);
    }

    /**
     * A prepared page's answer, written without waiting: Jetty sends what the socket takes and the
     * rest as the client reads, on no thread of the pool.
     */
    private boolean answer(Request request, Response response, Callback callback, PageCache.Page page, String route, long started) {
        HttpFields.Mutable headers = response.getHeaders();
        SecurityHeaders.HEADERS.forEach(headers::put);
        byte[] body = page.answer(request.getHeaders().get(HttpHeader.IF_NONE_MATCH),
                request.getHeaders().get(HttpHeader.ACCEPT_ENCODING), headers::put);
        int status = body == null ? HttpStatus.NOT_MODIFIED_304 : HttpStatus.OK_200;
        response.setStatus(status);
        response.write(true, body == null ? null : ByteBuffer.wrap(body), callback);
        served.request("GET", route, status, (System.nanoTime() - started) / 1e6);
        return true;
    }

    /** The answer while the content is still loading: come back in a second. */
    private boolean starting(Request request, Response response, Callback callback) {
        HttpFields.Mutable headers = response.getHeaders();
        SecurityHeaders.HEADERS.forEach(headers::put);
        headers.put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        headers.put(HttpHeader.RETRY_AFTER, "1");
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE_503);
        response.write(true, ByteBuffer.wrap(STARTING), callback);
        served.request(request.getMethod(), "starting", HttpStatus.SERVICE_UNAVAILABLE_503, 0);
        return true;
    }

    private static final byte[] STARTING = ("Starting: the articles are still loading. Try again in a moment.\n"
            + "Iniciando: os artigos ainda estão carregando. Tente de novo em instantes.\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
}
