package kb.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kb.content.Article;

/**
 * One page of search results, with what the reader typed and what else to offer.
 * The first five components are {@code /api/search}'s JSON fields, in its order.
 *
 * @param query             the query as searched: cleaned of control characters, at most a few hundred characters
 * @param lang              the reader's language, the one asked for
 * @param total             how many results there are to page through (grouped; at most a few hundred)
 * @param results           this page's hits, best first
 * @param suggestion        "did you mean" text, or null: offered when the query found little and the correction finds more
 * @param fromOtherLanguage true when the reader's language had no hit and these results are in the other language
 * @param page              the page number, from 1
 * @param pageSize          hits per page
 * @param partial           true when no result contains every word of the query (after leaving out
 *                          question and filler words): the best the site has are near misses
 */
public record SearchResults(
        String query,
        String lang,
        int total,
        List<SearchHit> results,
        String suggestion,
        boolean fromOtherLanguage,
        int page,
        int pageSize,
        boolean partial) {

    /** The hits of one article on a page, shown together under its title. */
    public record ArticleHits(Article article, List<SearchHit> hits) {
        public ArticleHits {
            hits = List.copyOf(hits);
        }
    }

    public SearchResults {
        results = List.copyOf(results);
    }

    /**
     * This page's hits by article: one group per article, all its hits together even when others
     * rank between them; groups in the order of their best hit, hits in rank order. Grouping is per
     * page: an article whose hits run onto the next page shows there again.
     */
    public List<ArticleHits> groups() {
        Map<String, List<SearchHit>> byArticle = new LinkedHashMap<>();
        Map<String, Article> articles = new LinkedHashMap<>();
        for (SearchHit hit : results) {
            byArticle.computeIfAbsent(hit.article().url(), url -> new ArrayList<>()).add(hit);
            articles.putIfAbsent(hit.article().url(), hit.article());
        }
        List<ArticleHits> groups = new ArrayList<>();
        byArticle.forEach((url, hits) -> groups.add(new ArticleHits(articles.get(url), hits)));
        return List.copyOf(groups);
    }

    /** Whether there is a page after this one. */
    public boolean hasNextPage() {
        return (long) page * pageSize < total;
    }
}
