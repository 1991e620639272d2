package kb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * One language's searchable index: the Lucene searcher, the entry each document stands for, and
 * the query factory that speaks its analyzer. Immutable and safe to share between threads.
 */
final class LanguageIndex {
    /** Fewer exact results than this, and typos are allowed and a correction is looked for. */
    static final int FEW = 3;
    /** How many documents are ranked per query; results beyond them are not offered. */
    private static final int CANDIDATES = 400;
    /** A reader sees at most this many sections of one article in a result list. */
    private static final int PER_ARTICLE = 3;

    private final Analysis analysis;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final List<Entry> entries;
    private final int[] entryOfDoc;
    private final Vocabulary vocabulary;
    private final QueryFactory queries;
    private final Snippets snippets;
    private final long indexBytes;

    LanguageIndex(Analysis analysis, DirectoryReader reader, long indexBytes, List<Entry> entries, int[] entryOfDoc,
            Vocabulary vocabulary, QueryFactory queries) {
        this.indexBytes = indexBytes;
        this.analysis = analysis;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        // Scoring queries gain nothing from Lucene's filter cache, and it is shared JVM-wide.
        this.searcher.setQueryCache(null);
        this.entries = List.copyOf(entries);
        this.entryOfDoc = entryOfDoc;
        this.vocabulary = vocabulary;
        this.queries = queries;
        this.snippets = new Snippets(analysis);
    }

    /**
     * The ranked entries for a query.
     *
     * @param entries    best first, grouped so that an article and its sections do not crowd the list
     * @param exactCount how many entries matched every word exactly (before typos were allowed)
     * @param query      the Lucene query that produced the entries, for snippets; null when none
     */
    record Ranking(List<Entry> entries, int exactCount, Query query) {
        static final Ranking NONE = new Ranking(List.of(), 0, null);
    }

    String lang() {
        return analysis.lang();
    }

    /** Every word exactly first; when that finds little, most words with typos allowed. */
    Ranking rank(UserQuery userQuery) throws IOException {
        Optional<Query> strict = queries.strict(userQuery);
        if (strict.isEmpty()) {
            return Ranking.NONE;
        }
        List<Entry> exact = run(strict.get());
        if (exact.size() >= FEW) {
            return new Ranking(exact, exact.size(), strict.get());
        }
        Optional<Query> loose = queries.loose(userQuery).filter(q -> !q.equals(strict.get()));
        if (loose.isPresent()) {
            List<Entry> relaxed = run(loose.get());
            if (relaxed.size() > exact.size()) {
                return new Ranking(relaxed, exact.size(), loose.get());
            }
        }
        return new Ranking(exact, exact.size(), strict.get());
    }

    /** How many documents match every word of the query exactly. */
    int exactCount(UserQuery userQuery) throws IOException {
        Optional<Query> strict = queries.strict(userQuery);
        return strict.isEmpty() ? 0 : searcher.count(strict.get());
    }

    /** A result for the reader: titles as text, the snippet as escaped HTML with marks. */
    SearchHit hit(Entry entry, Query query) throws IOException {
        String snippet = snippets.snippet(entry.text(), MatchedTerms.of(query));
        return new SearchHit(entry.article().title(), entry.section() == null ? null : entry.section().heading(),
                entry.url(), snippet, entry.article().lang());
    }

    /** How many documents hold this accent-free word (in the spell field). */
    int docFreq(String foldedWord) throws IOException {
        return reader.docFreq(new Term(Analysis.SPELL, foldedWord));
    }

    DirectoryReader reader() {
        return reader;
    }

    Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Bytes the index files take in memory. */
    long indexBytes() {
        return indexBytes;
    }

    private List<Entry> run(Query query) throws IOException {
        TopDocs top = searcher.search(query, CANDIDATES);
        List<Entry> ranked = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc sd : top.scoreDocs) {
            ranked.add(entries.get(entryOfDoc[sd.doc]));
        }
        return group(ranked);
    }

    /**
     * An article's own document stands for its best section when one matched too: the section is
     * the more precise answer, so it takes the article's place; each article then contributes at
     * most {@link #PER_ARTICLE} entries.
     */
    static List<Entry> group(List<Entry> ranked) {
        Map<String, List<Entry>> sectionsByArticle = new HashMap<>();
        for (Entry e : ranked) {
            if (e.section() != null) {
                sectionsByArticle.computeIfAbsent(e.article().url(), k -> new ArrayList<>()).add(e);
            }
        }
        List<Entry> out = new ArrayList<>();
        Set<String> shown = new HashSet<>();
        Map<String, Integer> perArticle = new HashMap<>();
        for (Entry e : ranked) {
            Entry pick = e;
            if (e.section() == null) {
                pick = sectionsByArticle.getOrDefault(e.article().url(), List.of(e)).stream()
                        .filter(s -> !shown.contains(s.url()))
                        .findFirst().orElse(null);
            }
            if (pick == null || shown.contains(pick.url())) {
                continue;
            }
            int count = perArticle.merge(pick.article().url(), 1, Integer::sum);
            if (count > PER_ARTICLE) {
                continue;
            }
            shown.add(pick.url());
            out.add(pick);
        }
        return out;
    }
}
