package kb.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import kb.Site;
import kb.content.Article;
import kb.content.Catalog;
import kb.content.Category;
import kb.content.Tag;
import kb.publish.Head;

/**
 * Finding one's way around a large help center: the home (categories, a few articles each, the
 * recently updated), category pages, tag pages and the tag index, all paged; and what an article
 * shows of its surroundings (breadcrumb, tags, related articles). Every page depends on the content
 * version only, so each is rendered once and then answered from memory.
 */
public final class BrowsePages {
    /** Articles per page of a category, a tag or the home's own list. */
    public static final int PAGE_SIZE = 50;
    /** Articles the home shows under each category. */
    static final int PREVIEW = 3;

    /** A category as a list shows it: how many articles it holds (subcategories included) and its first few. */
    public record CategoryCard(Category category, int count, List<Article> preview) {}

    /** Where a page sits in a paged list; the URLs are null at either end. */
    public record Pager(int page, int pages, String prevUrl, String nextUrl) {}

    /**
     * The home's model.
     *
     * @param categories the top categories with their first articles (page 1 only)
     * @param articles   this page of the articles outside any category
     * @param recent     the recently updated, on page 1 unless the page already lists every article
     */
    record HomePage(int page, List<CategoryCard> categories, List<Article> articles, Pager pager, List<Article> recent) {}

    /**
     * A category's or a tag's page of articles.
     *
     * @param heading       the page's heading: the category's title, or the tag itself
     * @param kind          what the page is a list of ("Category", "Tag"), said above the heading
     * @param lead          the sentence under the heading
     * @param subcategories a category's subcategories (page 1 only)
     * @param total         how many articles the list holds, subcategories included
     */
    record ListingPage(String heading, String kind, String lead, List<CategoryCard> subcategories, List<Article> articles,
            int total, Pager pager, String hereUrl) {}

    /** The index of a language's tags. */
    record TagsPage(List<Tag> tags, String hereUrl) {}

    /** A {@code page} that is not a whole number from 1. */
    record BadPage(String error, String firstUrl) {}

    private final Supplier<Site> site;
    private final Frame frame;
    private final Responder responder;

    public BrowsePages(Supplier<Site> site, Frame frame, Responder responder) {
        this.site = site;
        this.frame = frame;
        this.responder = responder;
    }

    /** {@code /<lang>/}: the categories, the articles outside any category (paged), the recently updated. */
    public void home(Context ctx) {
        Optional<String> language = frame.language(ctx);
        if (language.isEmpty()) {
            return;
        }
        String lang = language.get();
        String url = "/" + lang + "/";
        Site current = site.get();
        Catalog catalog = current.library().catalog();
        List<Article> top = catalog.topArticles(lang);
        Optional<Integer> page = page(ctx, lang, url, top.size());
        if (page.isEmpty()) {
            return;
        }
        int n = page.get();
        responder.sendCached(ctx, current, "home:" + lang + ":" + n, () -> {
            Messages m = frame.messages(lang);
            Pager pager = pager(url, n, top.size());
            Layout layout = frame.paged(frame.layout(lang, titled(m, m.get("home.title"), n), m.get("home.description"),
                    n == 1 ? frame.everyLanguage(SitePage.HOME.path()) : List.of(new Frame.Alternate(lang, at(url, n)))),
                    pager.prevUrl(), pager.nextUrl());
            List<CategoryCard> cards = new ArrayList<>();
            if (n == 1) {
                for (Category c : catalog.topCategories(lang)) {
                    cards.add(card(catalog, c, PREVIEW));
                }
            }
            // When the home lists every article already, a second list of the newest would repeat it.
            boolean listsAll = cards.isEmpty() && top.size() <= PAGE_SIZE;
            return new View("home", layout, new HomePage(n, cards, slice(top, n), pager,
                    n == 1 && !listsAll ? catalog.recent(lang) : List.of()));
        });
    }

    /** {@code /<lang>/<folder>…}: a category's subcategories and its articles, paged. */
    void category(Context ctx, Site current, Category category) {
        String lang = category.lang();
        Catalog catalog = current.library().catalog();
        List<Article> articles = catalog.articles(category);
        Optional<Integer> page = page(ctx, lang, category.url(), articles.size());
        if (page.isEmpty()) {
            return;
        }
        int n = page.get();
        responder.sendCached(ctx, current, "category:" + category.url() + ":" + n, () -> {
            Messages m = frame.messages(lang);
            List<Frame.Alternate> alternates = new ArrayList<>();
            for (String l : frame.languages().codes()) {
                catalog.translation(category, l)
                        .filter(t -> n <= pages(catalog.articles(t).size()))
                        .ifPresent(t -> alternates.add(new Frame.Alternate(l, at(t.url(), n))));
            }
            String description = category.description().isEmpty()
                    ? m.get("category.description", category.title()) : category.description();
            String title = titled(m, category.title(), n);
            Pager pager = pager(category.url(), n, articles.size());
            Layout layout = frame.paged(frame.layout(lang, title, description, alternates, Optional.empty(), trail(catalog, category.url())),
                    pager.prevUrl(), pager.nextUrl())
                    // The switch leads to the other languages' category even where it has fewer pages.
                    .retargetSwitch(other -> catalog.translation(category, other).map(Category::url));
            List<CategoryCard> subcategories = new ArrayList<>();
            if (n == 1) {
                for (Category c : catalog.subcategories(category)) {
                    subcategories.add(card(catalog, c, 0));
                }
            }
            return new View("listing", layout, new ListingPage(title, m.get("category.kind"), description, subcategories,
                    slice(articles, n), catalog.articleCount(category), pager, at(category.url(), n)));
        });
    }

    /** {@code /<lang>/tags}: every tag of the language with its number of articles. */
    public void tags(Context ctx) {
        Optional<String> language = frame.language(ctx);
        if (language.isEmpty()) {
            return;
        }
        String lang = language.get();
        Site current = site.get();
        responder.sendCached(ctx, current, "tags:" + lang, () -> {
            Messages m = frame.messages(lang);
            Layout layout = frame.layout(lang, m.get("tags.title"), m.get("tags.description"), frame.everyLanguage(SitePage.TAGS.path()));
            return new View("tags", layout, new TagsPage(current.library().catalog().tags(lang), Tag.indexUrl(lang)));
        });
    }

    /** {@code /<lang>/tags/<tag>}: the articles carrying a tag, paged. */
    public void tag(Context ctx) {
        Optional<String> language = frame.language(ctx);
        if (language.isEmpty()) {
            return;
        }
        String lang = language.get();
        Site current = site.get();
        Catalog catalog = current.library().catalog();
        Optional<Tag> found = catalog.tag(lang, ctx.pathParam("tag"));
        if (found.isEmpty()) {
            frame.notFound(ctx);
            return;
        }
        Tag tag = found.get();
        List<Article> articles = catalog.articles(tag);
        Optional<Integer> page = page(ctx, lang, tag.url(), articles.size());
        if (page.isEmpty()) {
            return;
        }
        int n = page.get();
        responder.sendCached(ctx, current, "tag:" + tag.url() + ":" + n, () -> {
            Messages m = frame.messages(lang);
            List<Frame.Alternate> alternates = new ArrayList<>();
            for (String l : frame.languages().codes()) {
                catalog.tag(l, tag.slug()).filter(t -> n <= pages(t.count()))
                        .ifPresent(t -> alternates.add(new Frame.Alternate(l, at(t.url(), n))));
            }
            String description = m.get("tag.description", tag.name());
            Pager pager = pager(tag.url(), n, articles.size());
            Layout layout = frame.paged(frame.layout(lang, titled(m, m.get("tag.title", tag.name()), n), description,
                    alternates, Optional.empty(), List.of(new Head.Crumb(m.get("tags.title"), Tag.indexUrl(lang)))),
                    pager.prevUrl(), pager.nextUrl())
                    .retargetSwitch(other -> Optional.of(catalog.tag(other, tag.slug()).map(Tag::url).orElse(Tag.indexUrl(other))));
            // "Tag" is said just above it: the heading is the tag itself.
            return new View("listing", layout, new ListingPage(titled(m, tag.name(), n), m.get("tag.kind"), description,
                    List.of(), slice(articles, n), articles.size(), pager, at(tag.url(), n)));
        });
    }

    /** The categories between the home and a page, as breadcrumb steps. */
    static List<Head.Crumb> trail(Catalog catalog, String url) {
        return catalog.trail(url).stream().map(c -> new Head.Crumb(c.title(), c.url())).toList();
    }

    private static CategoryCard card(Catalog catalog, Category c, int preview) {
        List<Article> own = catalog.articles(c);
        return new CategoryCard(c, catalog.articleCount(c), own.subList(0, Math.min(preview, own.size())));
    }

    /**
     * The page asked for by {@code ?page=N}; empty once a 400 (not a whole number from 1) or a 404
     * (past the last page) has been sent, in the page's language.
     */
    private Optional<Integer> page(Context ctx, String lang, String url, int items) {
        Optional<Integer> page = SearchPages.positive(ctx.queryParam("page"), 1, Integer.MAX_VALUE);
        if (page.isEmpty()) {
            Messages m = frame.messages(lang);
            Layout layout = frame.unindexed(lang, m.get("list.error.title"), "", List.of(new Frame.Alternate(lang, url)));
            ctx.status(HttpStatus.BAD_REQUEST);
            responder.send(ctx, new View("bad-request", layout, new BadPage(m.get("list.error.page"), url)));
            return Optional.empty();
        }
        if (page.get() > pages(items)) {
            frame.notFound(ctx);
            return Optional.empty();
        }
        return page;
    }

    static int pages(int items) {
        return Math.max(1, (items + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    private static Pager pager(String url, int n, int items) {
        int pages = pages(items);
        return new Pager(n, pages, n > 1 ? at(url, n - 1) : null, n < pages ? at(url, n + 1) : null);
    }

    private static List<Article> slice(List<Article> articles, int n) {
        int from = Math.min(articles.size(), (n - 1) * PAGE_SIZE);
        return articles.subList(from, Math.min(articles.size(), from + PAGE_SIZE));
    }

    /** Page n of a list: its first page has no query, so there is one URL per page. */
    static String at(String url, int n) {
        return n == 1 ? url : url + "?page=" + n;
    }

    private static String titled(Messages m, String title, int n) {
        return n == 1 ? title : m.get("list.title.page", title, n);
    }
}
