package kb.content;

/**
 * A tag as readers browse it, in one language: every article of that language whose front matter
 * names it, whatever its case or accents ({@code Segurança} and {@code seguranca} are one tag).
 *
 * @param lang  {@code pt} or {@code en}
 * @param slug  the tag in the URL: lower case, accents removed ({@code seguranca})
 * @param name  the tag as the first article (in list order) writes it
 * @param count how many articles of the language carry it
 */
public record Tag(String lang, String slug, String name, int count) {
    /** The path after {@code /<lang>} of the index of tags; each tag's page is below it. */
    public static final String INDEX = "/tags";

    /** {@code /pt/tags/seguranca}. */
    public String url() {
        return indexUrl(lang) + "/" + slug;
    }

    /** {@code /pt/tags}: every tag of a language. */
    public static String indexUrl(String lang) {
        return "/" + lang + INDEX;
    }
}
