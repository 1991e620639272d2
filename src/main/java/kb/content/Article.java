package kb.content;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One article in one language, ready to serve: its metadata, its rendered HTML and its sections.
 *
 * @param lang           {@code pt} or {@code en}
 * @param url            site-relative URL without trailing slash, e.g. {@code /pt/conexao/erros}
 * @param title          from the front matter
 * @param description    one-sentence summary, may be empty
 * @param lastmod        last update, if the front matter gives one
 * @param translationKey links the language versions of one article; may be empty
 * @param aliases        old site-relative URLs that redirect here
 * @param tags           free tags
 * @param weight         list order, lower first; {@code Integer.MAX_VALUE} when not given
 * @param html           the sanitized body HTML, headings carrying ids and permalinks; null in a
 *                       {@link #slim()} article, whose body stays on disk until needed
 * @param intro          plain text before the first heading
 * @param sections       every heading with an id, in document order
 * @param links          every link's href in the body, in document order, for link checking
 * @param source         the file this came from, relative to the content folder
 */
public record Article(
        String lang,
        String url,
        String title,
        String description,
        Optional<LocalDate> lastmod,
        String translationKey,
        List<String> aliases,
        List<String> tags,
        int weight,
        String html,
        String intro,
        List<Section> sections,
        List<String> links,
        Path source) {

    public Article {
        // Kept for as long as the site runs: what other articles repeat is held once (see SharedStrings).
        lang = SharedStrings.of(lang);
        translationKey = SharedStrings.of(translationKey);
        aliases = List.copyOf(aliases);
        tags = SharedStrings.all(tags);
        sections = List.copyOf(sections);
        links = SharedStrings.all(links);
    }

    /** Whether the rendered HTML and the sections' text are held: false for a {@link #slim()} article. */
    public boolean hasBody() {
        return html != null;
    }

    /**
     * This article without its body (the HTML and the sections' text, the bulk of its bytes): what
     * the site keeps in memory when the body is kept on disk by the search index.
     */
    public Article slim() {
        if (!hasBody()) {
            return this;
        }
        List<Section> bare = sections.stream().map(s -> new Section(s.id(), s.heading(), s.level(), null, s.aliasIds())).toList();
        return new Article(lang, url, title, description, lastmod, translationKey, aliases, tags, weight, null, intro, bare, links, source);
    }

    /** The section that the given id lands on, whether it is the section's own id or one of its aliases. */
    public Optional<Section> section(String id) {
        return sections.stream()
                .filter(s -> s.id().equals(id) || s.aliasIds().contains(id))
                .findFirst();
    }
}
