package kb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kb.content.Article;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;

/**
 * One language's searchable index: the Lucene searcher, the entry each document stands for, and
 * the query factory that speaks its analyzer. Immutable and safe to share between threads.
 */
final class LanguageIndex {
    /** Fewer exact results than this, and typos are allowed and a correction is looked for. */
    static final int FEW = 3;
    /**
     * How much finding a word of the query weighs, per unit of its rarity, against how well it
     * matched (see {@link QueryFactory.Plan#anyWords}).
     */
    private static final float COVERAGE = 3f;
    /**
     * Corrections of words this long or longer are taken as what the reader meant ("permisions");
     * of shorter words they are guesses (see {@link #rank}).
     */
    private static final int SURE_CORRECTION = 6;
    /** How many documents are ranked per query; results beyond them are not offered. */
    static final int CANDIDATES = 400;
    /** A reader sees at most this many entries of one article in a result list. */
    private static final int PER_ARTICLE = 3;
    /**
     * A section scoring at least this share of its article's own document is the better answer
     * (see {@link #group}): a reader lands on the part that answers, and the title and intro,
     * which every section of the article shares, rarely tell more.
     */
    private static final float SECTION_RATIO = 0.2f;

    /**
     * BM25, with a section's text judged by its length more than Lucene's default (b 0.9, not
     * 0.75): a short section that names the query's words is about them, where a long one may only
     * mention them in passing. Headings and titles keep the default. (Norms are the same for any
     * b, so the index does not depend on it.)
     */
    private static final Similarity SIMILARITY = new PerFieldSimilarityWrapper() {
        private final Similarity body = new BM25Similarity(1.2f, 0.9f);
        private final Similarity other = new BM25Similarity();

        @Override
        public Similarity get(String field) {
            return field.equals(Analysis.BODY) ? body : other;
        }
    };

    private final String lang;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    /** The entry each document stands for; null for documents that stand for none (see {@link IndexStore}). */
    private final Entry[] entryOfDoc;
    private final QueryFactory queries;
    private final Snippets snippets;
    private final Vocabulary vocabulary;
    private final ErrorCodes errorCodes;
    /** How many documents stand for an article or a section: the collection BM25's rarity is judged in. */
    private final long documents;

    LanguageIndex(Analysis analysis, DirectoryReader reader, Entry[] entryOfDoc,
            Vocabulary vocabulary, QueryFactory queries, ErrorCodes errorCodes) throws IOException {
        this.lang = analysis.lang();
        this.reader = reader;
        this.entryOfDoc = entryOfDoc;
        this.vocabulary = vocabulary;
        this.queries = queries;
        this.errorCodes = errorCodes;
        this.snippets = new Snippets(analysis);
        // For another language's translations of a word (keysFor); a search gets its own view, with a deadline.
        this.searcher = new IndexSearcher(reader);
        this.searcher.setSimilarity(SIMILARITY);
        // Scoring queries gain nothing from Lucene's filter cache, and it is shared JVM-wide.
        this.searcher.setQueryCache(null);
        this.documents = Math.max(1, reader.getDocCount(Analysis.HEADING));
    }

    /**
     * The ranked entries for a query.
     *
     * @param hits       best first, grouped so that an article and its sections do not crowd the
     *                   list; each with its document (where its snippet's text is)
     * @param exactCount how many entries matched every word exactly (before typos were allowed)
     * @param query      the Lucene query that produced the entries, for snippets; null when none
     * @param correction the query with its unknown words corrected, when it found few entries exactly
     * @param partial    whether the best entry lacks a word of the query: the entries are near misses
     * @param view       the searcher the ranking was made with, whose terms are looked up already
     *                   (for counting what the correction finds); null for {@link #NONE}, which has no correction
     */
    record Ranking(List<Scored> hits, int exactCount, Query query, Optional<String> correction, boolean partial,
            IndexSearcher view) {
        static final Ranking NONE = new Ranking(List.of(), 0, null, Optional.empty(), false, null);
    }

    /** A word of another language, searched in this one as the sections that the other language finds it in. */
    @FunctionalInterface
    interface Translations {
        /** A query over this index's {@link Analysis#KEY} field, or null when no other language knows the word. */
        Query of(String word) throws IOException;
    }

    /**
     * Every word exactly first (question and filler words left out). When that finds fewer than
     * {@link #FEW} entries, any of the words, ranked by how much of the query each section covers: unknown words are also
     * searched as their corrections, or, when another language knows them, as the sections that
     * language finds them in. Also a correction of the query to suggest.
     */
    Ranking rank(UserQuery userQuery, long deadline, Translations translations) throws IOException {
        IndexSearcher view = view(deadline);
        QueryFactory queries = this.queries.in(view.getIndexReader());
        QueryFactory.Plan strict = queries.strict(userQuery);
        if (strict.isEmpty()) {
            return Ranking.NONE;
        }
        // Every word found, in enough places: the answer is among them, and this is the cheap query.
        Query allWords = strict.allWords();
        Found exact = run(allWords, view);
        // With one word, "any of the words" is "every word": only a word matching nothing needs more.
        boolean oneWordFound = strict.concepts().size() == 1 && !exact.hits().isEmpty();
        if (exact.hits().size() >= FEW || oneWordFound) {
            return new Ranking(exact.hits(), exact.hits().size(), allWords, Optional.empty(), false, view);
        }
        Typos typos = new Typos(vocabulary);
        QueryFactory.Plan plan = queries.withTypos(userQuery, typos);
        float[] coverage = new float[plan.concepts().size()];
        long[] estimates = new long[coverage.length];
        // A query of which this language knows no word is in another language: that one answers
        // it (see SearchIndex); a word of another language among words of this one is translated.
        boolean mixed = false;
        boolean approximate = false;
        for (int i = 0; i < coverage.length; i++) {
            estimates[i] = matchEstimate(plan.concepts().get(i), view);
            mixed |= estimates[i] > 0;
        }
        for (int i = 0; i < coverage.length; i++) {
            String typed = plan.typed().get(i);
            long df = estimates[i];
            Query asPlanned = plan.concepts().get(i);
            if (mixed && translations != null && typed.indexOf(' ') < 0 && !knows(typed)) {
                Query translated = translations.of(typed);
                if (translated != null) {
                    plan = plan.with(i, translated);
                    df = matchEstimate(translated, view);
                }
            }
            if (hasParts(typed) && (df == 0 || !matchesAny(plan.concepts().get(i), view))) {
                Query parts = queries.anyPart(typed);
                if (parts != null) {
                    plan = plan.with(i, parts);
                    df = matchEstimate(parts, view);
                }
                approximate = true;
            }
            if (df == 0 && i == coverage.length - 1 && userQuery.endsInWord()) {
                // Still being typed, most likely: instant search asks at every pause.
                Query start = queries.prefix(typed);
                if (start != null) {
                    plan = plan.with(i, start);
                    df = matchEstimate(start, view);
                }
            }
            approximate |= df == 0;
            coverage[i] = df == 0 ? 0 : COVERAGE * idf(df);
            if (df > 0 && plan.concepts().get(i) == asPlanned && isGuess(typed, typos) && !matchesExactly(strict, typed, view)) {
                // Found only through a correction of a short word: "fine" is one letter from
                // "find", "real" from "read", "pede" from "pode". A short word has many close
                // neighbours, so it is as likely a word the articles do not use as a typo: its
                // corrections still score, but it does not count as covering the query.
                coverage[i] = 0;
            }
        }
        Query any = plan.anyWords(coverage);
        Found found = run(any, view);
        boolean partial = !found.hits().isEmpty() && (approximate || !matchesAll(found.topDoc(), plan.concepts(), view));
        return new Ranking(found.hits(), exact.hits().size(), any, correction(userQuery, typos), partial, view);
    }

    /** A word shorter than {@link #SURE_CORRECTION} letters that the index knows only through its corrections. */
    private static boolean isGuess(String typed, Typos typos) {
        String letters = QueryFactory.trimToLetters(typed);
        return typed.indexOf(' ') < 0 && letters.length() < SURE_CORRECTION && !typos.corrections(letters).isEmpty();
    }

    /** Whether the word, as typed, matches some document (through its stem or synonyms, without corrections). */
    private static boolean matchesExactly(QueryFactory.Plan strict, String typed, IndexSearcher view) throws IOException {
        int at = strict.typed().indexOf(typed);
        return at >= 0 && matchEstimate(strict.concepts().get(at), view) > 0;
    }

    /** A single typed word (not a run of words with synonyms) made of findable parts. */
    private static boolean hasParts(String typed) {
        String letters = QueryFactory.trimToLetters(typed);
        return typed.indexOf(' ') < 0 && Identifiers.hasParts(letters.toCharArray(), letters.length());
    }

    /** Whether a word is in this language's vocabulary (any case, with or without accents). */
    boolean knows(String word) {
        String letters = QueryFactory.trimToLetters(word);
        return !letters.isEmpty() && vocabulary.knows(Analysis.fold(letters));
    }

    /**
     * The keys ({@link Analysis#KEY}) of the best documents for one word, with their scores
     * relative to the best: how another language finds what this one calls the word.
     */
    Map<String, Float> keysFor(String word, int max) throws IOException {
        Query q = queries.word(word);
        Map<String, Float> keys = new LinkedHashMap<>();
        if (q == null) {
            return keys;
        }
        List<ScoreDoc> top = searcher.search(q, new TopHits(max, this::tie));
        float best = top.isEmpty() ? 1 : top.get(0).score;
        for (ScoreDoc sd : top) {
            Entry entry = entryOfDoc[sd.doc];
            String key = entry == null ? null : entry.key();
            if (key != null) {
                keys.putIfAbsent(key, sd.score / best);
            }
        }
        return keys;
    }

    /** BM25's inverse document frequency: how much finding a word says, given how many documents have it. */
    private float idf(long docFreq) {
        long n = documents;
        // The estimate adds up the fields and synonyms a word is searched in, so it can exceed n.
        long df = Math.min(docFreq, n);
        return (float) Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }

    /** Whether the document matches every one of the queries. */
    private static boolean matchesAll(int doc, List<Query> concepts, IndexSearcher searcher) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        int local = doc - leaf.docBase;
        for (Query concept : concepts) {
            Weight weight = searcher.createWeight(searcher.rewrite(concept), ScoreMode.COMPLETE_NO_SCORES, 1f);
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null || scorer.iterator().advance(local) != local) {
                return false;
            }
        }
        return true;
    }

    /** Whether any document matches the query: exact, where {@link #matchEstimate} is an upper bound (phrases). */
    private static boolean matchesAny(Query query, IndexSearcher searcher) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer != null && scorer.iterator().nextDoc() != DocIdSetIterator.NO_MORE_DOCS) {
                return true;
            }
        }
        return false;
    }

    /** About how many documents a query matches, from the term statistics alone. */
    private static long matchEstimate(Query query, IndexSearcher searcher) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        long total = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            ScorerSupplier supplier = weight.scorerSupplier(leaf);
            total += supplier == null ? 0 : supplier.cost();
        }
        return total;
    }

    /**
     * How many entries the ranking's correction finds with every word exactly, counted as
     * {@link Ranking#exactCount} is: with the ranking's searcher (and deadline), whose term lookups
     * the corrected query's words share.
     */
    int exactCount(UserQuery corrected, Ranking ranking) throws IOException {
        QueryFactory.Plan strict = queries.in(ranking.view().getIndexReader()).strict(corrected);
        return strict.isEmpty() ? 0 : run(strict.allWords(), ranking.view()).hits().size();
    }

    /**
     * The results for the reader of a page's entries, in their order: titles as text, the snippet
     * as escaped HTML with marks.
     *
     * @param postings where the search's terms are in the documents of the searcher the entry was
     *                 ranked with, which place a section's marks; null to find them by analysing the text
     */
    List<SearchHit> hits(List<Scored> page, MatchedTerms matched, Snippets.Postings postings) throws IOException {
        int[] docs = new int[page.size()];
        for (int i = 0; i < docs.length; i++) {
            Entry entry = page.get(i).entry();
            // Only sections whose text the library does not hold are read from the index, all at once.
            docs[i] = entry.section() != null && entry.section().text() == null ? page.get(i).doc() : -1;
        }
        String[] indexed = IndexStore.sectionTexts(reader, docs);
        List<SearchHit> hits = new ArrayList<>(page.size());
        for (int i = 0; i < docs.length; i++) {
            hits.add(hit(page.get(i), indexed[i], matched, postings));
        }
        return hits;
    }

    /** @param indexed the section's text as its document's doc value holds it, when it was read; null otherwise */
    private SearchHit hit(Scored scored, String indexed, MatchedTerms matched, Snippets.Postings postings) throws IOException {
        Entry entry = scored.entry();
        String snippet = null;
        String text;
        if (entry.section() == null) {
            text = entry.text();
        } else {
            String body = sectionText(entry, indexed);
            text = entry.shown(body);
            if (postings != null && !body.isBlank()) {
                // The section's own text, which its document's body indexed (not the heading a section without text shows).
                snippet = Snippets.indexed(text, postings, scored.doc());
            }
        }
        if (snippet == null) {
            snippet = snippets.snippet(text, matched);
        }
        return new SearchHit(entry.article().title(), entry.section() == null ? null : entry.section().heading(),
                entry.url(), snippet, entry.article().lang(), entry.article());
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

    /**
     * A section's text, as its document's body indexed it (blank for a section without text): held
     * in memory, or read from the document's doc value when the library holds the article slim.
     */
    private String sectionText(Entry entry, String indexed) throws IOException {
        if (entry.section().text() != null) {
            return entry.section().text();
        }
        if (indexed != null) {
            return indexed;
        }
        Article article = full(entry.article());
        String held = article.section(entry.section().id()).orElse(entry.section()).text();
        return held == null ? "" : held;
    }

    /** The article with its body, read from this index when the library holds it slim. */
    Article full(Article article) throws IOException {
        return IndexStore.withBody(reader, article);
    }

    /** Where an error code (upper case) is explained in this language's articles. */
    Optional<ErrorCodes.Place> errorCode(String code) {
        return errorCodes.find(code);
    }

    /** Up to {@code n} of the error codes this language's articles name. */
    List<String> someErrorCodes(int n) {
        return errorCodes.some(n);
    }

    /** How often the articles use a word (any case, with or without accents): what a typo's corrections are weighed by. */
    int wordCount(String word) {
        String letters = QueryFactory.trimToLetters(word);
        return letters.isEmpty() ? 0 : vocabulary.count(Analysis.fold(letters));
    }

    /** How many distinct words the vocabulary holds. */
    int vocabularySize() {
        return vocabulary.size();
    }

    /** Bytes the index files take (on disk, or in memory). */
    long indexBytes() {
        long total = 0;
        try {
            for (LeafReaderContext leaf : reader.leaves()) {
                if (leaf.reader() instanceof org.apache.lucene.index.SegmentReader segment) {
                    total += segment.getSegmentInfo().sizeInBytes();
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return total;
    }

    /** The grouped entries of a query, and its best document (-1 when none). */
    private record Found(List<Scored> hits, int topDoc) {}

    /**
     * A searcher for one search: past the deadline, each query answers with what it found so far;
     * each term is looked up once however many of the search's queries ask for it ({@link RememberedTerms}).
     */
    private IndexSearcher view(long deadline) throws IOException {
        Map<String, IndexSearcher> mine = VIEWS.get();
        IndexSearcher view = mine.get(lang);
        if (view == null || ((RememberedTerms) view.getIndexReader()).getDelegate() != reader) {
            // This thread's first search of this index: the one it held for an index this one
            // replaced (after an edit) is let go.
            view = new IndexSearcher(new RememberedTerms(reader));
            view.setSimilarity(SIMILARITY);
            view.setQueryCache(null);
            mine.put(lang, view);
        } else {
            ((RememberedTerms) view.getIndexReader()).forget();
        }
        view.setTimeout(() -> System.nanoTime() > deadline);
        return view;
    }

    /**
     * Each thread's view of the last index it searched, by language: a search forgets the terms of
     * the one before and keeps the wrappers (see {@link RememberedTerms#forget}). A view is never
     * shared between threads, and a thread runs one search at a time.
     */
    private static final ThreadLocal<Map<String, IndexSearcher>> VIEWS = ThreadLocal.withInitial(HashMap::new);

    /** The grouped entries for a query; what was found so far if the search's deadline passes meanwhile. */
    private Found run(Query query, IndexSearcher view) throws IOException {
        List<ScoreDoc> top = view.search(query, new TopHits(CANDIDATES, this::tie));
        List<Scored> ranked = new ArrayList<>(top.size());
        for (ScoreDoc sd : top) {
            Entry entry = entryOfDoc[sd.doc];
            if (entry != null) {
                ranked.add(new Scored(entry, sd.score, sd.doc));
            }
        }
        return new Found(group(ranked), top.isEmpty() ? -1 : top.get(0).doc);
    }

    /**
     * Which of two documents that score alike comes first: by what they stand for (the article's
     * URL, then the article before its sections, in their order), not by their numbers, which
     * follow the order files were indexed in. Documents of no entry come last.
     */
    private int tie(int a, int b) {
        Entry x = entryOfDoc[a];
        Entry y = entryOfDoc[b];
        if (x == null || y == null) {
            return x != null ? -1 : y != null ? 1 : Integer.compare(a, b);
        }
        int c = x.article().url().compareTo(y.article().url());
        if (c == 0) {
            c = Integer.compare(x.position(), y.position());
        }
        return c != 0 ? c : Integer.compare(a, b);
    }

    /** An entry with its score for one query, and its document. */
    record Scored(Entry entry, float score, int doc) {}

    /**
     * One article should not fill the top with itself and its sections. When a section scores
     * a fair share of its article's own document ({@link #SECTION_RATIO}), the section is the more
     * precise answer and takes the article's place; when the article scores far better (its title
     * or intro matched, its sections hardly), the article stands alone for its weaker sections. Each article then gives at most
     * {@link #PER_ARTICLE} entries.
     */
    static List<Scored> group(List<Scored> ranked) {
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
        List<Scored> out = new ArrayList<>();
        Set<String> shown = new HashSet<>();
        Map<String, Integer> perArticle = new HashMap<>();
        for (Scored s : ranked) {
            String article = s.entry().article().url();
            Float own = articleScore.get(article);
            Scored best = bestSection.get(article);
            boolean articleStands = own != null && (best == null || best.score() < SECTION_RATIO * own);
            Scored pick;
            if (s.entry().section() == null) {
                pick = articleStands ? s : best;
            } else if (articleStands) {
                continue;
            } else {
                pick = s;
            }
            String url = pick.entry().url();
            if (shown.contains(url) || perArticle.merge(article, 1, Integer::sum) > PER_ARTICLE) {
                continue;
            }
            shown.add(url);
            out.add(pick);
        }
        return out;
    }
}
