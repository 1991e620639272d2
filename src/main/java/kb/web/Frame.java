package kb.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import kb.Site;
import kb.content.Article;
import kb.content.Library;
import kb.publish.Head;
import kb.publish.HeadMeta;

/**
 * What every HTML page shares: the layout's model (title, language switch, hreflang links), the
 * not-found page and the way a page is sent.
 */
public final class Frame {
    /** A link to the same page in one language, for hreflang and the language switch. */
    public record Alternate(String lang, String url) {}

    private final Templates templates;
    private final Map<String, Messages> messages;
    private final PageCache cache = new PageCache();
    private final Head head;

    public Frame(Templates templates, Map<String, Messages> messages, Head head) {
        this.templates = templates;
        this.messages = Map.copyOf(messages);
        this.head = head;
    }

    public Messages messages(String lang) {
        return messages.get(lang);
    }

    /** Renders a page template and sends it as UTF-8 HTML; for pages that depend on the request. */
    public void send(Context ctx, String template, String lang, Map<String, Object> model) {
        ctx.contentType("text/html; charset=utf-8");
        ctx.header("Cache-Control", "no-cache");
        // As sendCached: a known length goes out in one write, never as chunks that a replica dying
        // mid-answer could cut (the scale-out test's load includes the consent page).
        byte[] body = templates.render(template, lang, model).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ctx.header("Content-Length", Integer.toString(body.length));
        ctx.result(body);
    }

    /**
     * Sends a page that depends only on the content version: rendered once, then answered from
     * memory, gzipped when the client takes it, and 304 when the client already has it.
     */
    public void sendCached(Context ctx, Site site, String key, String template, String lang, Supplier<Map<String, Object>> model) {
        PageCache.Page page = cache.get(site, key, () -> templates.render(template, lang, model.get()));
        ctx.header("ETag", page.etag());
        ctx.header("Cache-Control", "public, max-age=60, must-revalidate");
        ctx.header("Vary", "Accept-Encoding");
        if (Http.matches(ctx.header("If-None-Match"), page.etag())) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType("text/html; charset=utf-8");
        boolean gzip = Http.acceptsGzip(ctx.header("Accept-Encoding"));
        byte[] body = gzip ? page.gzip() : page.html();
        if (gzip) {
            ctx.header("Content-Encoding", "gzip");
        }
        // A known length lets Jetty send headers and body in one write instead of chunks.
        ctx.header("Content-Length", Integer.toString(body.length));
        ctx.result(body);
    }

    /** What the layout needs on every page: titles, the language switch and the hreflang links. */
    public Map<String, Object> layout(String lang, String title, String description, List<Alternate> alternates) {
        return layout(lang, title, description, alternates, Optional.empty());
    }

    /** The layout's model for a page that shows an article, whose head then describes the article. */
    public Map<String, Object> layout(String lang, String title, String description, List<Alternate> alternates,
            Optional<Article> article) {
        Map<String, Object> model = new HashMap<>();
        Map<String, String> versions = new LinkedHashMap<>();
        alternates.forEach(a -> versions.put(a.lang(), a.url()));
        model.put("head", head.page(lang, title, description, versions, article));
        String other = Library.LANGUAGES.stream().filter(l -> !l.equals(lang)).findFirst().orElse(lang);
        model.put("otherLang", other);
        model.put("title", title);
        model.put("description", description);
        model.put("switchUrl", alternates.stream().filter(a -> a.lang().equals(other)).map(Alternate::url)
                .findFirst().orElse("/" + other + "/"));
        model.put("query", "");
        return model;
    }

    /** The same path in every language, for pages that exist in both (home, search, consent). */
    public static List<Alternate> everyLanguage(String pathAfterLang) {
        return Library.LANGUAGES.stream().map(l -> new Alternate(l, "/" + l + pathAfterLang)).toList();
    }

    /** The 404 page, in the language of the path's first segment (Portuguese when it has none). */
    public void notFound(Context ctx) {
        String lang = languageOf(ctx.path());
        Map<String, Object> model = layout(lang, messages.get(lang).get("notfound.title"), "", everyLanguage("/"));
        keepOutOfSearchEngines(model);
        ctx.status(HttpStatus.NOT_FOUND);
        send(ctx, "notfound", lang, model);
    }

    /** For pages that are not content (not found, search results): noindex, no canonical, no structured data. */
    public static void keepOutOfSearchEngines(Map<String, Object> model) {
        model.computeIfPresent("head", (k, h) -> ((HeadMeta) h).noindex());
    }

    static String languageOf(String path) {
        for (String lang : Library.LANGUAGES) {
            if (path.equals("/" + lang) || path.startsWith("/" + lang + "/")) {
                return lang;
            }
        }
        return "pt";
    }
}
