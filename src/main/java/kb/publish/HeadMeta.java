package kb.publish;

import java.util.List;

/**
 * What a page's {@code <head>} says to search engines, social previews and browsers. The page's own
 * URLs (canonical, alternates) are absolute and built from the configured base URL; the OpenSearch and
 * feed links are site-relative, fetched from wherever the page was. Null fields are left out of the page.
 *
 * @param canonical          the page's one URL; null when the page must not be indexed
 * @param alternates         each language version and x-default; empty when there is only one version
 * @param robots             {@code noindex} for pages that are not content (the 404), else null
 * @param ogType             {@code article} or {@code website}
 * @param ogLocale           {@code pt_BR} or {@code en_US}
 * @param ogLocaleAlternates the locales of the other language versions
 * @param siteName           the site's name in the page's language
 * @param title              the page title without the site name
 * @param description        the one-sentence summary; may be empty
 * @param modified           {@code YYYY-MM-DD} of an article's last update, else null
 * @param tags               an article's tags
 * @param openSearchUrl      the language's OpenSearch description
 * @param feedUrl            the language's Atom feed
 * @param feedTitle          the feed's title, for the browser's feed link
 * @param jsonLd             schema.org data, already safe inside a script element; null for none
 * @param prev               the previous page of a paged list ({@code rel=prev}), else null
 * @param next               the next page of a paged list ({@code rel=next}), else null
 */
public record HeadMeta(
        String canonical,
        List<Hreflang> alternates,
        String robots,
        String ogType,
        String ogLocale,
        List<String> ogLocaleAlternates,
        String siteName,
        String title,
        String description,
        String modified,
        List<String> tags,
        String openSearchUrl,
        String feedUrl,
        String feedTitle,
        String jsonLd,
        String prev,
        String next) {

    /** One {@code <link rel=alternate hreflang=…>}. */
    public record Hreflang(String hreflang, String href) {}

    public HeadMeta {
        alternates = List.copyOf(alternates);
        ogLocaleAlternates = List.copyOf(ogLocaleAlternates);
        tags = List.copyOf(tags);
    }

    /** The same page as one of a paged list, linking its neighbours (absolute URLs or null). */
    public HeadMeta paged(String prevUrl, String nextUrl) {
        return new HeadMeta(canonical, alternates, robots, ogType, ogLocale, ogLocaleAlternates, siteName, title,
                description, modified, tags, openSearchUrl, feedUrl, feedTitle, jsonLd, prevUrl, nextUrl);
    }
}
