package kb.publish;

import java.net.URI;
import java.util.Map;
import java.util.function.Supplier;

/** Absolute URLs under the configured base, and the language tags crawlers expect. */
final class Urls {
    /** The language shown to readers whose language the site does not serve (hreflang x-default). */
    static final String DEFAULT_LANG = "pt";

    private static final Map<String, String> HREFLANG = Map.of("pt", "pt-BR", "en", "en");
    private static final Map<String, String> OG_LOCALE = Map.of("pt", "pt_BR", "en", "en_US");

    private final Supplier<URI> base;

    Urls(Supplier<URI> base) {
        this.base = base;
    }

    /** {@code /pt/x} becomes {@code https://help.example.com/pt/x}. */
    String absolute(String sitePath) {
        String root = base.get().toString();
        return (root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + sitePath;
    }

    static String hreflang(String lang) {
        return HREFLANG.getOrDefault(lang, lang);
    }

    static String ogLocale(String lang) {
        return OG_LOCALE.getOrDefault(lang, lang);
    }
}
