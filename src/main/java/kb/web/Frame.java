package kb.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import kb.Site;
import kb.content.Article;
import kb.content.Language;
import kb.content.Languages;
import kb.publish.Head;
import kb.publish.HeadMeta;

/**
 * What every HTML page shares: the layout's model (title, language switch, hreflang links), the
 * not-found page and the way a page is sent.
 */
public final class Frame {
    /** A link to the same page in one language, for hreflang and the language switch. */
    public record Alternate(String lang, String url) {}

    /**
     * One link of the language switch: to this page in another language, named in that language.
     *
     * @param sectionIds the target's section ids in order, for the script that keeps the reader's place; null when unknown
     */
    public record Switch(String lang, String hreflang, String name, String hint, String url, String sectionIds) {
        Switch to(String otherUrl) {
            return new Switch(lang, hreflang, name, hint, otherUrl, sectionIds);
        }

        Switch withSections(String ids) {
            return new Switch(lang, hreflang, name, hint, url, ids);
        }
    }

    private final Templates templates;
    private final Function<String, Messages> messages;
    private final Supplier<Languages> languages;
    private final PageCache cache = new PageCache();
    private final Head head;

    /** A frame over fixed strings of the built-in languages; for tests that render pages without a site. */
    public Frame(Templates templates, Map<String, Messages> messages, Head head) {
        this(templates, messages::get, () -> Languages.BUILT_IN, head);
    }

    /**
     * @param messages  the current UI strings of a language, by code
     * @param languages the languages currently served
     */
    public Frame(Templates templates, Function<String, Messages> messages, Supplier<Languages> languages, Head head) {
        this.templates = templates;
        this.messages = messages;
        this.languages = languages;
        this.head = head;
    }

    public Messages messages(String lang) {
        return messages.apply(lang);
    }

    /** The languages being served now. */
    public Languages languages() {
        return languages.get();
    }

    /**
     * The language of a page route's {@code {lang}} path parameter: the one check every page
     * handler makes. Empty after sending the 404 page when it is not a language of the site.
     */
    public Optional<String> language(Context ctx) {
        String lang = ctx.pathParam("lang");
        if (languages().contains(lang)) {
            return Optional.of(lang);
        }
        notFound(ctx);
        return Optional.empty();
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
        return layout(lang, title, description, alternates, article, List.of());
    }

    /**
     * The layout's model for a page inside categories: {@code trail} (the steps between the home and
     * the page) feeds both the visible breadcrumb and the JSON-LD BreadcrumbList, so they always agree.
     */
    public Map<String, Object> layout(String lang, String title, String description, List<Alternate> alternates,
            Optional<Article> article, List<Head.Crumb> trail) {
        Map<String, Object> model = new HashMap<>();
        Map<String, String> versions = new LinkedHashMap<>();
        alternates.forEach(a -> versions.put(a.lang(), a.url()));
        model.put("head", head.page(lang, title, description, versions, article, trail));
        model.put("trail", trail);
        model.put("title", title);
        model.put("description", description);
        Messages m = messages(lang);
        List<Switch> switches = new ArrayList<>();
        for (Language l : languages().all()) {
            if (!l.code().equals(lang)) {
                String hintKey = "lang.switch.hint." + l.code();
                String hint = m.has(hintKey) ? m.get(hintKey) : m.get("lang.switch.hint", l.name());
                switches.add(new Switch(l.code(), l.hreflang(), l.name(), hint,
                        versions.getOrDefault(l.code(), "/" + l.code() + "/"), null));
            }
        }
        model.put("switches", switches);
        // Hits of other languages on a results page carry their language's tag and name.
        Map<String, String> hreflangs = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        languages().all().forEach(l -> {
            hreflangs.put(l.code(), l.hreflang());
            names.put(l.code(), l.name());
        });
        model.put("hreflangs", hreflangs);
        model.put("hreflangPairs", String.join(" ", languages().all().stream().map(l -> l.code() + "=" + l.hreflang()).toList()));
        model.put("languageNames", names);
        model.put("query", "");
        return model;
    }

    /**
     * Points the language switch somewhere else than the page's translation (the other language's
     * category even where it has fewer pages, say): {@code url} gives the new target of a language, or empty to keep it.
     */
    @SuppressWarnings("unchecked")
    public static void retargetSwitch(Map<String, Object> model, Function<String, Optional<String>> url) {
        model.computeIfPresent("switches", (k, v) -> ((List<Switch>) v).stream()
                .map(s -> url.apply(s.lang()).map(s::to).orElse(s)).toList());
    }

    /** Gives each switch link the section ids of the page it leads to (empty: none known). */
    @SuppressWarnings("unchecked")
    public static void switchSections(Map<String, Object> model, Function<String, Optional<String>> ids) {
        model.computeIfPresent("switches", (k, v) -> ((List<Switch>) v).stream()
                .map(s -> ids.apply(s.lang()).map(s::withSections).orElse(s)).toList());
    }

    /** Marks the page as one of a paged list: {@code rel=prev}/{@code rel=next} in its head (site-relative paths or null). */
    public void paged(Map<String, Object> model, String prevPath, String nextPath) {
        model.computeIfPresent("head", (k, h) -> head.paged((HeadMeta) h, prevPath, nextPath));
    }

    /** The same path in every language, for pages that exist in all of them (home, search, consent). */
    public List<Alternate> everyLanguage(String pathAfterLang) {
        return languages().codes().stream().map(l -> new Alternate(l, "/" + l + pathAfterLang)).toList();
    }

    /** The 404 page, in the language of the path's first segment (the default language when it has none). */
    public void notFound(Context ctx) {
        String lang = languageOf(languages(), ctx.path());
        Map<String, Object> model = layout(lang, messages(lang).get("notfound.title"), "", everyLanguage("/"));
        keepOutOfSearchEngines(model);
        ctx.status(HttpStatus.NOT_FOUND);
        send(ctx, "notfound", lang, model);
    }

    /** For pages that are not content (not found, search results): noindex, no canonical, no structured data. */
    public static void keepOutOfSearchEngines(Map<String, Object> model) {
        model.computeIfPresent("head", (k, h) -> ((HeadMeta) h).noindex());
    }

    static String languageOf(Languages languages, String path) {
        for (String lang : languages.codes()) {
            if (path.equals("/" + lang) || path.startsWith("/" + lang + "/")) {
                return lang;
            }
        }
        return languages.defaultLanguage().code();
    }
}
