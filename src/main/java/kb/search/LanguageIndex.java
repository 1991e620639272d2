package kb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;

/**
 * One language's searchable index: the Lucene searcher, the entry each document stands for, and
 * the query factory that speaks its analyzer. Immutable and safe to share between threads.
 */
final class LanguageIndex {
    /** Fewer exact results than this, and typos are allowed and a correction is looked for. */
    static final int FEW = 3;
    /** Up to this many words, "most of the words" is one query; beyond, words are left out one by one. */
    private static final int FEW_WORDS = 4;
    /** How many documents are ranked per query; results beyond them are not offered. */
    private static final int CANDIDATES = 400;
    /** A reader sees at most this many entries of one article in a result list. */
    private static final int PER_ARTICLE = 3;
    /** A section this close to its article's score is the better answer (see {@link #group}). */
    private static final float SECTION_RATIO = 0.6f;

    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final List<Entry> entries;
    private final int[] entryOfDoc;
    private final QueryFactory queries;
    private final Snippets snippets;
    private final Vocabulary vocabulary;
    private final ErrorCodes errorCodes;
    private final long indexBytes;

    LanguageIndex(Analysis analysis, DirectoryReader reader, long indexBytes, List<Entry> entries, int[] entryOfDoc,
            Vocabulary vocabulary, QueryFactory queries, ErrorCodes errorCodes) {
        this.reader = reader;
        this.indexBytes = indexBytes;
        this.entries = List.copyOf(entries);
        this.entryOfDoc = entryOfDoc;
        this.vocabulary = vocabulary;
        this.queries = queries;
        this.errorCodes = errorCodes;
        this.snippets = new Snippets(analysis);
        // For term statistics only; searches get their own searcher, with a deadline.
        this.searcher = new IndexSearcher(reader);
        // Scoring queries gain nothing from Lucene's filter cache, and it is shared JVM-wide.
        this.searcher.setQueryCache(null);
    }

    /**
     * The ranked entries for a query.
     *
     * @param entries    best first, grouped so that an article and its sections do not crowd the list
     * @param exactCount how many entries matched every word exactly (before typos were allowed)
     * @param query      the Lucene query that produced the entries, for snippets; null when none
     * @param correction the query with its unknown words corrected, when it found few entries exactly
     */
    record Ranking(List<Entry> entries, int exactCount, Query query, Optional<String> correction) {
        static final Ranking NONE = new Ranking(List.of(), 0, null, Optional.empty());
    }

    /**
     * Every word exactly first. When that finds little: unknown words also as their corrections,
     * then with some words left out (at most a third): for a few words, any of them; for more,
     * one at a time first (words nothing matches, then the most common ones, which say least),
     * and any of them only if that fails.
     * Also a correction of the query to suggest. Stops trying once the deadline
     * ({@link System#nanoTime}) has passed.
     */
    Ranking rank(UserQuery userQuery, long deadline) throws IOException {
        QueryFactory.Plan strict = queries.strict(userQuery);
        if (strict.isEmpty()) {
            return Ranking.NONE;
        }
        Query strictQuery = strict.query(Set.of());
        List<Entry> best = run(strictQuery, deadline);
        if (best.size() >= FEW) {
            return new Ranking(best, best.size(), strictQuery, Optional.empty());
        }
        int exactCount = best.size();
        Query bestQuery = strictQuery;
        Typos typos = new Typos(vocabulary);
        Optional<String> correction = correction(userQuery, typos);
        for (Query attempt : relaxations(queries.withTypos(userQuery, typos))) {
            if (best.size() >= FEW || System.nanoTime() > deadline) {
                break;
            }
            if (!attempt.equals(bestQuery)) {
                List<Entry> found = run(attempt, deadline);
                if (found.size() > best.size()) {
                    best = found;
                    bestQuery = attempt;
                }
            }
        }
        return new Ranking(best, exactCount, bestQuery, correction);
    }

    /** The queries to try, each less demanding than the one before (see {@link #rank}). */
    private List<Query> relaxations(QueryFactory.Plan plan) throws IOException {
        List<Query> attempts = new ArrayList<>();
        attempts.add(plan.query(Set.of()));
        if (plan.mayLeaveOut() == 0) {
            return attempts;
        }
        if (plan.concepts().size() <= FEW_WORDS) {
            attempts.add(plan.mostWords());
            return attempts;
        }
        List<Integer> order = leaveOutOrder(plan.concepts());
        Set<Integer> leftOut = new HashSet<>();
        for (int k = 0; k < plan.mayLeaveOut(); k++) {
            leftOut.add(order.get(k));
            attempts.add(plan.query(Set.copyOf(leftOut)));
        }
        attempts.add(plan.mostWords()); // the slow, thorough last resort
        return attempts;
    }

    /** Positions of the words to leave out first: those that match nothing, then the most common. */
    private List<Integer> leaveOutOrder(List<Query> concepts) throws IOException {
        long[] cost = new long[concepts.size()];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < concepts.size(); i++) {
            cost[i] = matchEstimate(concepts.get(i));
            order.add(i);
        }
        order.sort(Comparator.comparingInt((Integer i) -> cost[i] == 0 ? 0 : 1).thenComparingLong(i -> -cost[i]));
        return order;
    }

    /** About how many documents a query matches, from the term statistics alone. */
    private long matchEstimate(Query query) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        long total = 0;
        for (LeafReaderContext leaf : reader.leaves()) {
            ScorerSupplier supplier = weight.scorerSupplier(leaf);
            total += supplier == null ? 0 : supplier.cost();
        }
        return total;
    }

    /** How many entries match every word of the query exactly, counted as {@link Ranking#exactCount} is. */
    int exactCount(UserQuery userQuery, long deadline) throws IOException {
        QueryFactory.Plan strict = queries.strict(userQuery);
        return strict.isEmpty() ? 0 : run(strict.query(Set.of()), deadline).size();
    }

    /** A result for the reader: titles as text, the snippet as escaped HTML with marks. */
    SearchHit hit(Entry entry, MatchedTerms matched) {
        String snippet = snippets.snippet(entry.text(), matched);
        return new SearchHit(entry.article().title(), entry.section() == null ? null : entry.section().heading(),
                entry.url(), snippet, entry.article().lang());
    }

    /**
     * "Did you mean": the query with each word that no article uses replaced by its best
     * correction, when there is one; words in phrases too, excluded words never.
     */
    private static Optional<String> correction(UserQuery userQuery, Typos typos) throws IOException {
        List<UserQuery.Part> corrected = new ArrayList<>();
        boolean changed = false;
        for (UserQuery.Part part : userQuery.parts()) {
            List<String> words = new ArrayList<>();
            for (String word : part.text().split(" ")) {
                String letters = QueryFactory.trimToLetters(word);
                List<String> better = part.excluded() || letters.isEmpty() ? List.of() : typos.corrections(letters);
                if (better.isEmpty()) {
                    words.add(word);
                } else {
                    int at = word.indexOf(letters);
                    words.add(word.substring(0, at) + better.get(0) + word.substring(at + letters.length()));
                    changed = true;
                }
            }
            corrected.add(new UserQuery.Part(String.join(" ", words), part.phrase(), part.excluded()));
        }
        return changed ? Optional.of(UserQuery.format(corrected)) : Optional.empty();
    }

    DirectoryReader reader() {
        return reader;
    }

    /** Where an error code (upper case) is explained in this language's articles. */
    Optional<ErrorCodes.Place> errorCode(String code) {
        return errorCodes.find(code);
    }

    /** How many distinct words the vocabulary holds. */
    int vocabularySize() {
        return vocabulary.size();
    }

    /** Bytes the index files take in memory. */
    long indexBytes() {
        return indexBytes;
    }

    /** The grouped entries for a query; what was found so far if the deadline passes meanwhile. */
    private List<Entry> run(Query query, long deadline) throws IOException {
        IndexSearcher timed = new IndexSearcher(reader);
        timed.setQueryCache(null);
        timed.setTimeout(() -> System.nanoTime() > deadline);
        TopDocs top = timed.search(query, CANDIDATES);
        List<Scored> ranked = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc sd : top.scoreDocs) {
            ranked.add(new Scored(entries.get(entryOfDoc[sd.doc]), sd.score));
        }
        return group(ranked);
    }

    /** An entry with its score for one query. */
    record Scored(Entry entry, float score) {}

    /**
     * One article should not fill the top with itself and its sections. When a section scores
     * nearly as well as its article's own document, the section is the more precise answer and
     * takes the article's place; when the article scores clearly better (its title matched), the
     * article stands alone for its weaker sections. Each article then gives at most
     * {@link #PER_ARTICLE} entries.
     */
    static List<Entry> group(List<Scored> ranked) {
        Map<String, Float> articleScore = new HashMap<>();
        Map<String, Scored> bestSection = new HashMap<>();
        for (Scored s : ranked) {
            String article = s.entry().article().url();
            if (s.entry().section() == null) {
                articleScore.putIfAbsent(article, s.score());
            } else {
                bestSection.putIfAbsent(article, s);
            }
        }
        List<Entry> out = new ArrayList<>();
        Set<String> shown = new HashSet<>();
        Map<String, Integer> perArticle = new HashMap<>();
        for (Scored s : ranked) {
            String article = s.entry().article().url();
            Float own = articleScore.get(article);
            Scored best = bestSection.get(article);
            boolean articleStands = own != null && (best == null || best.score() < SECTION_RATIO * own);
            Entry pick;
            if (s.entry().section() == null) {
                pick = articleStands ? s.entry() : best.entry();
            } else if (articleStands) {
                continue;
            } else {
                pick = s.entry();
            }
            if (shown.contains(pick.url()) || perArticle.merge(article, 1, Integer::sum) > PER_ARTICLE) {
                continue;
            }
            shown.add(pick.url());
            out.add(pick);
        }
        return out;
    }
}
