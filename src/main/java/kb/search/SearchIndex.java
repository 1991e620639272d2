package kb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import kb.content.Article;
import kb.content.Library;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site's search: an immutable in-memory index of every article and section of a
 * {@link Library}, in every language, that answers what readers type and finds where an error
 * code is explained. Build a new one when the content changes; it holds no resources to close.
 */
public final class SearchIndex {
    /** Results per page when the caller does not say. */
    public static final int DEFAULT_LIMIT = 10;
    /** The most results one page can hold. */
    public static final int MAX_LIMIT = 50;

    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);
    private static final Pattern CODE_CHARS = Pattern.compile("[A-Z0-9_]{3,120}");
    private static final int MAX_PAGE = 1000;
    /**
     * A safety net, far above any query's normal time (a few milliseconds, more right after start):
     * past it, each step of a search answers with what it found so far.
     */
    private static final long TIME_BUDGET_NANOS = 500_000_000;

    /** How many of the other language's best sections for a word stand for it. */
    private static final int TRANSLATED_SECTIONS = 20;
    /** What the best of them weighs: like the word in a heading. */
    private static final float TRANSLATED_WEIGHT = 4f;

    private final Library library;
    private final Map<String, LanguageIndex> byLang;

    SearchIndex(Library library, Map<String, LanguageIndex> byLang) {
        this.library = library;
        this.byLang = Map.copyOf(byLang);
    }

    /**
     * Indexes every article of the library in memory, with the synonyms in
     * {@code contentDir/synonyms/<lang>.txt} (a missing file means none). The site itself keeps its
     * index with a {@link SearchEngine}, which updates it file by file.
     */
    public static SearchIndex build(Library library, Path contentDir) {
        return build(library, synonyms(library, contentDir));
    }

    /** Each language's synonyms from {@code contentDir/synonyms/<lang>.txt}; a missing file means none. */
    static Map<String, Synonyms> synonyms(Library library, Path contentDir) {
        Map<String, Synonyms> synonyms = new HashMap<>();
        for (String lang : library.languages().codes()) {
            synonyms.put(lang, Synonyms.read(contentDir.resolve("synonyms").resolve(lang + ".txt")));
        }
        return synonyms;
    }

    static SearchIndex build(Library library, Map<String, Synonyms> synonyms) {
        SearchEngine engine = SearchEngine.inMemory();
        engine.prepare(library.languages());
        library.all().parallelStream().forEach(a -> engine.keep(a, 0, 0, new byte[0]));
        SearchIndex built = engine.publish(library, synonyms);
        // In one segment, as the site serves it once its start is over.
        return engine.mergeBuildSegments() ? engine.publish(library, synonyms) : built;
    }

    /**
     * The article with its body (rendered HTML, sections' text): the library keeps articles slim
     * when their bodies are kept on disk by the index, and this reads the body from the same
     * version of the index as the library's.
     */
    public Article full(Article article) {
        if (article.hasBody()) {
            return article;
        }
        try {
            return index(article.lang()).full(article);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the body of " + article.source(), e);
        }
    }

    /** The first {@code limit} results (clamped to 1..{@link #MAX_LIMIT}), as {@code /api/search} gives them. */
    public SearchResults search(String rawQuery, String lang, int limit) {
        return search(rawQuery, lang, 1, limit);
    }

    /**
     * One page of results for whatever the reader typed; never fails on the query's content.
     * Words must all match (synonyms count), "quoted phrases" match as phrases, -words exclude.
     * When that finds little, typos are allowed and a correction is suggested; when the reader's
     * language has nothing, the other language's results are given, marked as such.
     *
     * @param lang     the code of one of the library's languages
     * @param page     from 1; clamped
     * @param pageSize clamped to 1..{@link #MAX_LIMIT}
     * @throws IllegalArgumentException if {@code lang} is not a language of the site
     */
    public SearchResults search(String rawQuery, String lang, int page, int pageSize) {
        LanguageIndex home = index(lang);
        int size = Math.max(1, Math.min(MAX_LIMIT, pageSize));
        int pageNo = Math.max(1, Math.min(MAX_PAGE, page));
        UserQuery query = UserQuery.parse(rawQuery);
        long deadline = System.nanoTime() + TIME_BUDGET_NANOS;
        try {
            LanguageIndex.Ranking ranking = home.rank(query, deadline, word -> translations(word, lang));
            String suggestion = suggestion(ranking, home);
            LanguageIndex source = home;
            if (ranking.hits().isEmpty()) {
                for (String other : library.languages().codes()) {
                    if (!other.equals(lang)) {
                        LanguageIndex.Ranking there = byLang.get(other).rank(query, deadline, null);
                        if (!there.hits().isEmpty()) {
                            ranking = there;
                            source = byLang.get(other);
                            break;
                        }
                    }
                }
            }
            List<LanguageIndex.Scored> entries = ranking.hits();
            List<SearchHit> hits = new ArrayList<>();
            MatchedTerms matched = MatchedTerms.of(ranking.query());
            Snippets.Postings postings = ranking.view() == null ? null : new Snippets.Postings(matched, ranking.view().getIndexReader());
            int from = (pageNo - 1) * size;
            if (from < entries.size()) {
                hits.addAll(source.hits(entries.subList(from, Math.min(entries.size(), from + size)), matched, postings));
            }
            return new SearchResults(query.text(), lang, entries.size(), hits, suggestion, source != home, pageNo, size, ranking.partial());
        } catch (IOException | RuntimeException e) {
            LOG.warn("search failed on a query of {} characters; answering with no results", query.text().length(), e);
            return new SearchResults(query.text(), lang, 0, List.of(), null, false, pageNo, size, false);
        }
    }

    /**
     * Where the error code is explained, in the reader's language: the section that names it in
     * its heading or first paragraph, else the first that names it; if only the other language
     * names it, that article's translation (at the same section when it has one), else the other
     * language's section itself. Empty for anything that is not an UPPER_SNAKE code of the articles.
     *
     * @param code any case; must be {@code [A-Z0-9_]{3,120}} with at least two {@code _}-separated parts
     */
    public Optional<String> urlForErrorCode(String lang, String code) {
        if (code == null || lang == null || !byLang.containsKey(lang)) {
            return Optional.empty();
        }
        String normalized = code.strip().toUpperCase(Locale.ROOT);
        if (!CODE_CHARS.matcher(normalized).matches() || !Identifiers.isErrorCode(normalized)) {
            return Optional.empty();
        }
        Optional<ErrorCodes.Place> here = byLang.get(lang).errorCode(normalized);
        if (here.isPresent()) {
            return here.map(ErrorCodes.Place::url);
        }
        for (String other : library.languages().codes()) {
            Optional<ErrorCodes.Place> there = byLang.get(other).errorCode(normalized);
            if (there.isPresent()) {
                ErrorCodes.Place place = there.get();
                return Optional.of(library.translation(place.article(), lang)
                        .map(t -> place.sectionId() != null && t.section(place.sectionId()).isPresent()
                                ? t.url() + "#" + place.sectionId()
                                : t.url())
                        .orElse(place.url()));
            }
        }
        return Optional.empty();
    }

    /** Up to {@code n} of the error codes the language's articles name (an unknown language has none). */
    public List<String> someErrorCodes(String lang, int n) {
        LanguageIndex index = byLang.get(lang);
        return index == null ? List.of() : index.someErrorCodes(n);
    }

    /**
     * A word the reader's language does not know but another does ({@code consent} typed on the
     * Portuguese site): the sections where that language finds it, as the reader's language's
     * translations of them. Null when no other language knows the word.
     */
    private Query translations(String word, String lang) throws IOException {
        BooleanQuery.Builder keys = new BooleanQuery.Builder();
        int count = 0;
        for (String other : library.languages().codes()) {
            LanguageIndex there = byLang.get(other);
            if (other.equals(lang) || !there.knows(word)) {
                continue;
            }
            for (Map.Entry<String, Float> k : there.keysFor(word, TRANSLATED_SECTIONS).entrySet()) {
                keys.add(new BoostQuery(new TermQuery(new Term(Analysis.KEY, k.getKey())), TRANSLATED_WEIGHT * k.getValue()),
                        BooleanClause.Occur.SHOULD);
                count++;
            }
        }
        return count == 0 ? null : keys.build();
    }

    /** A suggestion worth showing: a correction that finds more than the query did. */
    private static String suggestion(LanguageIndex.Ranking ranking, LanguageIndex index) throws IOException {
        if (ranking.correction().isEmpty()) {
            return null;
        }
        String corrected = ranking.correction().get();
        return index.exactCount(UserQuery.parse(corrected), ranking) > ranking.exactCount() ? corrected : null;
    }

    private LanguageIndex index(String lang) {
        LanguageIndex index = lang == null ? null : byLang.get(lang);
        if (index == null) {
            throw new IllegalArgumentException("not a language of the site: " + lang + " (expected one of " + library.languages().codes() + ")");
        }
        return index;
    }

    /** Sizes, for the log and the bench. */
    String describe() {
        StringBuilder s = new StringBuilder();
        for (String lang : library.languages().codes()) {
            LanguageIndex i = byLang.get(lang);
            s.append(lang).append(": ").append(i.reader().numDocs()).append(" documents, ")
                    .append(i.indexBytes() / 1024 / 1024).append(" MiB, ")
                    .append(i.reader().leaves().size()).append(" segments, ")
                    .append(i.vocabularySize()).append(" words; ");
        }
        return s.toString().strip();
    }

    LanguageIndex languageIndex(String lang) {
        return index(lang);
    }
}
