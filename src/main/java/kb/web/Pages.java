package kb.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import kb.Site;
import kb.content.Article;
import kb.content.Catalog;
import kb.content.Category;
import kb.content.Library;
import kb.content.Section;
import kb.content.Tag;

/** The reading pages: article (or the category at its URL), and the redirects from old or slashed URLs. */
public final class Pages {
    /** One line of an article's table of contents. */
    public record TocEntry(String id, String heading, int level) {}

    /**
     * An article page's model.
     *
     * @param body       the article's HTML with its headings' permalinks and its embeds filled in
     * @param lastmod    the last update as the language writes dates, or null
     * @param lastmodIso the same as {@code YYYY-MM-DD}, or null
     * @param feedback   after the feedback form without JavaScript: {@code yes}, {@code no} or {@code sent}; else null
     */
    record ArticlePage(Article article, String body, List<TocEntry> toc, String lastmod, String lastmodIso, String feedback,
            List<Tag> articleTags, List<Article> related, String hereUrl) {}

    private final Supplier<Site> site;
    private final Frame frame;
    private final Responder responder;
    private final Map<String, Function<String, String>> embeds;
    private final BrowsePages browse;

    /**
     * @param browse the category pages, which share the articles' URL space, and an article's surroundings
     * @param embeds by shortcode name, the HTML that replaces it in an article of a language
     */
    public Pages(Supplier<Site> site, Frame frame, Responder responder, BrowsePages browse,
            Map<String, Function<String, String>> embeds) {
        this.site = site;
        this.frame = frame;
        this.responder = responder;
        this.browse = browse;
        this.embeds = Map.copyOf(embeds);
    }

    /** {@code /}: the reader's language by Accept-Language, the default language when nothing matches. */
    public void root(Context ctx) {
        ctx.redirect("/" + frame.languages().preferred(ctx.header("Accept-Language")).code() + "/", HttpStatus.FOUND);
    }

    /** {@code /pt} without the slash: the home is {@code /pt/}. */
    public void langRoot(Context ctx) {
        frame.language(ctx).ifPresent(lang -> ctx.redirect("/" + lang + "/", HttpStatus.MOVED_PERMANENTLY));
    }

    /** {@code /<lang>/<path>}: an article, a redirect from an old or slashed URL, or the 404 page. */
    public void article(Context ctx) {
        if (!frame.languages().contains(ctx.pathParam("lang")) && redirectToCanonical(ctx, site.get().library())) {
            return;
        }
        Optional<String> language = frame.language(ctx);
        if (language.isEmpty()) {
            return;
        }
        String lang = language.get();
        Site current = site.get();
        Library library = current.library();
        String path = ctx.path();
        String bare = path.length() > 1 && path.endsWith("/") ? path.replaceAll("/+$", "") : path;
        Optional<Article> found = library.article(bare);
        if (found.isPresent() && !bare.equals(path)) {
            ctx.redirect(bare, HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        if (found.isEmpty()) {
            Optional<Category> category = library.catalog().category(bare);
            if (category.isPresent()) {
                if (bare.equals(path)) {
                    browse.category(ctx, current, category.get());
                } else {
                    String query = ctx.queryString();
                    ctx.redirect(query == null ? bare : bare + "?" + query, HttpStatus.MOVED_PERMANENTLY);
                }
                return;
            }
            Optional<String> moved = library.redirectFor(bare);
            if (moved.isPresent()) {
                ctx.redirect(moved.get(), HttpStatus.MOVED_PERMANENTLY);
            } else if (!redirectToCanonical(ctx, library)) {
                frame.notFound(ctx);
            }
            return;
        }
        Article article = found.get();
        // After the feedback form (without JavaScript) the article comes back with its answer: thanks,
        // and after No the optional details. Each state is one more cached page.
        String asked = ctx.queryParam("feedback");
        String feedback = asked != null && FEEDBACK_STATES.contains(asked) ? asked : null;
        responder.sendCached(ctx, current, articleKey(article.url(), feedback),
                () -> articleView(current, article, feedback));
    }

    /**
     * A page's URL typed or pasted with other capitals, accents or spaces ({@code /en/Find-Tenant-ID},
     * {@code /pt/encontrar-id-do-locatário}): redirected (301) to the page it spells, as every URL of
     * the site is made from its file names, lower case and without accents. False when it spells
     * none, or is already written that way.
     */
    private static boolean redirectToCanonical(Context ctx, Library library) {
        Optional<String> canonical = canonical(ctx.path()).filter(c -> !c.equals(ctx.path()));
        Optional<String> target = canonical.flatMap(c -> library.article(c).map(Article::url)
                .or(() -> library.catalog().category(c).map(x -> c))
                .or(() -> library.redirectFor(c)));
        if (target.isEmpty()) {
            return false;
        }
        String query = ctx.queryString();
        ctx.redirect(query == null ? target.get() : target.get() + "?" + query, HttpStatus.MOVED_PERMANENTLY);
        return true;
    }

    /** The path as the site writes its URLs: each segment decoded, lower case, accents and spaces made plain. */
    static Optional<String> canonical(String rawPath) {
        String decoded;
        try {
            decoded = java.net.URLDecoder.decode(rawPath.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a broken %-escape spells nothing
        }
        StringBuilder out = new StringBuilder();
        for (String segment : decoded.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            String slug = kb.content.HeadingIds.slug(segment);
            if (slug.isEmpty()) {
                return Optional.empty();
            }
            out.append('/').append(slug);
        }
        return out.length() == 0 ? Optional.empty() : Optional.of(out.toString());
    }

    /** The key of an article page in the page cache, for the article's URL and its feedback state (null for none). */
    static String articleKey(String url, String feedback) {
        return "article:" + url + (feedback == null ? "" : "?feedback=" + feedback);
    }

    private static final java.util.Set<String> FEEDBACK_STATES = java.util.Set.of("yes", "no", "sent");

    private View articleView(Site current, Article article, String feedback) {
        Library library = current.library();
        String lang = article.lang();
        Messages m = frame.messages(lang);
        List<Frame.Alternate> alternates = new ArrayList<>();
        for (String l : library.languages().codes()) {
            library.translation(article, l).ifPresent(t -> alternates.add(new Frame.Alternate(l, t.url())));
        }
        Layout layout = frame.layout(lang, article.title(), article.description(), alternates, Optional.of(article),
                BrowsePages.trail(library.catalog(), article.url()))
                // The translation's section ids in order: the switch's script maps a section whose id the
                // translation lacks (one generated from the heading's words) to its counterpart there.
                .switchSections(other -> library.translation(article, other)
                        .map(t -> String.join(" ", t.sections().stream().map(Section::id).toList())));
        List<TocEntry> toc = new ArrayList<>();
        for (Section s : article.sections()) {
            if (s.level() <= 4) {
                toc.add(new TocEntry(s.id(), s.heading(), s.level()));
            }
        }
        Catalog catalog = library.catalog();
        return new View("article", layout, new ArticlePage(article, withEmbeds(HeadingDecorator.decorate(current.search().full(article).html(), m), lang),
                toc, article.lastmod().map(m::date).orElse(null), article.lastmod().map(Object::toString).orElse(null), feedback,
                catalog.tagsOf(article), catalog.related(article), article.url()));
    }

    private String withEmbeds(String html, String lang) {
        String out = html;
        for (Map.Entry<String, Function<String, String>> e : embeds.entrySet()) {
            String marker = "<div data-embed=\"" + e.getKey() + "\"></div>";
            if (out.contains(marker)) {
                out = out.replace(marker, e.getValue().apply(lang));
            }
        }
        return out;
    }
}
