package kb.content;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The orders articles are listed in, sorted on keys computed once per article rather than on
 * every comparison: a reload sorts tens of thousands of articles several times, and comparing
 * titles case-insensitively char by char on each comparison was most of its time. The orders
 * are exactly those of the comparators they stand for ({@link Catalog#ARTICLE_ORDER}, …).
 */
final class ArticleOrder {
    private ArticleOrder() {}

    /** An article with its sort keys; the title folded as {@link String#CASE_INSENSITIVE_ORDER} compares. */
    private record Keyed(Article article, int weight, long newest, String title, String url) {
        static Keyed of(Article a) {
            return new Keyed(a, a.weight(), -a.lastmod().orElse(LocalDate.MIN).toEpochDay(), fold(a.title()), a.url());
        }
    }

    private static final Comparator<Keyed> WEIGHT_NEWEST_TITLE = Comparator.comparingInt(Keyed::weight)
            .thenComparingLong(Keyed::newest).thenComparing(Keyed::title).thenComparing(Keyed::url);
    private static final Comparator<Keyed> WEIGHT_TITLE_URL = Comparator.comparingInt(Keyed::weight)
            .thenComparing(Keyed::title).thenComparing(Keyed::url);
    private static final Comparator<Keyed> NEWEST_TITLE_URL = Comparator.comparingLong(Keyed::newest)
            .thenComparing(Keyed::title).thenComparing(Keyed::url);

    /** {@link #byWeightThenNewest}'s order, for comparing a few articles without sorting a list. */
    static final Comparator<Article> WEIGHT_NEWEST = Comparator.comparing(Keyed::of, WEIGHT_NEWEST_TITLE);

    /** By weight, then newest first, then title (then URL): the library's lists. */
    static List<Article> byWeightThenNewest(Collection<Article> articles) {
        return sorted(articles, WEIGHT_NEWEST_TITLE);
    }

    /** {@link Catalog#ARTICLE_ORDER}: by weight, then title, then URL. */
    static List<Article> byWeightThenTitle(Collection<Article> articles) {
        return sorted(articles, WEIGHT_TITLE_URL);
    }

    /** The first {@code limit} articles newest first, then by title and URL. */
    static List<Article> newest(Collection<Article> articles, int limit) {
        List<Article> all = sorted(articles, NEWEST_TITLE_URL);
        return all.size() <= limit ? all : List.copyOf(all.subList(0, limit));
    }

    /** {@link #byWeightThenNewest} of a list sorted so, without some articles and with others. */
    static List<Article> byWeightThenNewest(List<Article> sorted, Set<Article> gone, List<Article> come) {
        return patched(sorted, gone, come, WEIGHT_NEWEST_TITLE);
    }

    /** {@link #byWeightThenTitle} of a list sorted so, without some articles and with others. */
    static List<Article> byWeightThenTitle(List<Article> sorted, Set<Article> gone, List<Article> come) {
        return patched(sorted, gone, come, WEIGHT_TITLE_URL);
    }

    /**
     * A sorted list without the articles that went (by identity) and with the ones that came, each
     * put in its place by a binary search: what an edit changes in a list, in the list's length
     * plus a few comparisons, instead of sorting it all again.
     */
    private static List<Article> patched(List<Article> sorted, Set<Article> gone, List<Article> come, Comparator<Keyed> order) {
        List<Article> out = new java.util.ArrayList<>(sorted.size() + come.size());
        for (Article a : sorted) {
            if (!gone.contains(a)) {
                out.add(a);
            }
        }
        for (Article a : come) {
            Keyed key = Keyed.of(a);
            int lo = 0;
            int hi = out.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (order.compare(Keyed.of(out.get(mid)), key) <= 0) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            out.add(lo, a);
        }
        return java.util.Collections.unmodifiableList(out);
    }

    private static List<Article> sorted(Collection<Article> articles, Comparator<Keyed> order) {
        Keyed[] keyed = new Keyed[articles.size()];
        int i = 0;
        for (Article a : articles) {
            keyed[i++] = Keyed.of(a);
        }
        Arrays.sort(keyed, order);
        Article[] out = new Article[keyed.length];
        for (i = 0; i < keyed.length; i++) {
            out[i] = keyed[i].article();
        }
        return List.of(out);
    }

    /** Titles already folded: a reload sorts the same titles again. */
    private static final Remembered FOLDED = new Remembered(ArticleOrder::foldChars, 200_000);

    /** Each char as {@link String#CASE_INSENSITIVE_ORDER} compares it: upper case, then lower case. */
    static String fold(String s) {
        return FOLDED.of(s);
    }

    private static String foldChars(String s) {
        char[] c = new char[s.length()];
        for (int i = 0; i < c.length; i++) {
            c[i] = Character.toLowerCase(Character.toUpperCase(s.charAt(i)));
        }
        return new String(c);
    }
}
