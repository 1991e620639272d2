package kb.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import kb.content.Article;
import kb.content.Language;
import kb.content.Languages;
import kb.publish.Head;
import kb.publish.HeadMeta;

/**
 * What every HTML page shares: the language of its path, the {@link Layout} around it (title,
 * head, language switch), and the not-found page.
 */
public final class Frame {
    /** A link to the same page in one language, for hreflang and the language switch. */
    public record Alternate(String lang, String url) {}

    /** What the layout says about the languages themselves; the same for every page of a set of languages. */
    private record LanguageTags(Languages languages, Map<String, String> hreflangs, String pairs, Map<String, String> names) {
        static LanguageTags of(Languages languages) {
            Map<String, String> hreflangs = new LinkedHashMap<>();
            Map<String, String> names = new LinkedHashMap<>();
            List<String> pairs = new ArrayList<>();
            for (Language l : languages.all()) {
                hreflangs.put(l.code(), l.hreflang());
                names.put(l.code(), l.name());
                pairs.add(l.code() + "=" + l.hreflang());
            }
            return new LanguageTags(languages, Map.copyOf(hreflangs), String.join(" ", pairs), Map.copyOf(names));
        }
    }

    private final Responder responder;
    private final Function<String, Messages> messages;
    private final Supplier<Languages> languages;
    private final Head head;
    private volatile LanguageTags tags;

    /**
     * @param responder sends the not-found page
     * @param messages  the current UI strings of a language, by code
     * @param languages the languages currently served
     */
    public Frame(Responder responder, Function<String, Messages> messages, Supplier<Languages> languages, Head head) {
        this.responder = responder;
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

    /** The layout of a page for search engines, in every language listed in {@code alternates}. */
    public Layout layout(String lang, String title, String description, List<Alternate> alternates) {
        return layout(lang, title, description, alternates, Optional.empty(), List.of());
    }

    /**
     * The layout of a page that shows an article (whose head then describes it) or sits inside
     * categories: {@code trail} (the steps between the home and the page) feeds both the visible
     * breadcrumb and the JSON-LD BreadcrumbList, so they always agree.
     */
    public Layout layout(String lang, String title, String description, List<Alternate> alternates,
            Optional<Article> article, List<Head.Crumb> trail) {
        Map<String, String> versions = versions(alternates);
        return layout(lang, title, description, head.page(lang, title, description, versions, article, trail), versions, trail);
    }

    /**
     * The layout of a page that is not content (not found, search results, a refusal): its head
     * says {@code noindex} and has no canonical, alternates or structured data.
     */
    public Layout unindexed(String lang, String title, String description, List<Alternate> alternates) {
        Map<String, String> versions = versions(alternates);
        return layout(lang, title, description, head.unindexed(lang, title, description), versions, List.of());
    }

    /** The layout of one page of a paged list: {@code rel=prev}/{@code rel=next} in its head (site-relative paths or null). */
    public Layout paged(Layout layout, String prevPath, String nextPath) {
        return layout.withHead(head.paged(layout.head(), prevPath, nextPath));
    }

    private Layout layout(String lang, String title, String description, HeadMeta meta, Map<String, String> versions,
            List<Head.Crumb> trail) {
        Messages m = messages(lang);
        List<Layout.Switch> switches = new ArrayList<>();
        for (Language l : languages().all()) {
            if (!l.code().equals(lang)) {
                String hintKey = "lang.switch.hint." + l.code();
                String hint = m.has(hintKey) ? m.get(hintKey) : m.get("lang.switch.hint", l.name());
                switches.add(new Layout.Switch(l.code(), l.hreflang(), l.name(), hint,
                        versions.getOrDefault(l.code(), "/" + l.code() + "/"), null));
            }
        }
        LanguageTags t = tags();
        return new Layout(lang, title, description, meta, trail, switches, t.hreflangs(), t.pairs(), t.names(), "");
    }

    private LanguageTags tags() {
        Languages now = languages();
        LanguageTags t = tags;
        if (t == null || t.languages() != now) {
            t = LanguageTags.of(now);
            tags = t;
        }
        return t;
    }

    private static Map<String, String> versions(List<Alternate> alternates) {
        Map<String, String> versions = new LinkedHashMap<>();
        alternates.forEach(a -> versions.put(a.lang(), a.url()));
        return versions;
    }

    /** The same path in every language, for pages that exist in all of them (home, search, consent). */
    public List<Alternate> everyLanguage(String pathAfterLang) {
        return languages().codes().stream().map(l -> new Alternate(l, "/" + l + pathAfterLang)).toList();
    }

    /** The 404 page, in the language of the path's first segment (the default language when it has none). */
    public void notFound(Context ctx) {
        Languages known = languages();
        String lang = known.ofPath(ctx.path()).orElse(known.defaultLanguage().code());
        Messages strings = messages(lang);
        NotFoundPage page = notFoundPages.get(lang);
        if (page == null || page.languages() != known || page.messages() != strings) {
            Layout layout = unindexed(lang, strings.get("notfound.title"), "", everyLanguage("/"));
            page = new NotFoundPage(known, strings, responder.render(View.of("notfound", layout)));
            notFoundPages.put(lang, page);
        }
        ctx.status(HttpStatus.NOT_FOUND);
        responder.send(ctx, page.body());
    }

    /**
     * A language's 404 page as last rendered, with what it was rendered from: it shows nothing of
     * the path asked for, so every unknown path (a crawler's, a scanner's) gets the same bytes until
     * the languages or their strings change, instead of a template rendered each time.
     */
    private record NotFoundPage(Languages languages, Messages messages, byte[] body) {}

    private final java.util.Map<String, NotFoundPage> notFoundPages = new java.util.concurrent.ConcurrentHashMap<>();

}
