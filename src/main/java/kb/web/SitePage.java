package kb.web;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import kb.content.Tag;

/**
 * The pages every language has besides articles, categories and tags' own pages: the one table that
 * {@code Main}'s routes, the sitemap, the link check's known pages and the loader's known embeds read.
 */
public enum SitePage {
    HOME("/", true, null),
    ADMIN_CONSENT("/admin-consent", true, "admin-consent"),
    SEARCH("/search", false, null),
    TAGS(Tag.INDEX, true, null),
    PRIVACY("/privacy", true, null);

    private final String path;
    private final boolean inSitemap;
    private final String embed;

    /**
     * @param path      the path after {@code /<lang>}
     * @param inSitemap whether crawlers are sent to it (search results are not content)
     * @param embed     the shortcode an article writes to show this page's form inline, or null
     */
    SitePage(String path, boolean inSitemap, String embed) {
        this.path = path;
        this.inSitemap = inSitemap;
        this.embed = embed;
    }

    /** The path after {@code /<lang>}: {@code "/"}, {@code "/admin-consent"}, … */
    public String path() {
        return path;
    }

    /** The route of the page in every language: {@code /{lang}/admin-consent}. */
    public String route() {
        return "/{lang}" + path;
    }

    /** This page in one language: {@code /pt/admin-consent}. */
    public String url(String lang) {
        return "/" + lang + path;
    }

    /** The shortcode name that embeds this page in an article, or null. */
    public String embed() {
        return embed;
    }

    /** The pages the sitemap lists in every language, as paths after {@code /<lang>}. */
    public static List<String> sitemapPaths() {
        return Arrays.stream(values()).filter(p -> p.inSitemap).map(SitePage::path).toList();
    }

    /** What content may link to besides articles, categories and tags, as paths after {@code /<lang>}: every page. */
    public static Set<String> linkTargets() {
        return Arrays.stream(values()).map(SitePage::path).collect(Collectors.toUnmodifiableSet());
    }

    /** The shortcode names the site can fill in. */
    public static Set<String> embeds() {
        return Arrays.stream(values()).map(SitePage::embed).filter(e -> e != null).collect(Collectors.toUnmodifiableSet());
    }
}
