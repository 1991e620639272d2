package kb.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kb.content.Article;
import kb.content.Section;

/**
 * Where each error code of one language's articles is explained: the target of
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

    private final Map<String, Place> places;

    private ErrorCodes(Map<String, Place> places) {
        this.places = Map.copyOf(places);
    }

    /** The codes of one language's articles, in the library's order. */
    static ErrorCodes of(List<Article> articles) {
        Map<String, Place> prominent = new HashMap<>();
        Map<String, Place> anywhere = new HashMap<>();
        for (Article article : articles) {
            Place top = new Place(article, null);
            collect(article.title(), 0, article.title().length(), top, prominent);
            collect(article.description(), 0, article.description().length(), top, prominent);
            collect(article.intro(), 0, article.intro().length(), top, prominent);
            for (Section section : article.sections()) {
                Place place = new Place(article, section.id());
                String text = section.text();
                int firstBreak = text.indexOf('\n');
                int paragraphEnd = firstBreak < 0 ? text.length() : firstBreak;
                collect(section.heading(), 0, section.heading().length(), place, prominent);
                collect(text, 0, paragraphEnd, place, prominent);
                collect(text, paragraphEnd, text.length(), place, anywhere);
            }
        }
        anywhere.putAll(prominent);
        return new ErrorCodes(anywhere);
    }

    Optional<Place> find(String code) {
        return Optional.ofNullable(places.get(code));
    }

    private static void collect(String text, int from, int to, Place place, Map<String, Place> into) {
        int underscore = text.indexOf('_', from);
        if (underscore < 0 || underscore >= to) {
            return; // no code without an underscore: most text is skipped at once
        }
        Identifiers.scan(text, from, to, (identifier, start, end) -> {
            if (Identifiers.isErrorCode(identifier)) {
                into.putIfAbsent(identifier, place);
            }
        });
    }
}
