package kb.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
    /** The hits of one article, shown together under its title and its category (null at the top). */
    public record Card(Article article, Category category, List<SearchHit> hits) {
        public String title() {
            return article.title();
        }

        public String url() {
            return article.url();
        }

        public String lang() {
            return article.lang();
        }
    }

    /**
     * The results page's model; everything but the query (in the layout's box) is null, false or
     * empty on a page that did not search.
     *
     * @param searchId      the recorded search that clicks on the cards refer to, or null
     * @param error         why the request was refused, or null
     * @param missingPage   the page asked for past the last one, or null
     * @param lastPageUrl   the last page of results, when {@code missingPage} is set
     * @param results       the page of results, or null without a search
     * @param cards         its hits, one card per article
     * @param pager         where this page sits among the pages of results
     * @param nearMiss      nothing answers the query well: the page offers what it has
     * @param otherLang     the language of the other language's hits offered, or null
     * @param otherCards    those hits, one card per article
     * @param articles      the reader's language's first articles, offered after a near miss
     * @param moreArticles  whether the language has more articles than those
     */
    record ResultsPage(String searchId, String error, String missingPage, String lastPageUrl, SearchResults results,
            List<Card> cards, String suggestion, String suggestionUrl, BrowsePages.Pager pager, boolean nearMiss, String otherLang, List<Card> otherCards, List<Article> articles, boolean moreArticles) {

        /** A page that did not search: empty, refused, or past the last page. */
        static ResultsPage without(String error, String missingPage, String lastPageUrl) {
            return new ResultsPage(null, error, missingPage, lastPageUrl, null, List.of(), null, null,
                    new BrowsePages.Pager(1, 1, null, null), false, null, List.of(), List.of(), false);
        }

        ResultsPage recordedAs(String id) {
            return new ResultsPage(id, error, missingPage, lastPageUrl, results, cards, suggestion, suggestionUrl, pager,
                    nearMiss, otherLang, otherCards, articles, moreArticles);
        }
    }

    /** An unknown error code's page. */
    record UnknownCode(String code) {}

    /** {@code /api/search}'s answer, field for field as SPEC says. */
    public record Answer(String query, String lang, int total, List<Result> results, String suggestion) {}

    /** One result of {@code /api/search}; {@code category}, beyond the contract, is where its article lives, or null at the top. */
    public record Result(String title, String section, String url, String snippet, String lang, CategoryLink category) {}

    /** A result's category: its title and URL. */
    public record CategoryLink(String title, String url) {}

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
    private final Responder responder;
    private final LongConsumer timer;
    private final Recorder recorder;

    /**
     * @param timer    receives each search's duration in nanoseconds
     * @param recorder records each search a reader settles on; must not block (it queues)
     */
    public SearchPages(Supplier<Site> site, Frame frame, Responder responder, LongConsumer timer, Recorder recorder) {
        this.site = site;
        this.frame = frame;
        this.responder = responder;
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
            ctx.status(HttpStatus.BAD_REQUEST);
            responder.send(ctx, new View("search", layout(lang, m.get("search.title"), clip(q)),
                    ResultsPage.without(m.get("search.error.page"), null, null)));
            return;
        }
        if (q.isBlank()) {
            responder.send(ctx, new View("search", layout(lang, m.get("search.title"), ""), ResultsPage.without(null, null, null)));
            return;
        }
        Site current = site.get();
        SearchResults results = search(current, q, lang, page.get(), PAGE_SIZE);
        int pages = pageCount(results);
        if (results.page() > pages) {
            // Past the last page there is nothing to show; say so, and where the results are.
            ctx.status(HttpStatus.NOT_FOUND);
            responder.send(ctx, new View("search", layout(lang, m.get("search.page.missing.title"), results.query()),
                    ResultsPage.without(null, String.valueOf(results.page()), searchUrl(lang, results.query(), pages))));
            return;
        }
        boolean nearMiss = nearMiss(results);
        // With no hit at all, the search already looked in the other language and found nothing there either.
        boolean lookThere = nearMiss && !results.fromOtherLanguage() && results.total() > 0;
        SearchResults other = lookThere ? otherLanguageHits(current, results) : null;
        ResultsPage model = resultsPage(current.library(), results, other, current.library().articles(lang));
        // The first page is the search; later pages are the same search read further.
        if (results.page() == 1) {
            model = model.recordedAs(recorder.record(lang, q, results.total(), kb.insights.searchlog.SearchLog.PAGE));
        }
        responder.send(ctx, new View("search", resultsLayout(results), model));
    }

    /** The layout of a page of results: titled with the query, which stays in the header's box. */
    Layout resultsLayout(SearchResults results) {
        return layout(results.lang(), frame.messages(results.lang()).get("search.title.for", results.query()), results.query());
    }

    /**
     * The model of a page of results.
     *
     * @param other    the same query's first hits in another language, offered when nothing matches well; or null
     * @param articles the reader's language's articles, listed when nothing matches well
     */
    static ResultsPage resultsPage(Library library, SearchResults results, SearchResults other, List<Article> articles) {
        String lang = results.lang();
        boolean nearMiss = nearMiss(results);
        List<Card> cards = cards(library, results);
        List<Card> otherCards = other == null ? List.of() : cards(library, other);
        String otherLang = null;
        if (nearMiss) {
            List<SearchHit> foreign = results.fromOtherLanguage() ? results.results() : other == null ? List.of() : other.results();
            otherLang = foreign.isEmpty() ? null : foreign.get(0).lang();
        }
        return new ResultsPage(null, null, null, null, results, cards,
                results.suggestion(), results.suggestion() == null ? null : searchUrl(lang, results.suggestion(), 1),
                new BrowsePages.Pager(results.page(), pageCount(results),
                        results.page() > 1 ? searchUrl(lang, results.query(), results.page() - 1) : null,
                        results.hasNextPage() ? searchUrl(lang, results.query(), results.page() + 1) : null),
                nearMiss, otherLang, nearMiss ? otherCards : List.of(),
                nearMiss ? articles.subList(0, Math.min(articles.size(), ARTICLE_LIST)) : List.of(),
                nearMiss && articles.size() > ARTICLE_LIST);
    }

    /** One card per article, naming where the article lives. */
    private static List<Card> cards(Library library, SearchResults results) {
        return results.groups().stream()
                .map(g -> new Card(g.article(), category(library, g.article()), g.hits()))
                .toList();
    }

    private static Category category(Library library, Article article) {
        return library.catalog().categoryOf(article).orElse(null);
    }

    private static int pageCount(SearchResults results) {
        return (int) Math.max(1, Math.ceil(results.total() / (double) results.pageSize()));
    }

    /** A results page's layout: not for search engines; the query is in the header's box and the language switch keeps it. */
    private Layout layout(String lang, String title, String query) {
        List<Frame.Alternate> alternates = frame.languages().codes().stream()
                .map(l -> new Frame.Alternate(l, query.isBlank() ? SitePage.SEARCH.url(l) : searchUrl(l, query, 1)))
                .toList();
        return frame.unindexed(lang, title, frame.messages(lang).get("search.description"), alternates).withQuery(query);
    }

    /** Nothing answers the query well: only near misses, nothing at all, or only the other language. */
    static boolean nearMiss(SearchResults results) {
        return results.partial() || results.total() == 0 || results.fromOtherLanguage();
    }

    /**
     * The first hits of the same query in the first other language (in the site's order) that has
     * any; none when every such search fell back to another language.
     */
    private SearchResults otherLanguageHits(Site current, SearchResults results) {
        for (String other : current.languages().codes()) {
            if (other.equals(results.lang())) {
                continue;
            }
            SearchResults there = search(current, results.query(), other, 1, OTHER_LANGUAGE_HITS);
            if (!there.fromOtherLanguage() && !there.results().isEmpty()) {
                return there;
            }
        }
        return null;
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
            Api.json(ctx, "application/x-suggestions+json; charset=utf-8", List.of(results.query(), titles, List.of(), urls));
            return;
        }
        List<Result> hits = new ArrayList<>();
        for (SearchHit h : results.results()) {
            Category category = category(current.library(), h.article());
            hits.add(new Result(h.title(), h.section(), h.url(), h.snippet(), h.lang(),
                    category == null ? null : new CategoryLink(category.title(), category.url())));
        }
        Api.json(ctx, new Answer(results.query(), lang, results.total(), hits, results.suggestion()));
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
        // The box starts empty: this page just said the site has no article for the code.
        Layout layout = frame.unindexed(lang, m.get("errorcode.title"), "", frame.everyLanguage(codePath));
        ctx.status(HttpStatus.NOT_FOUND);
        responder.send(ctx, new View("error-code", layout, new UnknownCode(clip(code))));
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
