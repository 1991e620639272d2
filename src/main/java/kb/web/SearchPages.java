package kb.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import kb.Site;
import kb.content.Library;
import kb.search.SearchHit;
import kb.search.SearchIndex;
import kb.search.SearchResults;

/** Search as readers meet it: the results page, the JSON API, and error-code links. */
public final class SearchPages {
    /** The hits of one article, shown together under its title. */
    public record Group(String title, String url, String lang, List<SearchHit> hits) {}

    private static final int PAGE_SIZE = 10;

    private final Supplier<Site> site;
    private final Frame frame;
    private final LongConsumer timer;

    /** @param timer receives each search's duration in nanoseconds */
    public SearchPages(Supplier<Site> site, Frame frame, LongConsumer timer) {
        this.site = site;
        this.frame = frame;
        this.timer = timer;
    }

    private SearchResults search(Site current, String q, String lang, int page, int size) {
        long start = System.nanoTime();
        try {
            return current.search().search(q, lang, page, size);
        } finally {
            timer.accept(System.nanoTime() - start);
        }
    }

    /** {@code /<lang>/search?q=…&page=N}: rendered on the server, grouped by article. */
    public void page(Context ctx) {
        String lang = ctx.pathParam("lang");
        if (!Library.LANGUAGES.contains(lang)) {
            frame.notFound(ctx);
            return;
        }
        Messages m = frame.messages(lang);
        String q = Optional.ofNullable(ctx.queryParam("q")).orElse("");
        Optional<Integer> page = positive(ctx.queryParam("page"), 1, 1000);
        Map<String, Object> model = frame.layout(lang, m.get("search.title"), "", Frame.everyLanguage("/search"));
        Frame.keepOutOfSearchEngines(model);
        model.put("error", null);
        model.put("results", null);
        model.put("suggestion", null);
        model.put("groups", List.of());
        model.put("prevUrl", null);
        model.put("nextUrl", null);
        if (page.isEmpty()) {
            model.put("query", clip(q));
            model.put("error", m.get("search.error.page"));
            ctx.status(HttpStatus.BAD_REQUEST);
            frame.send(ctx, "search", lang, model);
            return;
        }
        if (q.isBlank()) {
            model.put("query", "");
            frame.send(ctx, "search", lang, model);
            return;
        }
        SearchResults results = search(site.get(), q, lang, page.get(), PAGE_SIZE);
        model.put("query", results.query());
        model.put("title", m.get("search.title.for", results.query()));
        model.put("results", results);
        model.put("groups", group(results.results()));
        if (results.suggestion() != null) {
            model.put("suggestion", results.suggestion());
            model.put("suggestionUrl", searchUrl(lang, results.suggestion(), 1));
        }
        int pages = (int) Math.max(1, Math.ceil(results.total() / (double) PAGE_SIZE));
        model.put("pageCount", pages);
        if (results.page() > 1) {
            model.put("prevUrl", searchUrl(lang, results.query(), results.page() - 1));
        }
        if (results.hasNextPage()) {
            model.put("nextUrl", searchUrl(lang, results.query(), results.page() + 1));
        }
        frame.send(ctx, "search", lang, model);
    }

    /** Consecutive hits of one article become one group, in rank order. */
    static List<Group> group(List<SearchHit> hits) {
        List<Group> groups = new ArrayList<>();
        for (SearchHit hit : hits) {
            String articleUrl = hit.url().contains("#") ? hit.url().substring(0, hit.url().indexOf('#')) : hit.url();
            Group last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (last != null && last.url().equals(articleUrl)) {
                last.hits().add(hit);
            } else {
                List<SearchHit> list = new ArrayList<>();
                list.add(hit);
                groups.add(new Group(hit.title(), articleUrl, hit.lang(), list));
            }
        }
        return groups;
    }

    private static String searchUrl(String lang, String q, int page) {
        return "/" + lang + "/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + (page > 1 ? "&page=" + page : "");
    }

    /** {@code /api/search?q=…&lang=pt|en&limit=N}, exactly as SPEC says. */
    public void api(Context ctx) {
        ctx.header("Cache-Control", "no-cache");
        Optional<String> requested = Api.lang(ctx, frame);
        if (requested.isEmpty()) {
            return;
        }
        String lang = requested.get();
        Optional<Integer> limit = positive(ctx.queryParam("limit"), SearchIndex.DEFAULT_LIMIT, Integer.MAX_VALUE);
        if (limit.isEmpty()) {
            Api.badRequest(ctx, "limit_invalid", frame.messages(lang).get("search.error.limit"));
            return;
        }
        String q = Optional.ofNullable(ctx.queryParam("q")).orElse("");
        SearchResults results = search(site.get(), q, lang, 1, Math.min(limit.get(), SearchIndex.MAX_LIMIT));
        String accept = Optional.ofNullable(ctx.header("Accept")).orElse("");
        if (accept.contains("application/x-suggestions+json")) {
            // What browsers ask an OpenSearch engine for: [query, [titles], [descriptions], [urls]].
            List<String> titles = new ArrayList<>();
            List<String> urls = new ArrayList<>();
            for (SearchHit h : results.results()) {
                titles.add(h.section() == null ? h.title() : h.title() + " › " + h.section());
                urls.add(h.url());
            }
            ctx.contentType("application/x-suggestions+json; charset=utf-8");
            ctx.json(List.of(results.query(), titles, List.of(), urls));
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", results.query());
        body.put("lang", lang);
        body.put("total", results.total());
        List<Map<String, Object>> hits = new ArrayList<>();
        for (SearchHit h : results.results()) {
            Map<String, Object> hit = new LinkedHashMap<>();
            hit.put("title", h.title());
            hit.put("section", h.section());
            hit.put("url", h.url());
            hit.put("snippet", h.snippet());
            hit.put("lang", h.lang());
            hits.add(hit);
        }
        body.put("results", hits);
        body.put("suggestion", results.suggestion());
        ctx.json(body);
    }

    /** {@code /<lang>/error/<CODE>}: 302 to the section that explains it, or a 404 page offering a search. */
    public void errorCode(Context ctx) {
        String lang = ctx.pathParam("lang");
        if (!Library.LANGUAGES.contains(lang)) {
            frame.notFound(ctx);
            return;
        }
        String code = ctx.pathParam("code");
        Optional<String> target = site.get().search().urlForErrorCode(lang, code);
        if (target.isPresent() && target.get().startsWith("/") && !target.get().startsWith("//")) {
            ctx.redirect(target.get(), HttpStatus.FOUND);
            return;
        }
        Messages m = frame.messages(lang);
        Map<String, Object> model = frame.layout(lang, m.get("errorcode.title"), "", Frame.everyLanguage("/"));
        Frame.keepOutOfSearchEngines(model);
        model.put("code", clip(code));
        model.put("query", clip(code));
        ctx.status(HttpStatus.NOT_FOUND);
        frame.send(ctx, "error-code", lang, model);
    }

    /** A whole number from 1 to max; absent gives the default; anything else is empty (a 400). */
    static Optional<Integer> positive(String raw, int absent, int max) {
        if (raw == null || raw.isEmpty()) {
            return Optional.of(absent);
        }
        if (raw.length() > 9 || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        int n = Integer.parseInt(raw);
        return n >= 1 ? Optional.of(Math.min(n, max)) : Optional.empty();
    }

    private static String clip(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 200 ? s.substring(0, 200) : s;
    }
}
