package kb.publish;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import kb.content.Article;
import kb.content.Catalog;
import kb.content.Category;
import kb.content.Tag;
import kb.content.Library;

/**
 * {@code /sitemap.xml}: every page a crawler should know (homes, articles, categories, tags), each language version with its
 * translations as {@code xhtml:link} alternates (Google's format), Portuguese as x-default.
 */
final class Sitemap {
    private static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String XHTML_NS = "http://www.w3.org/1999/xhtml";

    /** One {@code <url>}: its path, its versions by language (itself included), its last change. */
    record Entry(String path, Map<String, String> versions, Optional<LocalDate> lastmod) {}

    private Sitemap() {}

    /** The pages, in a stable order: each language's fixed pages, then its articles. */
    static List<Entry> entries(Library library, List<String> fixedPages) {
        List<Entry> entries = new ArrayList<>();
        List<String> languages = library.languages().codes();
        for (String lang : languages) {
            Optional<LocalDate> newest = library.articles(lang).stream()
                    .flatMap(a -> a.lastmod().stream()).max(LocalDate::compareTo);
            for (String page : fixedPages) {
                Map<String, String> versions = new LinkedHashMap<>();
                languages.forEach(l -> versions.put(l, "/" + l + page));
                entries.add(new Entry("/" + lang + page, versions, page.equals("/") ? newest : Optional.empty()));
            }
            for (Article a : library.articles(lang)) {
                entries.add(new Entry(a.url(), versions(library, a), a.lastmod()));
            }
            Catalog catalog = library.catalog();
            for (Category c : catalog.categories(lang)) {
                Map<String, String> versions = new LinkedHashMap<>();
                languages.forEach(l -> catalog.translation(c, l).ifPresent(t -> versions.put(l, t.url())));
                Optional<LocalDate> changed = catalog.articles(c).stream().flatMap(a -> a.lastmod().stream()).max(LocalDate::compareTo);
                entries.add(new Entry(c.url(), versions, changed));
            }
            for (Tag t : catalog.tags(lang)) {
                Map<String, String> versions = new LinkedHashMap<>();
                languages.forEach(l -> catalog.tag(l, t.slug()).ifPresent(same -> versions.put(l, same.url())));
                entries.add(new Entry(t.url(), versions, Optional.empty()));
            }
        }
        return entries;
    }

    /** The {@code <sitemapindex>} that lists the parts of a sitemap too long for one file. */
    static String index(int parts, Urls urls) {
        return Xml.document(xml -> {
            xml.out.setDefaultNamespace(SITEMAP_NS);
            xml.out.writeStartElement(SITEMAP_NS, "sitemapindex");
            xml.out.writeDefaultNamespace(SITEMAP_NS);
            for (int i = 1; i <= parts; i++) {
                xml.out.writeCharacters("\n  ");
                xml.out.writeStartElement(SITEMAP_NS, "sitemap");
                xml.element("loc", urls.absolute(partPath(i)));
                xml.end();
            }
            xml.out.writeCharacters("\n");
            xml.end();
        });
    }

    /** {@code /sitemap-2.xml}: the second part of a sitemap index. */
    static String partPath(int part) {
        return "/sitemap-" + part + ".xml";
    }

    /** The URL of each language version of an article, in the order of the library's languages. */
    static Map<String, String> versions(Library library, Article article) {
        Map<String, String> versions = new LinkedHashMap<>();
        for (String lang : library.languages().codes()) {
            library.translation(article, lang).ifPresent(t -> versions.put(lang, t.url()));
        }
        return versions;
    }

    /** The x-default version: the default language's when there is one, else the first language that has one. */
    static String xDefault(Map<String, String> versions, String defaultLang) {
        return versions.getOrDefault(defaultLang, versions.values().iterator().next());
    }

    static String xml(List<Entry> entries, Urls urls) {
        return Xml.document(xml -> {
            xml.out.setDefaultNamespace(SITEMAP_NS);
            xml.out.setPrefix("xhtml", XHTML_NS);
            xml.out.writeStartElement(SITEMAP_NS, "urlset");
            xml.out.writeDefaultNamespace(SITEMAP_NS);
            xml.out.writeNamespace("xhtml", XHTML_NS);
            for (Entry e : entries) {
                xml.out.writeCharacters("\n  ");
                url(xml, e, urls);
            }
            xml.out.writeCharacters("\n");
            xml.end();
        });
    }

    private static void url(Xml xml, Entry e, Urls urls) throws XMLStreamException {
        xml.out.writeStartElement(SITEMAP_NS, "url");
        xml.element("loc", urls.absolute(e.path()));
        if (e.lastmod().isPresent()) {
            xml.element("lastmod", e.lastmod().get().toString());
        }
        if (e.versions().size() > 1) {
            for (Map.Entry<String, String> v : e.versions().entrySet()) {
                link(xml, urls.hreflang(v.getKey()), urls.absolute(v.getValue()));
            }
            link(xml, "x-default", urls.absolute(xDefault(e.versions(), urls.defaultLang())));
        }
        xml.end();
    }

    private static void link(Xml xml, String hreflang, String href) throws XMLStreamException {
        xml.out.writeEmptyElement(XHTML_NS, "link");
        xml.out.writeAttribute("rel", "alternate");
        xml.out.writeAttribute("hreflang", hreflang);
        xml.out.writeAttribute("href", Xml.clean(href));
    }
}
