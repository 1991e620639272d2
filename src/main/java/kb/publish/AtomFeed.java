package kb.publish;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import javax.xml.XMLConstants;
import kb.content.Article;

/**
 * {@code /<lang>/feed.xml}: the articles of one language, most recently updated first, so support
 * teams can follow changes in a feed reader. An entry's id is its article's URL, so an update shows
 * up as the same entry changed, not as a new one. Articles without {@code lastmod} have no date to
 * report and are left out.
 */
final class AtomFeed {
    static final int MAX_ENTRIES = 50;
    private static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /** The texts of the feed in its language. */
    record Labels(String title, String subtitle, String author) {}

    private AtomFeed() {}

    static List<Article> recent(List<Article> articles) {
        return articles.stream()
                .filter(a -> a.lastmod().isPresent())
                .sorted(Comparator.comparing((Article a) -> a.lastmod().get()).reversed()
                        .thenComparing(Article::title, String.CASE_INSENSITIVE_ORDER))
                .limit(MAX_ENTRIES)
                .toList();
    }

    static String xml(String lang, List<Article> articles, Labels labels, Urls urls) {
        List<Article> entries = recent(articles);
        LocalDate updated = entries.isEmpty() ? LocalDate.EPOCH : entries.get(0).lastmod().get();
        String self = urls.absolute("/" + lang + "/feed.xml");
        return Xml.document(xml -> {
            xml.out.setDefaultNamespace(ATOM_NS);
            xml.out.writeStartElement(ATOM_NS, "feed");
            xml.out.writeDefaultNamespace(ATOM_NS);
            xml.out.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", urls.hreflang(lang));
            xml.element("id", self)
                    .element("title", labels.title())
                    .element("subtitle", labels.subtitle())
                    .element("updated", timestamp(updated))
                    .empty("link", "rel", "self", "type", "application/atom+xml", "href", self)
                    .empty("link", "rel", "alternate", "type", "text/html", "href", urls.absolute("/" + lang + "/"));
            xml.start("author").element("name", labels.author()).end();
            for (Article a : entries) {
                xml.start("entry")
                        .element("id", urls.absolute(a.url()))
                        .element("title", a.title())
                        .empty("link", "rel", "alternate", "type", "text/html", "href", urls.absolute(a.url()))
                        .element("updated", timestamp(a.lastmod().get()))
                        .element("summary", a.description().isEmpty() ? a.intro() : a.description());
                for (String tag : a.tags()) {
                    xml.empty("category", "term", tag);
                }
                xml.end();
            }
            xml.end();
        });
    }

    private static String timestamp(LocalDate date) {
        return date.atStartOfDay().atOffset(ZoneOffset.UTC).format(RFC3339);
    }
}
