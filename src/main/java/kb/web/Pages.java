package kb.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import kb.Site;
import kb.content.Article;
import kb.content.Library;
import kb.content.Section;

/** The reading pages: home, article, and the redirects from old or slashed URLs. */
public final class Pages {
    /** One line of an article's table of contents. */
    public record TocEntry(String id, String heading, int level) {}

    private final Supplier<Site> site;
    private final Frame frame;
    private final Map<String, Function<String, String>> embeds;

    /**
     * @param embeds by shortcode name, the HTML that replaces it in an article of a language
     */
    public Pages(Supplier<Site> site, Frame frame, Map<String, Function<String, String>> embeds) {
        this.site = site;
        this.frame = frame;
        this.embeds = Map.copyOf(embeds);
    }

    /** {@code /}: the reader's language by Accept-Language, Portuguese when nothing matches. */
    public void root(Context ctx) {
        ctx.redirect("/" + preferredLanguage(ctx.header("Accept-Language")) + "/", HttpStatus.FOUND);
    }

    static String preferredLanguage(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 500) {
            return "pt";
        }
        try {
            String tag = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), Library.LANGUAGES);
            return tag == null ? "pt" : tag;
        } catch (IllegalArgumentException e) {
            return "pt";
        }
    }

    /** {@code /pt} without the slash: the home is {@code /pt/}. */
    public void langRoot(Context ctx) {
        String lang = ctx.pathParam("lang");
        if (Library.LANGUAGES.contains(lang)) {
            ctx.redirect("/" + lang + "/", HttpStatus.MOVED_PERMANENTLY);
        } else {
            frame.notFound(ctx);
        }
    }

    /** {@code /<lang>/}: the search box and the articles. */
    public void home(Context ctx) {
        String lang = ctx.pathParam("lang");
        if (!Library.LANGUAGES.contains(lang)) {
            frame.notFound(ctx);
            return;
        }
        Site current = site.get();
        frame.sendCached(ctx, current, "home:" + lang, "home", lang, () -> {
            Messages m = frame.messages(lang);
            Map<String, Object> model = frame.layout(lang, m.get("home.title"), m.get("home.description"), Frame.everyLanguage("/"));
            model.put("articles", current.library().articles(lang));
            return model;
        });
    }

    /** {@code /<lang>/<path>}: an article, a redirect from an old or slashed URL, or the 404 page. */
    public void article(Context ctx) {
        String lang = ctx.pathParam("lang");
        if (!Library.LANGUAGES.contains(lang)) {
            frame.notFound(ctx);
            return;
        }
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
            Optional<String> moved = library.redirectFor(bare);
            if (moved.isPresent()) {
                ctx.redirect(moved.get(), HttpStatus.MOVED_PERMANENTLY);
            } else {
                frame.notFound(ctx);
            }
            return;
        }
        Article article = found.get();
        // After the feedback form (without JavaScript) the article comes back with its answer: thanks,
        // and after No the optional details. Each state is one more cached page.
        String asked = ctx.queryParam("feedback");
        String feedback = asked != null && FEEDBACK_STATES.contains(asked) ? asked : null;
        frame.sendCached(ctx, current, "article:" + article.url() + (feedback == null ? "" : "?feedback=" + feedback), "article", lang,
                () -> {
                    Map<String, Object> model = articleModel(library, article);
                    model.put("feedback", feedback);
                    return model;
                });
    }

    private static final java.util.Set<String> FEEDBACK_STATES = java.util.Set.of("yes", "no", "sent");

    private Map<String, Object> articleModel(Library library, Article article) {
        String lang = article.lang();
        Messages m = frame.messages(lang);
        List<Frame.Alternate> alternates = new ArrayList<>();
        for (String l : Library.LANGUAGES) {
            library.translation(article, l).ifPresent(t -> alternates.add(new Frame.Alternate(l, t.url())));
        }
        Map<String, Object> model = frame.layout(lang, article.title(), article.description(), alternates, Optional.of(article));
        // The translation's section ids in order: the switch's script maps a section whose id the
        // translation lacks (one generated from the heading's words) to its counterpart there.
        library.translation(article, (String) model.get("otherLang")).ifPresent(t -> model.put("switchSections",
                String.join(" ", t.sections().stream().map(Section::id).toList())));
        model.put("article", article);
        model.put("lastmod", article.lastmod().map(m::date).orElse(null));
        model.put("lastmodIso", article.lastmod().map(Object::toString).orElse(null));
        List<TocEntry> toc = new ArrayList<>();
        for (Section s : article.sections()) {
            if (s.level() <= 4) {
                toc.add(new TocEntry(s.id(), s.heading(), s.level()));
            }
        }
        model.put("toc", toc);
        model.put("body", withEmbeds(HeadingDecorator.decorate(article.html(), m), lang));
        return model;
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
