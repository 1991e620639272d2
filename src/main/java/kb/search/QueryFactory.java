package kb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns a {@link UserQuery} into Lucene queries for one language's index, through that language's
 * analyzer (never a query parser). The weights say what matters: a word in a section heading or
 * an article's title counts more than in body text; an exact identifier counts most; words close
 * together, or in the typed order, add to the score.
 */
final class QueryFactory {
    private static final float HEADING = 4f;
    private static final float BODY = 1f;
    private static final float CONTEXT = 1f;
    private static final float IDENT_EXACT = 8f;
    private static final float IDENT_PREFIX = 3f;
    private static final float SYNONYM = 0.9f;
    private static final float TYPO = 0.6f;
    private static final float FILLER = 0.2f;
    private static final float TIE_BREAKER = 0.3f;
    private static final int PREFIX_EXPANSIONS = 16;
    private static final int MIN_PREFIX = 3;
    private static final int PROXIMITY_WORDS = 8;
    /** The most words a ranking by coverage searches for (see {@link Plan#anyWords}). */
    static final int MAX_ANY_WORDS = 10;
    /** Where an identifier splits: punctuation, letters meeting digits, a lower-case letter meeting an upper-case one. */
    private static final Pattern IDENTIFIER_PARTS = Pattern.compile(
            "[^\\p{L}\\p{N}]+|(?<=\\p{L})(?=\\p{N})|(?<=\\p{N})(?=\\p{L})|(?<=\\p{Ll})(?=\\p{Lu})");
    private static final Pattern GUID = Pattern.compile(
            "\\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\}?");
    private static final float PAIR_IN_HEADING = 3f;
    private static final float PAIR_IN_BODY = 1.5f;
    /** A quoted phrase with more identifiers than this is searched word by word (its graph would explode). */
    private static final int MAX_PHRASE_IDENTIFIERS = 3;

    private final QueryBuilder builder;
    private final Synonyms synonyms;
    private final FillerWords fillers;
    private final NegatedWords negated;
    /** The index the queries are for: whether an identifier is there whole. */
    private final IndexReader reader;

    QueryFactory(Analysis analysis, Synonyms synonyms, IndexReader reader) {
        this.reader = reader;
        this.builder = new QueryBuilder(analysis.forQuery());
        this.builder.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
        this.synonyms = synonyms;
        this.fillers = FillerWords.of(analysis.lang());
        this.negated = NegatedWords.of(analysis.lang());
    }

    private QueryFactory(QueryFactory base, IndexReader reader) {
        this.reader = reader;
        this.builder = base.builder;
        this.synonyms = base.synonyms;
        this.fillers = base.fillers;
        this.negated = base.negated;
    }

    /**
     * The same queries, asking {@code view} (the same index, as one search sees it) whether an
     * identifier is there whole: the search looks that term up anyway, so it is looked up once.
     */
    QueryFactory in(IndexReader view) {
        return new QueryFactory(this, view);
    }

    /**
     * An identifier that no document has whole ({@code AADSTS700016}, {@code Mail.ReadWriteAll}),
     * searched as any of its parts: the family of codes or scopes it belongs to. Null when it has
     * fewer than two parts.
     */
    Query anyPart(String typed) {
        String[] parts = IDENTIFIER_PARTS.split(trimToLetters(typed));
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int count = 0;
        for (String part : parts) {
            Query q = part.isEmpty() ? null : exact(part, Map.of());
            if (q != null) {
                any.add(q, Occur.SHOULD);
                count++;
            }
        }
        return count < 2 ? null : any.build();
    }

    /**
     * The start of a word, as the last word of a query typed into instant search is
     * ({@code necess} for necessária): the words of the index that begin with it, in a heading
     * or the text. Null for fewer than {@link #MIN_PREFIX} letters.
     */
    Query prefix(String typed) {
        String letters = Analysis.fold(trimToLetters(typed));
        if (letters.length() < MIN_PREFIX || !letters.chars().allMatch(Character::isLetter)) {
            return null;
        }
        List<Query> disjuncts = new ArrayList<>();
        for (String field : new String[] {Analysis.HEADING, Analysis.BODY}) {
            Query q = new PrefixQuery(new Term(field, letters), new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(PREFIX_EXPANSIONS));
            disjuncts.add(new BoostQuery(q, field.equals(Analysis.HEADING) ? HEADING : BODY));
        }
        return new DisjunctionMaxQuery(disjuncts, TIE_BREAKER);
    }

    /** One word (or synonym run) searched in every field as typed, for the concept of another language's word. */
    Query word(String typed) {
        return exact(typed, Map.of());
    }

    /**
     * The parts of a search: one query per word (or run of words with synonyms), the quoted
     * phrases, the proximity bonus and the exclusions. Phrases are always required and exclusions
     * always hold; the words are all required ({@link #allWords}) or ranked by how many of them
     * match ({@link #anyWords}). Question and filler words are not among them.
     *
     * @param concepts  one query per word, in the typed order
     * @param typed     the text of each concept as typed
     * @param phrases   the quoted phrases
     * @param proximity rewards the words close together; null for fewer than two plain words
     * @param excluded  what no result may contain
     */
    record Plan(List<Query> concepts, List<String> typed, List<Query> phrases, Query proximity, Query fillers, List<Query> excluded) {
        boolean isEmpty() {
            return concepts.isEmpty() && phrases.isEmpty();
        }

        /** The same plan with the concept at {@code i} searched as {@code query} instead. */
        Plan with(int i, Query query) {
            List<Query> changed = new ArrayList<>(concepts);
            changed.set(i, query);
            return new Plan(changed, typed, phrases, proximity, fillers, excluded);
        }

        /**
         * Any of the words, ranked first by how much of the query a document covers: each word
         * found adds its {@code coverage} weight (rarer words weigh more; a word that matches
         * nothing weighs 0) on top of how well it matched (heading, title, proximity). So a
         * document with every word comes before one with most of them, and that one before a
         * document with only a few.
         */
        Query anyWords(float[] coverage) {
            // A pasted dialog has many words; the commonest say least and cost most: past
            // MAX_ANY_WORDS, only the rarest ones are searched.
            List<Integer> rarestFirst = new ArrayList<>();
            for (int i = 0; i < concepts.size(); i++) {
                rarestFirst.add(i);
            }
            rarestFirst.sort((x, y) -> Float.compare(coverage[y], coverage[x]));
            Set<Integer> searched = Set.copyOf(rarestFirst.subList(0, Math.min(MAX_ANY_WORDS, rarestFirst.size())));
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            for (int i = 0; i < concepts.size(); i++) {
                if (!searched.contains(i)) {
                    continue;
                }
                b.add(concepts.get(i), Occur.SHOULD);
                if (coverage[i] > 0) {
                    b.add(new BoostQuery(new ConstantScoreQuery(concepts.get(i)), coverage[i]), Occur.SHOULD);
                }
            }
            return finish(b);
        }

        /** Every word (or a synonym of it) required. */
        Query allWords() {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            concepts.forEach(c -> b.add(c, Occur.MUST));
            return finish(b);
        }

        private Query finish(BooleanQuery.Builder b) {
            phrases.forEach(q -> b.add(q, Occur.MUST));
            if (fillers != null) {
                b.add(fillers, Occur.SHOULD);
            }
            if (proximity != null) {
                b.add(proximity, Occur.SHOULD);
            }
            excluded.forEach(q -> b.add(q, Occur.MUST_NOT));
            return b.build();
        }
    }

    /** Every word (or a synonym of it) and every phrase must match; nothing excluded may. */
    Plan strict(UserQuery query) throws IOException {
        return plan(query, null);
    }

    /** As {@link #strict}, with each unknown word also searched as the corrections the index suggests for it. */
    Plan withTypos(UserQuery query, Typos typos) throws IOException {
        return plan(query, typos);
    }

    private Plan plan(UserQuery query, Typos typos) throws IOException {
        List<String> words = new ArrayList<>();
        List<Query> required = new ArrayList<>();
        List<Query> excluded = new ArrayList<>();
        for (UserQuery.Part part : query.parts()) {
            if (part.excluded()) {
                Query q = part.phrase() ? phrase(part.text()) : exact(part.text(), Map.of());
                if (q != null) {
                    excluded.add(q);
                }
            } else if (!part.phrase()) {
                words.add(part.text());
            } else if (identifierCount(part.text()) > MAX_PHRASE_IDENTIFIERS) {
                words.addAll(List.of(part.text().split(" ")));
            } else {
                Query q = phrase(part.text());
                if (q != null) {
                    required.add(q);
                }
            }
        }
        // Before the filler words go: "doesn't" says what "exist" means.
        Map<String, String> meanings = negated.meanings(words);
        List<String> understood = words.stream().map(QueryFactory::understood).toList();
        List<String> kept = fillers.without(understood);
        boolean dropFillers = kept.size() < understood.size();
        Query fillerBonus = dropFillers ? fillerBonus(words) : null;
        List<String> typed = new ArrayList<>();
        List<Query> concepts = concepts(understood, dropFillers, meanings, typos, typed);
        return new Plan(concepts, typed, required, proximity(kept).orElse(null), fillerBonus, excluded);
    }

    /**
     * The question and filler words that were left out, as a small bonus: never required, they
     * only tell apart documents that match the rest equally ("cannot export" and "how to export").
     */
    private Query fillerBonus(List<String> words) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int count = 0;
        for (String w : words) {
            if (fillers.isFiller(w)) {
                for (String field : new String[] {Analysis.HEADING, Analysis.BODY}) {
                    Query q = builder.createBooleanQuery(field, w);
                    if (q != null) {
                        any.add(q, Occur.SHOULD);
                        count++;
                    }
                }
            }
        }
        return count == 0 ? null : new BoostQuery(any.build(), FILLER);
    }

    /**
     * One query per word of the input, or per run of words that has synonyms.
     *
     * @param meanings what a negated verb means, by the verb as typed ({@link NegatedWords})
     */
    private List<Query> concepts(List<String> words, boolean dropFillers, Map<String, String> meanings, Typos typos,
            List<String> typedOut) throws IOException {
        List<Query> concepts = new ArrayList<>();
        // Synonyms are looked for among every typed word: "can't connect", "e agora", "need admin
        // approval" say something their filler words alone do not. A filler word outside such a
        // run is left out.
        List<Synonyms.Match> matches = synonyms.find(words);
        int next = 0;
        for (int i = 0; i < words.size(); i++) {
            Synonyms.Match match = next < matches.size() && matches.get(next).start() == i ? matches.get(next++) : null;
            boolean alone = match == null || match.end() - match.start() == 1;
            if (alone && dropFillers && fillers.isFiller(words.get(i))) {
                continue;
            }
            Map<String, Float> others = new LinkedHashMap<>();
            String typed;
            if (match != null) {
                typed = String.join(" ", words.subList(match.start(), match.end()));
                match.alternatives().forEach(a -> others.put(a, SYNONYM));
                i = match.end() - 1;
            } else {
                typed = words.get(i);
                String meaning = meanings.get(typed);
                if (meaning != null) {
                    others.put(meaning, SYNONYM);
                }
                if (typos != null) {
                    typos.corrections(trimToLetters(typed)).forEach(c -> others.put(c, TYPO));
                }
            }
            Query q = exact(typed, others);
            // A word typed twice ("tenant … correct tenant ID") is one concept, not twice the weight.
            if (q != null && !concepts.contains(q)) {
                concepts.add(q);
                typedOut.add(typed);
            }
        }
        return concepts;
    }

    /**
     * The typed text or one of the other ways of saying it, in a heading, the title, the body, or
     * as an identifier. Null when nothing is left to search (stop words only).
     */
    private Query exact(String typed, Map<String, Float> others) {
        Map<String, Float> variants = new LinkedHashMap<>();
        variants.put(typed, 1f);
        others.forEach(variants::putIfAbsent);
        List<Query> disjuncts = inEveryField(variants);
        if (disjuncts.isEmpty()) {
            return null;
        }
        String identifier = Identifiers.lookupForm(typed);
        if (identifier != null && (isCode(identifier) || !isTerm(identifier))) {
            String term = Analysis.identifierTerm(identifier);
            // The start of a longer code or scope ("OFFICE_ERROR"): also the identifiers that begin
            // with it, unless it is one itself (building a prefix automaton costs more than the search).
            boolean partial = identifier.length() >= 4 && (identifier.indexOf('_') >= 0 || identifier.indexOf('.') >= 0)
                    && !isTerm(term);
            for (String field : new String[] {Analysis.HEADING, Analysis.BODY}) {
                disjuncts.add(new BoostQuery(new TermQuery(new Term(field, term)), IDENT_EXACT));
                if (partial) {
                    Query prefix = new PrefixQuery(new Term(field, term),
                            new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(PREFIX_EXPANSIONS));
                    disjuncts.add(new BoostQuery(prefix, IDENT_PREFIX));
                }
            }
        }
        return new DisjunctionMaxQuery(disjuncts, TIE_BREAKER);
    }

    /**
     * Whether an identifier is a code or a scope ({@code Mail.ReadWrite}, {@code offline_access},
     * {@code AADSTS50105}), which counts most when typed whole. A name that is an identifier only
     * by its capitals ({@code HubSpot}, {@code OneDrive}) is a word like any other when the
     * articles use it as one (its whole is indexed as a word too): it matches as a word, without
     * an identifier's weight. The tail of a scope ({@code ReadWrite} of {@code Mail.ReadWrite}),
     * which no article writes as a word, still counts as the identifier it is part of.
     */
    private static boolean isCode(String form) {
        for (int i = 0; i < form.length(); i++) {
            char c = form.charAt(i);
            if (c == '_' || c == '.' || (c >= '0' && c <= '9')) {
                return true;
            }
        }
        return false;
    }

    private boolean isTerm(String term) {
        try {
            return reader.docFreq(new Term(Analysis.BODY, term)) > 0 || reader.docFreq(new Term(Analysis.HEADING, term)) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Each variant (with its weight) as a phrase in a heading (or title), the article's title as
     * context, and the body, one query per field. A variant is analyzed once: the fields share
     * the query analysis, and its query is made again for the other fields ({@link FieldRename}).
     */
    private List<Query> inEveryField(Map<String, Float> variants) {
        String[] fields = {Analysis.HEADING, Analysis.CONTEXT, Analysis.BODY};
        float[] boosts = {HEADING, CONTEXT, BODY};
        List<List<Query>> perField = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Map.Entry<String, Float> v : variants.entrySet()) {
            Query first = builder.createPhraseQuery(fields[0], v.getKey());
            if (first == null) {
                continue; // nothing left of it after analysis, in any field
            }
            for (int f = 0; f < fields.length; f++) {
                Query q = f == 0 ? first : FieldRename.to(first, fields[f]);
                if (q == null) {
                    q = builder.createPhraseQuery(fields[f], v.getKey());
                }
                perField.get(f).add(v.getValue() == 1f ? q : new BoostQuery(q, v.getValue()));
            }
        }
        List<Query> disjuncts = new ArrayList<>();
        for (int f = 0; f < fields.length; f++) {
            List<Query> queries = perField.get(f);
            if (queries.isEmpty()) {
                continue;
            }
            Query field;
            if (queries.size() == 1) {
                field = queries.get(0);
            } else {
                BooleanQuery.Builder any = new BooleanQuery.Builder();
                queries.forEach(q -> any.add(q, Occur.SHOULD));
                field = any.build();
            }
            disjuncts.add(new BoostQuery(field, boosts[f]));
        }
        return disjuncts;
    }

    /** A quoted phrase, in a heading (or title), the article's title as context, or the body. */
    private Query phrase(String text) {
        List<Query> disjuncts = inEveryField(Map.of(text, 1f));
        return disjuncts.isEmpty() ? null : new DisjunctionMaxQuery(disjuncts, TIE_BREAKER);
    }

    /** Rewards the plain words of the query appearing close together, in headings (and titles) most. */
    private Optional<Query> proximity(List<String> words) {
        List<String> plain = new ArrayList<>();
        for (String w : words) {
            String t = trimToLetters(w).toLowerCase(Locale.ROOT);
            if (!t.isEmpty() && t.chars().allMatch(Character::isLetter) && plain.size() < PROXIMITY_WORDS) {
                plain.add(t);
            }
        }
        if (plain.size() < 2) {
            return Optional.empty();
        }
        String text = String.join(" ", plain);
        List<Query> disjuncts = new ArrayList<>();
        addSloppy(disjuncts, Analysis.HEADING, text, 2, 3f);
        addSloppy(disjuncts, Analysis.BODY, text, 4, 1.5f);
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int clauses = 0;
        if (!disjuncts.isEmpty()) {
            all.add(new DisjunctionMaxQuery(disjuncts, TIE_BREAKER), Occur.SHOULD);
            clauses++;
        }
        // Each pair of neighbouring words found together ("tenant id", "admin consent") says more
        // than the two words apart: what matters in a long question is which words stay together.
        for (int i = 0; i + 1 < plain.size() && plain.size() > 2; i++) {
            List<Query> pair = new ArrayList<>();
            String two = plain.get(i) + " " + plain.get(i + 1);
            addSloppy(pair, Analysis.HEADING, two, 1, PAIR_IN_HEADING);
            addSloppy(pair, Analysis.BODY, two, 1, PAIR_IN_BODY);
            if (!pair.isEmpty()) {
                all.add(new DisjunctionMaxQuery(pair, TIE_BREAKER), Occur.SHOULD);
                clauses++;
            }
        }
        return clauses == 0 ? Optional.empty() : Optional.of(all.build());
    }

    private void addSloppy(List<Query> disjuncts, String field, String text, int slop, float boost) {
        Query q = builder.createPhraseQuery(field, text, slop);
        if (q != null && !(q instanceof TermQuery)) {
            disjuncts.add(new BoostQuery(q, boost));
        }
    }

    private static int identifierCount(String phrase) {
        int count = 0;
        for (String w : phrase.split(" ")) {
            if (Identifiers.looksLikeIdentifier(w)) {
                count++;
            }
        }
        return count;
    }

    /**
     * What a typed word stands for where that differs from its letters: a GUID (what an admin
     * pastes as a tenant ID) is searched as the word "GUID", which is how articles talk about one.
     */
    private static String understood(String word) {
        return GUID.matcher(trimToLetters(word)).matches() ? "GUID" : word;
    }

    static String trimToLetters(String word) {
        int start = 0;
        int end = word.length();
        while (start < end && !Character.isLetterOrDigit(word.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(word.charAt(end - 1))) {
            end--;
        }
        return word.substring(start, end);
    }
}
