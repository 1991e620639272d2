package kb.content;

import java.util.List;

/**
 * One headed part of an article: the heading, its anchor and the plain text up to the next heading.
 *
 * @param id        the anchor id (explicit {@code {#id}} or generated from the heading text)
 * @param heading   the heading as plain text
 * @param level     2 for {@code ##}, 3 for {@code ###}, ...
 * @param text      plain text of the section body, code included, for search; null in a slim article
 * @param aliasIds  extra ids that land on this section (the generated id of an explicitly named heading)
 */
public record Section(String id, String heading, int level, String text, List<String> aliasIds) {
    public Section {
        // Section ids and headings repeat across articles: held once (see SharedStrings).
        id = SharedStrings.of(id);
        heading = SharedStrings.of(heading);
        aliasIds = SharedStrings.all(aliasIds);
    }
}
