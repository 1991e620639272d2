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
import kb.content.Article;
import kb.content.Category;
import kb.content.Library;
import kb.search.SearchHit;
import kb.search.SearchIndex;
import kb.search.SearchResults;

/** Search as readers meet it: the results page, the JSON API, and error-code links. */
public final class SearchPages {
    /** The hits of one article, shown together under its title. */
    public record Group(String title, String url, String lang, List<SearchHit> hits) {}

    private static final int PAGE_SIZE = 10;
    /** How many of the other language's hits a page without a good answer offers. */
    private static final int OTHER_LANGUAGE_HITS = 5;
    /** How many articles a page without a good answer lists; the home page lists them all. */
    private static final int ARTICLE_LIST = 20;

    /** Where searches are recorded for the support team; answers the id later clicks refer to (or null). */
    @FunctionalInterface
    public interface Recorder {
        String record(String lang, String query, int results, String source);
    }

    private final Supplier<Site> site;
    private final Frame frame;
    private final LongConsumer timer;
    private final Recorder recorder;

    /** @param timer receives each search's duration in nanoseconds */
    public SearchPages(Supplier<Site> site, Frame frame, LongConsumer timer) {
        this(site, frame, timer, (lang, query, results, source) -> null);
    }

    /** @param recorder records each search a reader settles on; must not block (it queues) */
    public SearchPages(Supplier<Site> site, Frame frame, LongConsumer timer, Recorder recorder) {
        this.site = site;
        this.frame = frame;
        this.timer = timer;
        this.recorder = recorder;
    }

    private SearchResults search(Site current, String q, String lang, int page, int size) {
        long start = System.nanoTime();
        try {
            return current.search().search(q, lang, page, size);
        } finally {
            timer.accept(System.nanoTime() - start);
        }
    }

    /**
     * {@code /<lang>/search?q=…&page=N}: rendered on the server, one card per article. When nothing
     * matches well (near misses only, nothing, or only the other language) the page says so and
     * offers what it has: the closest sections, the other language's hits, the articles.
     */
    public void page(Context ctx) {
        Optional<String> language = frame.language(ctx);
        if (language.isEmpty()) {
            return;
        }
        String lang = language.get();
        Messages m = frame.messages(lang);
        String q = Optional.ofNullable(ctx.queryParam("q")).orElse("");
        Optional<Integer> page = positive(ctx.queryParam("page"), 1, 1000);
        if (page.isEmpty()) {
            Map<String, Object> model = searchModel(lang, m.get("search.title"), clip(q));
            model.put("error", m.get("search.error.page"));
            ctx.status(HttpStatus.BAD_REQUEST);
            frame.send(ctx, "search", lang, model);
            return;
        }
        if (q.isBlank()) {
            frame.send(ctx, "search", lang, searchModel(lang, m.get("search.title"), ""));
            return;
        }
        Site current = site.get();
        SearchResults results = search(current, q, lang, page.get(), PAGE_SIZE);
        int pages = pageCount(results);
        if (results.page() > pages) {
            // Past the last page there is nothing to show; say so, and where the results are.
            Map<String, Object> model = searchModel(lang, m.get("search.page.missing.title"), results.query());
            model.put("missingPage", String.valueOf(results.page()));
            model.put("lastPageUrl", searchUrl(lang, results.query(), pages));
            ctx.status(HttpStatus.NOT_FOUND);
            frame.send(ctx, "search", lang, model);
            return;
        }
        boolean nearMiss = nearMiss(results);
        // With no hit at all, the search already looked in the other language and found nothing there either.
        boolean lookThere = nearMiss && !results.fromOtherLanguage() && results.total() > 0;
        List<SearchHit> otherHits = lookThere ? otherLanguageHits(current, results) : List.of();
        Map<String, Object> model = resultsModel(results, otherHits, current.library().articles(lang));
        model.put("hitCategories", categories(current.library(), results.results(), otherHits));
        // The first page is the search; later pages are the same search read further.
        if (results.page() == 1) {
            model.put("searchId", recorder.record(lang, q, results.total(), kb.insights.searchlog.SearchLog.PAGE));
        }
        frame.send(ctx, "search", lang, model);
    }

    /** The category of each hit's article, by the article's URL: a card names where its article lives. */
    private static Map<String, Category> categories(Library library, List<SearchHit> hits, List<SearchHit> otherHits) {
        Map<String, Category> categories = new java.util.HashMap<>();
        for (List<SearchHit> list : List.of(hits, otherHits)) {
            for (SearchHit h : list) {
                String url = articleUrl(h);
                library.article(url).flatMap(a -> library.catalog().categoryOf(a)).ifPresent(c -> categories.put(url, c));
            }
        }
        return categories;
    }

    private static String articleUrl(SearchHit hit) {
        int hash = hit.url().indexOf('#');
        return hash >= 0 ? hit.url().substring(0, hash) : hit.url();
    }

    /**
     * The model of a page of results.
     *
     * @param otherHits the same query's hits in the other language, offered when nothing matches well
     * @param articles  the reader's language's articles, listed when nothing matches well
     */
    Map<String, Object> resultsModel(SearchResults results, List<SearchHit> otherHits, List<Article> articles) {
        String lang = results.lang();
        Messages m = frame.messages(lang);
        int pages = pageCount(results);
        Map<String, Object> model = searchModel(lang, m.get("search.title.for", results.query()), results.query());
        model.put("results", results);
        model.put("groups", group(results.results()));
        if (results.suggestion() != null) {
            model.put("suggestion", results.suggestion());
            model.put("suggestionUrl", searchUrl(lang, results.suggestion(), 1));
        }
        model.put("pageCount", pages);
        if (results.page() > 1) {
            model.put("prevUrl", searchUrl(lang, results.query(), results.page() - 1));
        }
        if (results.hasNextPage()) {
            model.put("nextUrl", searchUrl(lang, results.query(), results.page() + 1));
        }
        boolean nearMiss = nearMiss(results);
        model.put("nearMiss", nearMiss);
        if (nearMiss) {
            List<SearchHit> foreign = results.fromOtherLanguage() ? results.results() : otherHits;
            model.put("otherLang", foreign.isEmpty() ? null : foreign.get(0).lang());
            model.put("otherGroups", group(otherHits));
            model.put("articles", articles.subList(0, Math.min(articles.size(), ARTICLE_LIST)));
            model.put("moreArticles", articles.size() > ARTICLE_LIST);
        }
        return model;
    }

    private static int pageCount(SearchResults results) {
        return (int) Math.max(1, Math.ceil(results.total() / (double) results.pageSize()));
    }

    /** The results page's model before searching: the query is in the header's box and the language switch keeps it. */
    private Map<String, Object> searchModel(String lang, String title, String query) {
        List<Frame.Alternate> alternates = frame.languages().codes().stream()
                .map(l -> new Frame.Alternate(l, query.isBlank() ? SitePage.SEARCH.url(l) : searchUrl(l, query, 1)))
                .toList();
        Map<String, Object> model = frame.layout(lang, title, frame.messages(lang).get("search.description"), alternates);
        Frame.keepOutOfSearchEngines(model);
        model.put("query", query);
        model.put("error", null);
        model.put("results", null);
        model.put("suggestion", null);
        model.put("groups", List.of());
        model.put("prevUrl", null);
        model.put("nextUrl", null);
        model.put("missingPage", null);
        model.put("nearMiss", false);
        return model;
    }

    /** Nothing answers the query well: only near misses, nothing at all, or only the other language. */
    static boolean nearMiss(SearchResults results) {
        return results.partial() || results.total() == 0 || results.fromOtherLanguage();
    }

    /**
     * The first hits of the same query in the first other language (in the site's order) that has
     * any; none when every such search fell back to another language.
     */
    private List<SearchHit> otherLanguageHits(Site current, SearchResults results) {
        for (String other : current.languages().codes()) {
            if (other.equals(results.lang())) {
                continue;
            }
            SearchResults there = search(current, results.query(), other, 1, OTHER_LANGUAGE_HITS);
            if (!there.fromOtherLanguage() && !there.results().isEmpty()) {
                return there.results();
            }
        }
        return List.of();
    }

    /**
     * One group per article, all its hits together even when others rank between them: groups in the
     * order of their best hit, hits in rank order. Grouping is per page: an article whose hits run
     * onto the next page shows there again.
     */
    static List<Group> group(List<SearchHit> hits) {
        Map<String, Group> byArticle = new LinkedHashMap<>();
        for (SearchHit hit : hits) {
            byArticle.computeIfAbsent(articleUrl(hit), url -> new Group(hit.title(), url, hit.lang(), new ArrayList<>()))
                    .hits().add(hit);
        }
        return List.copyOf(byArticle.values());
    }

    private static String searchUrl(String lang, String q, int page) {
        return SitePage.SEARCH.url(lang) + "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + (page > 1 ? "&page=" + page : "");
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
        Site current = site.get();
        SearchResults results = search(current, q, lang, 1, Math.min(limit.get(), SearchIndex.MAX_LIMIT));
        String accept = Optional.ofNullable(ctx.header("Accept")).orElse("");
        boolean suggestions = accept.contains("application/x-suggestions+json");
        // Instant search and browsers' suggestions ask at every keystroke: instant search reports the
        // query the reader settles on by itself, and suggestions are not a search the reader made.
        if (!suggestions && !"instant".equals(ctx.header("X-Search-Source"))) {
            recorder.record(lang, q, results.total(), kb.insights.searchlog.SearchLog.API);
        }
        if (suggestions) {
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
            // Beyond the contract's fields: where the article lives, {"title","url"}, or null at the top.
            hit.put("category", current.library().article(articleUrl(h)).flatMap(a -> current.library().catalog().categoryOf(a))
                    .map(c -> {
                        Map<String, String> category = new LinkedHashMap<>();
                        category.put("title", c.title());
                        category.put("url", c.url());
                        return category;
                    }).orElse(null));
            hits.add(hit);
        }
        body.put("results", hits);
        body.put("suggestion", results.suggestion());
        ctx.json(body);
    }

    /** {@code /<lang>/error/<CODE>}: 302 to the section that explains it, or a 404 page offering a search. */
    public void errorCode(Context ctx) {
        Optional<String> language = frame.language(ctx);
        if (language.isEmpty()) {
            return;
        }
        String lang = language.get();
        String code = ctx.pathParam("code");
        Optional<String> target = site.get().search().urlForErrorCode(lang, code);
        if (target.isPresent() && target.get().startsWith("/") && !target.get().startsWith("//")) {
            ctx.redirect(target.get(), HttpStatus.FOUND);
            return;
        }
        Messages m = frame.messages(lang);
        // The language switch keeps the code: the other language may have no article for it either.
        String codePath = "/error/" + URLEncoder.encode(clip(code), StandardCharsets.UTF_8).replace("+", "%20");
        Map<String, Object> model = frame.layout(lang, m.get("errorcode.title"), "", frame.everyLanguage(codePath));
        Frame.keepOutOfSearchEngines(model);
        model.put("code", clip(code));
        // The box starts empty: this page just said the site has no article for the code.
        model.put("query", "");
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
