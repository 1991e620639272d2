package kb.publish;

import java.net.URI;
import java.util.function.Supplier;
import kb.content.Language;
import kb.content.Languages;

/** Absolute URLs under the configured base, and the language tags crawlers expect. */
final class Urls {
    private final Supplier<URI> base;
    private final Supplier<Languages> languages;

    /** @param languages the languages served now: their tags, and the default one for x-default */
    Urls(Supplier<URI> base, Supplier<Languages> languages) {
        this.base = base;
        this.languages = languages;
    }

    /** The language shown to readers whose language the site does not serve (hreflang x-default). */
    String defaultLang() {
        return languages.get().defaultLanguage().code();
    }

    /** {@code /pt/x} becomes {@code https://help.example.com/pt/x}. */
    String absolute(String sitePath) {
        String root = base.get().toString();
        return (root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + sitePath;
    }

    /** {@code pt-BR}: the language's tag for hreflang, {@code xml:lang} and {@code inLanguage}. */
    String hreflang(String lang) {
        return languages.get().get(lang).map(Language::hreflang).orElse(lang);
    }

    /** {@code pt_BR}: the language's Open Graph locale. */
    String ogLocale(String lang) {
        return languages.get().get(lang).map(Language::ogLocale).orElse(lang);
    }
}
