package kb.publish;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import kb.content.Article;
import kb.content.Languages;

/** Builds each page's {@link HeadMeta} from what the page is and where its language versions live. */
public final class Head {
    private final Urls urls;
    private final BiFunction<String, String, String> text;

    /**
     * @param base      the configured public base URL
     * @param languages the languages served now: their tags, and the default one for x-default
     * @param text      the UI string of a key in a language ({@code site.name}, {@code feed.title}, …)
     */
    public Head(Supplier<URI> base, Supplier<Languages> languages, BiFunction<String, String, String> text) {
        this.urls = new Urls(base, languages);
        this.text = text;
    }

    /** One step of a breadcrumb: a page's title and site-relative URL. */
    public record Crumb(String title, String url) {}

    /**
     * @param versions the site-relative URL of this page in each language that has it, this one included
     * @param article  the article shown, for its dates, tags and TechArticle data
     * @param trail    the pages between the home and this one (its categories), for the BreadcrumbList;
     *                 the visible breadcrumb shows the same steps
     */
    public HeadMeta page(String lang, String title, String description, Map<String, String> versions, Optional<Article> article,
            List<Crumb> trail) {
        String path = versions.getOrDefault(lang, "/" + lang + "/");
        String url = urls.absolute(path);
        String siteName = text.apply(lang, "site.name");
        String homeUrl = urls.absolute("/" + lang + "/");
        List<JsonLd.Step> steps = trail.stream().map(c -> new JsonLd.Step(c.title(), urls.absolute(c.url()))).toList();
        JsonLd.Place place = new JsonLd.Place(lang, urls.hreflang(lang), siteName, homeUrl, url, title, description, steps);
        String jsonLd;
        if (article.isPresent()) {
            jsonLd = JsonLd.article(place, article.get());
        } else if (path.equals("/" + lang + "/")) {
            jsonLd = JsonLd.home(place, urls.absolute("/" + lang + "/search?q={search_term_string}"));
        } else {
            jsonLd = JsonLd.page(place);
        }
        List<HeadMeta.Hreflang> alternates = new ArrayList<>();
        List<String> otherLocales = new ArrayList<>();
        if (versions.size() > 1) {
            versions.forEach((l, p) -> alternates.add(new HeadMeta.Hreflang(urls.hreflang(l), urls.absolute(p))));
            alternates.add(new HeadMeta.Hreflang("x-default", urls.absolute(Sitemap.xDefault(versions, urls.defaultLang()))));
            versions.keySet().stream().filter(l -> !l.equals(lang)).map(urls::ogLocale).forEach(otherLocales::add);
        }
        return new HeadMeta(url, alternates, null, article.isPresent() ? "article" : "website",
                urls.ogLocale(lang), otherLocales, siteName, title, description,
                article.flatMap(Article::lastmod).map(Object::toString).orElse(null),
                article.map(Article::tags).orElse(List.of()),
                "/" + lang + "/opensearch.xml", "/" + lang + "/feed.xml", text.apply(lang, "feed.title"), jsonLd, null, null);
    }

    /**
     * The head of a page that is not content (not found, search results, a refusal): {@code noindex},
     * no canonical, no alternates, no structured data.
     */
    public HeadMeta unindexed(String lang, String title, String description) {
        return new HeadMeta(null, List.of(), "noindex", "website", urls.ogLocale(lang), List.of(), text.apply(lang, "site.name"),
                title, description, null, List.of(), "/" + lang + "/opensearch.xml", "/" + lang + "/feed.xml",
                text.apply(lang, "feed.title"), null, null, null);
    }

    /** The head of one page of a paged list: {@code rel=prev} and {@code rel=next} to its neighbours (site-relative paths or null). */
    public HeadMeta paged(HeadMeta meta, String prevPath, String nextPath) {
        return meta.paged(prevPath == null ? null : urls.absolute(prevPath), nextPath == null ? null : urls.absolute(nextPath));
    }
}
