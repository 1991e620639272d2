package kb.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kb.content.Article;
import kb.content.Library;
import kb.content.Section;

/**
 * Where each error code of the articles is explained, per language: the target of
 * {@code /<lang>/error/<CODE>}. A code's place is the first section (in the library's article
 * order) that names it in its heading or first paragraph, or else the first that names it at all.
 */
final class ErrorCodes {
    /**
     * Where a code is explained.
     *
     * @param article   the article
     * @param sectionId the section's id, or null for the top of the article (the code is in its intro)
     */
    record Place(Article article, String sectionId) {
        String url() {
            return sectionId == null ? article.url() : article.url() + "#" + sectionId;
        }
    }

    private final Map<String, Map<String, Place>> byLang;

    private ErrorCodes(Map<String, Map<String, Place>> byLang) {
        this.byLang = Map.copyOf(byLang);
    }

    static ErrorCodes of(Library library) {
        Map<String, Map<String, Place>> byLang = new HashMap<>();
        for (String lang : Library.LANGUAGES) {
            byLang.put(lang, Map.copyOf(places(library.articles(lang))));
        }
        return new ErrorCodes(byLang);
    }

    Optional<Place> find(String lang, String code) {
        return Optional.ofNullable(byLang.getOrDefault(lang, Map.of()).get(code));
    }

    private static Map<String, Place> places(List<Article> articles) {
        Map<String, Place> prominent = new HashMap<>();
        Map<String, Place> anywhere = new HashMap<>();
        for (Article article : articles) {
            Place top = new Place(article, null);
            collect(article.title(), top, prominent);
            collect(article.description(), top, prominent);
            collect(article.intro(), top, prominent);
            for (Section section : article.sections()) {
                Place place = new Place(article, section.id());
                String text = section.text();
                int firstBreak = text.indexOf('\n');
                collect(section.heading(), place, prominent);
                collect(firstBreak < 0 ? text : text.substring(0, firstBreak), place, prominent);
                if (firstBreak >= 0) {
                    collect(text.substring(firstBreak + 1), place, anywhere);
                }
            }
        }
        anywhere.putAll(prominent);
        return anywhere;
    }

    private static void collect(String text, Place place, Map<String, Place> into) {
        Identifiers.scan(text, (identifier, start, end) -> {
            if (Identifiers.isErrorCode(identifier)) {
                into.putIfAbsent(identifier, place);
            }
        });
    }
}
