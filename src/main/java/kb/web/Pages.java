package kb.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.HashMap;
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

/** The HTML pages: home, article, redirects and the not-found page, in the language of the URL. */
public final class Pages {
    /** A link to the same page in one language, for hreflang and the language switch. */
    public record Alternate(String lang, String url) {}

    /** One line of an article's table of contents. */
    public record TocEntry(String id, String heading, int level) {}

    private final Supplier<Site> site;
    private final Templates templates;
    private final Map<String, Messages> messages;
    private final Map<String, Function<String, String>> embeds;

    /**
     * @param embeds by shortcode name, the HTML that replaces it for a language
     */
    public Pages(Supplier<Site> site, Templates templates, Map<String, Messages> messages,
            Map<String, Function<String, String>> embeds) {
        this.site = site;
        this.templates = templates;
        this.messages = Map.copyOf(messages);
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
            notFound(ctx);
        }
    }

    /** {@code /<lang>/}: the search box and the articles. */
    public void home(Context ctx) {
        String lang = ctx.pathParam("lang");
        if (!Library.LANGUAGES.contains(lang)) {
            notFound(ctx);
            return;
        }
        Messages m = messages.get(lang);
        List<Alternate> alternates = new ArrayList<>();
        for (String l : Library.LANGUAGES) {
            alternates.add(new Alternate(l, "/" + l + "/"));
        }
        Map<String, Object> model = layout(lang, m.get("home.title"), m.get("home.description"), alternates);
        model.put("articles", site.get().library().articles(lang));
        html(ctx, templates.render("home", lang, model));
    }

    /** {@code /<lang>/<path>}: an article, a redirect from an old or slashed URL, or the 404 page. */
    public void article(Context ctx) {
        String lang = ctx.pathParam("lang");
        if (!Library.LANGUAGES.contains(lang)) {
            notFound(ctx);
            return;
        }
        Library library = site.get().library();
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
                notFound(ctx);
            }
            return;
        }
        html(ctx, renderArticle(library, found.get()));
    }

    private String renderArticle(Library library, Article article) {
        String lang = article.lang();
        Messages m = messages.get(lang);
        List<Alternate> alternates = new ArrayList<>();
        for (String l : Library.LANGUAGES) {
            library.translation(article, l).ifPresent(t -> alternates.add(new Alternate(l, t.url())));
        }
        Map<String, Object> model = layout(lang, article.title(), article.description(), alternates);
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
        return templates.render("article", lang, model);
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

    /** The 404 page, in the language of the path's first segment (Portuguese when it has none). */
    public void notFound(Context ctx) {
        String lang = languageOf(ctx.path());
        Messages m = messages.get(lang);
        Map<String, Object> model = layout(lang, m.get("notfound.title"), "", homes());
        ctx.status(HttpStatus.NOT_FOUND);
        html(ctx, templates.render("notfound", lang, model));
    }

    static String languageOf(String path) {
        for (String lang : Library.LANGUAGES) {
            if (path.equals("/" + lang) || path.startsWith("/" + lang + "/")) {
                return lang;
            }
        }
        return "pt";
    }

    private static List<Alternate> homes() {
        return Library.LANGUAGES.stream().map(l -> new Alternate(l, "/" + l + "/")).toList();
    }

    /** What the layout needs on every page: titles, the language switch and the hreflang links. */
    Map<String, Object> layout(String lang, String title, String description, List<Alternate> alternates) {
        Map<String, Object> model = new HashMap<>();
        String other = Library.LANGUAGES.stream().filter(l -> !l.equals(lang)).findFirst().orElse(lang);
        model.put("otherLang", other);
        model.put("title", title);
        model.put("description", description);
        model.put("alternates", alternates.size() > 1 ? alternates : List.of());
        model.put("switchUrl", alternates.stream().filter(a -> a.lang().equals(other)).map(Alternate::url)
                .findFirst().orElse("/" + other + "/"));
        model.put("query", "");
        return model;
    }

    static void html(Context ctx, String body) {
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(body);
    }
}
