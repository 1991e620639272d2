package kb.content;

import java.nio.file.Path;

/**
 * A folder of articles in one language, shown as a page that lists its subfolders and articles, as
 * Hugo's sections are. Its optional {@code _index.md} gives the title and the rest; without one the
 * title is the folder's name made readable.
 *
 * @param lang           {@code pt} or {@code en}
 * @param url            site-relative, without trailing slash, e.g. {@code /pt/dispositivos-moveis}
 * @param title          from {@code _index.md}, else the folder name ({@code dispositivos-moveis} → "Dispositivos moveis")
 * @param description    from {@code _index.md}; may be empty
 * @param weight         list order, lower first; {@code Integer.MAX_VALUE} when not given
 * @param translationKey links the language versions of one category; may be empty
 * @param folder         the folder, relative to the content folder ({@code pt/dispositivos-moveis})
 */
public record Category(String lang, String url, String title, String description, int weight,
        String translationKey, Path folder) {

    /** {@code dispositivos-moveis} → "Dispositivos moveis": dashes and underscores become spaces, the first letter a capital. */
    static String titleFromFolder(String name) {
        String words = name.replace('-', ' ').replace('_', ' ').strip().replaceAll("\\s+", " ");
        if (words.isEmpty()) {
            return name;
        }
        return words.substring(0, words.offsetByCodePoints(0, 1)).toUpperCase(java.util.Locale.ROOT)
                + words.substring(words.offsetByCodePoints(0, 1));
    }
}
