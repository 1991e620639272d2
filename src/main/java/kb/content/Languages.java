package kb.content;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The languages of the site, in the order the switch, the sitemap and hreflang list them, and the
 * default one (for {@code /}, x-default and pages outside any language). Read from
 * {@code content/languages.yaml} by {@link LanguagesFile}; part of the loaded {@link Library}.
 */
public final class Languages {
    /** Without {@code languages.yaml}: Portuguese, then English, Portuguese the default. */
    public static final Languages BUILT_IN = new Languages(List.of(
            new Language("pt", "Português", Locale.forLanguageTag("pt-BR"), "pt-BR"),
            new Language("en", "English", Locale.forLanguageTag("en-US"), "en")), "pt");

    private final List<Language> all;
    private final Map<String, Language> byCode;
    private final Language defaultLanguage;

    /** @throws IllegalArgumentException when the list is empty, a code repeats or the default is not listed */
    public Languages(List<Language> languages, String defaultCode) {
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("no languages listed");
        }
        Map<String, Language> codes = new LinkedHashMap<>();
        for (Language l : languages) {
            if (codes.putIfAbsent(l.code(), l) != null) {
                throw new IllegalArgumentException("language " + l.code() + " is listed twice");
            }
        }
        if (!codes.containsKey(defaultCode)) {
            throw new IllegalArgumentException("the default language '" + defaultCode + "' is not in the list " + codes.keySet());
        }
        this.all = List.copyOf(languages);
        this.byCode = Map.copyOf(codes);
        this.defaultLanguage = codes.get(defaultCode);
    }

    /** Every language, in order. */
    public List<Language> all() {
        return all;
    }

    /** Every language's code, in order. */
    public List<String> codes() {
        return all.stream().map(Language::code).toList();
    }

    public Language defaultLanguage() {
        return defaultLanguage;
    }

    /** The language of a code: a path segment or a {@code lang=} parameter, checked here and nowhere else. */
    public Optional<Language> get(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
    }

    public boolean contains(String code) {
        return code != null && byCode.containsKey(code);
    }

    /** The language whose folder a site path is in ({@code /pt} or {@code /pt/…}); empty for any other path. */
    public Optional<String> ofPath(String path) {
        int end = path.indexOf('/', 1);
        String first = path.startsWith("/") ? path.substring(1, end < 0 ? path.length() : end) : "";
        return contains(first) ? Optional.of(first) : Optional.empty();
    }

    /** The language of a known code; the default for anything else. */
    public Language orDefault(String code) {
        return get(code).orElse(defaultLanguage);
    }

    /** The best match for an {@code Accept-Language} header among these languages; the default when none matches. */
    public Language preferred(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 500) {
            return defaultLanguage;
        }
        try {
            String tag = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), codes());
            return tag == null ? defaultLanguage : orDefault(tag);
        } catch (IllegalArgumentException e) {
            return defaultLanguage;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Languages other && other.all.equals(all) && other.defaultLanguage.equals(defaultLanguage);
    }

    @Override
    public int hashCode() {
        return all.hashCode();
    }

    @Override
    public String toString() {
        return codes() + " (default " + defaultLanguage.code() + ")";
    }
}
