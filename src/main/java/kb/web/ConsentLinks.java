package kb.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kb.consent.ArticleLink;
import kb.consent.ConsentSettings;
import kb.consent.ConsentSettingsFile;
import kb.content.Article;
import kb.content.BrokenLink;
import kb.content.Library;

/**
 * The articles the consent page links to, named in the consent settings by translation key: where
 * each leads in a language, and, like the link check does for articles, which lead nowhere.
 */
public final class ConsentLinks {
    private ConsentLinks() {}

    /** The article a link names in a language, when that language has it. */
    static Optional<Article> article(Library library, ArticleLink link, String lang) {
        return library.byTranslationKey(link.translationKey(), lang);
    }

    /** The URL a link leads to in a language ({@code #section} included); empty when it leads nowhere there. */
    static Optional<String> url(Library library, ArticleLink link, String lang) {
        return article(library, link, lang)
                .filter(a -> link.section() == null || a.section(link.section()).isPresent())
                .map(a -> link.section() == null ? a.url() : a.url() + "#" + link.section());
    }

    /**
     * Each link of the settings that leads nowhere in some language of the library, reported at the
     * line of the settings file that names it (0 when the link is the default, written nowhere).
     *
     * @param contentDir the content folder, where the settings file is
     */
    public static List<BrokenLink> broken(Library library, ConsentSettings settings, Path contentDir) {
        Path file = Path.of(ConsentSettingsFile.NAME);
        String text = read(contentDir.resolve(file));
        List<BrokenLink> broken = new ArrayList<>();
        Map<String, ArticleLink> links = new java.util.LinkedHashMap<>();
        links.put(ConsentSettingsFile.FIND_TENANT_ARTICLE, settings.findTenantArticle());
        links.put(ConsentSettingsFile.CONSENT_ARTICLE, settings.consentArticle());
        links.forEach((key, link) -> {
            for (String lang : library.languages().codes()) {
                Optional<Article> article = article(library, link, lang);
                String reason = article.isEmpty()
                        ? "no article in " + lang + " has the translationKey '" + link.translationKey() + "'"
                        : link.section() != null && article.get().section(link.section()).isEmpty()
                                ? "no section #" + link.section() + " in " + article.get().url()
                                : null;
                if (reason != null) {
                    broken.add(new BrokenLink(file, lineOf(text, key), link.toString(), key + ": " + reason));
                }
            }
        });
        return broken;
    }

    private static int lineOf(String text, String key) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith(key) && line.substring(key.length()).stripLeading().matches("[=:].*")) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
