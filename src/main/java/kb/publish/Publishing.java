package kb.publish;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import kb.content.Library;

/**
 * The routes crawlers, browsers and feed readers fetch: {@code /robots.txt}, {@code /sitemap.xml},
 * {@code /<lang>/feed.xml} and {@code /<lang>/opensearch.xml}. Each is built from the current
 * library, so a reload shows at once; the sitemap once per content version.
 */
public final class Publishing {
    private static final String CACHE = "public, max-age=300";
    /** The sitemap protocol's limit of URLs in one file. */
    static final int SITEMAP_LIMIT = 50_000;

    private final int sitemapLimit;
    private final Supplier<Library> library;
    private final Urls urls;
    private final BiFunction<String, String, String> text;
    private final List<String> fixedPages;
    private volatile SitemapFiles sitemap;

    /** A content version's sitemap entries. */
    private record SitemapFiles(Library library, List<Sitemap.Entry> entries) {}

    /**
     * @param base       the configured public base URL
     * @param text       the UI string of a key in a language
     * @param fixedPages pages that exist in every language besides the articles, as the path after
     *                   {@code /<lang>}: {@code "/"} for the home, {@code "/admin-consent"}, …
     */
    public Publishing(Supplier<Library> library, Supplier<URI> base, BiFunction<String, String, String> text,
            List<String> fixedPages) {
        this(library, base, text, fixedPages, SITEMAP_LIMIT);
    }

    /** @param sitemapLimit URLs per sitemap file before {@code /sitemap.xml} becomes an index; tests make it small */
    Publishing(Supplier<Library> library, Supplier<URI> base, BiFunction<String, String, String> text,
            List<String> fixedPages, int sitemapLimit) {
        this.sitemapLimit = sitemapLimit;
        this.library = library;
        this.urls = new Urls(base, () -> library.get().languages());
        this.text = text;
        this.fixedPages = List.copyOf(fixedPages);
    }

    /** {@code /robots.txt}: everything may be crawled except the APIs and search results; names the sitemap. */
    public void robots(Context ctx) {
        StringBuilder robots = new StringBuilder("User-agent: *\nDisallow: /api/\n");
        for (String lang : library.get().languages().codes()) {
            robots.append("Disallow: /").append(lang).append("/search\n");
        }
        robots.append("\nSitemap: ").append(urls.absolute("/sitemap.xml")).append('\n');
        ctx.header("Cache-Control", CACHE).contentType("text/plain; charset=utf-8").result(robots.toString());
    }

    /**
     * {@code /sitemap.xml}: every article, category and tag page in both languages with lastmod and
     * hreflang alternates; past the protocol's limit of URLs per file, the index of
     * {@code /sitemap-1.xml}, {@code /sitemap-2.xml}, …
     */
    public void sitemap(Context ctx) {
        send(ctx, sitemapFile("/sitemap.xml"));
    }

    /** {@code /sitemap-<n>.xml}: one part of a sitemap index; 404 when the sitemap fits in one file or has no such part. */
    public void sitemapPart(Context ctx) {
        send(ctx, sitemapFile("/sitemap-" + ctx.pathParam("n") + ".xml"));
    }

    private static void send(Context ctx, Optional<String> xml) {
        if (xml.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).contentType("text/plain; charset=utf-8").result("Not found");
            return;
        }
        ctx.header("Cache-Control", CACHE).contentType("application/xml; charset=utf-8").result(xml.get());
    }

    /**
     * The text of the sitemap's file at a path: {@code /sitemap.xml} (every URL, or past the
     * protocol's limit the index of the parts), or {@code /sitemap-<n>.xml} when the sitemap has
     * that part; empty for any other path. Made anew each time: the web layer keeps the bytes it
     * sends, once per content version ({@link kb.web.CachedPages}).
     */
    public Optional<String> sitemapFile(String path) {
        SitemapFiles s = sitemapFiles();
        List<Sitemap.Entry> entries = s.entries();
        int parts = (entries.size() + sitemapLimit - 1) / sitemapLimit;
        if (path.equals("/sitemap.xml")) {
            return Optional.of(parts <= 1 ? Sitemap.xml(entries, urls) : Sitemap.index(parts, urls));
        }
        if (!path.startsWith("/sitemap-") || !path.endsWith(".xml")) {
            return Optional.empty();
        }
        String raw = path.substring("/sitemap-".length(), path.length() - ".xml".length());
        if (parts < 2 || raw.length() > 9 || !raw.matches("[1-9][0-9]*") || Integer.parseInt(raw) > parts) {
            return Optional.empty();
        }
        int from = (Integer.parseInt(raw) - 1) * sitemapLimit;
        return Optional.of(Sitemap.xml(entries.subList(from, Math.min(entries.size(), from + sitemapLimit)), urls));
    }

    private SitemapFiles sitemapFiles() {
        Library now = library.get();
        SitemapFiles s = sitemap;
        if (s == null || s.library() != now) {
            s = new SitemapFiles(now, Sitemap.entries(now, fixedPages));
            sitemap = s;
        }
        return s;
    }

    /** {@code /<lang>/feed.xml}: the language's articles, most recently updated first, as Atom. */
    public void feed(Context ctx) {
        String lang = ctx.pathParam("lang");
        if (!library.get().languages().contains(lang)) {
            ctx.status(HttpStatus.NOT_FOUND);
            return;
        }
        AtomFeed.Labels labels = new AtomFeed.Labels(text.apply(lang, "feed.title"),
                text.apply(lang, "feed.subtitle"), text.apply(lang, "site.name"));
        String xml = AtomFeed.xml(lang, library.get().articles(lang), labels, urls);
        ctx.header("Cache-Control", CACHE).contentType("application/atom+xml; charset=utf-8").result(xml);
    }

    /** {@code /<lang>/opensearch.xml}: lets a browser offer the knowledge base as a search engine. */
    public void openSearch(Context ctx) {
        String lang = ctx.pathParam("lang");
        if (!library.get().languages().contains(lang)) {
            ctx.status(HttpStatus.NOT_FOUND);
            return;
        }
        String xml = OpenSearch.xml(lang, text.apply(lang, "site.name"), text.apply(lang, "opensearch.description"), urls);
        ctx.header("Cache-Control", CACHE).contentType("application/opensearchdescription+xml; charset=utf-8").result(xml);
    }
}
