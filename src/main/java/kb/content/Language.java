package kb.content;

import java.util.Locale;

/**
 * One language the site serves.
 *
 * @param code    the first segment of its URLs and the name of its folders and files ({@code pt}, {@code es})
 * @param name    its name in itself, as the language switch shows it ({@code Português})
 * @param locale  how its dates and numbers are written, and its Open Graph locale ({@code pt-BR})
 * @param hreflang the BCP-47 tag of {@code <html lang>} and hreflang links; the locale's tag unless given
 */
public record Language(String code, String name, Locale locale, String hreflang) {
    /** Lower-case letters, 2 to 8, optionally {@code -} and more: what may stand first in a URL path. */
    static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[a-z]{2,8}(-[a-z0-9]{1,8})?");

    public Language {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("bad language code '" + code + "' (expected lower-case letters such as pt or es)");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("language " + code + " has no name");
        }
    }

    /** A language whose locale is its code's and whose tag is its locale's. */
    public static Language of(String code, String name, String localeTag) {
        Locale locale = Locale.forLanguageTag(localeTag);
        return new Language(code, name, locale, locale.toLanguageTag());
    }

    /** {@code pt_BR}: the form Open Graph wants. */
    public String ogLocale() {
        return locale.getCountry().isEmpty() ? locale.getLanguage() : locale.getLanguage() + "_" + locale.getCountry();
    }

    /**
     * The ISO 639 language whose Lucene analysis the search uses ({@code pt} for a code {@code br}
     * with locale {@code pt-BR}).
     */
    public String analysis() {
        return locale.getLanguage().isEmpty() ? code : locale.getLanguage();
    }
}
