package kb.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns a {@link UserQuery} into Lucene queries for one language's index, through that language's
 * analyzer (never a query parser). The weights say what matters: a word in a section heading
 * counts more than in the article title, which counts more than in body text; an exact identifier
 * counts most; words close together, or in the typed order, add to the score.
 */
final class QueryFactory {
    private static final float HEADING = 4f;
    private static final float TITLE = 2f;
    private static final float BODY = 1f;
    private static final float IDENT_EXACT = 8f;
    private static final float IDENT_PREFIX = 3f;
    private static final float SYNONYM = 0.9f;
    private static final float FUZZY = 0.5f;
    private static final float TIE_BREAKER = 0.3f;
    private static final int FUZZY_EXPANSIONS = 16;
    private static final int PREFIX_EXPANSIONS = 16;
    private static final int PROXIMITY_WORDS = 8;
    /** A quoted phrase with more identifiers than this is searched word by word (its graph would explode). */
    private static final int MAX_PHRASE_IDENTIFIERS = 3;

    private final QueryBuilder builder;
    private final Synonyms synonyms;

    QueryFactory(Analysis analysis, Synonyms synonyms) {
        this.builder = new QueryBuilder(analysis.forQuery());
        this.builder.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
        this.synonyms = synonyms;
    }

    /** Every word (or a synonym of it) and every phrase must match; nothing excluded may. */
    Optional<Query> strict(UserQuery query) {
        return build(query, false);
    }

    /** Most words must match, each exactly or with a typo or two; phrases and exclusions still hold. */
    Optional<Query> loose(UserQuery query) {
        return build(query, true);
    }

    private Optional<Query> build(UserQuery query, boolean loose) {
        List<String> words = new ArrayList<>();
        List<Query> required = new ArrayList<>();
        List<Query> excluded = new ArrayList<>();
        for (UserQuery.Part part : query.parts()) {
            if (part.excluded()) {
                Query q = part.phrase() ? phrase(part.text()) : exact(part.text(), List.of());
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
        List<Query> concepts = concepts(words, loose);
        if (concepts.isEmpty() && required.isEmpty()) {
            return Optional.empty();
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        if (loose && concepts.size() > 1) {
            BooleanQuery.Builder most = new BooleanQuery.Builder();
            concepts.forEach(c -> most.add(c, Occur.SHOULD));
            most.setMinimumNumberShouldMatch(minimumToMatch(concepts.size()));
            b.add(most.build(), Occur.MUST);
        } else {
            concepts.forEach(c -> b.add(c, Occur.MUST));
        }
        required.forEach(q -> b.add(q, Occur.MUST));
        proximity(words).ifPresent(q -> b.add(q, Occur.SHOULD));
        excluded.forEach(q -> b.add(q, Occur.MUST_NOT));
        return Optional.of(b.build());
    }

    /** Two of three words, three of four, four of five or six... */
    private static int minimumToMatch(int concepts) {
        return concepts <= 2 ? 1 : (int) Math.ceil(concepts * 2 / 3.0);
    }

    /** One query per word of the input, or per run of words that has synonyms. */
    private List<Query> concepts(List<String> words, boolean loose) {
        List<Query> concepts = new ArrayList<>();
        List<Synonyms.Match> matches = synonyms.find(words);
        int next = 0;
        for (int i = 0; i < words.size(); i++) {
            Synonyms.Match match = next < matches.size() && matches.get(next).start() == i ? matches.get(next++) : null;
            Query q;
            if (match != null) {
                String typed = String.join(" ", words.subList(match.start(), match.end()));
                q = exact(typed, match.alternatives());
                if (q != null && loose && match.end() - match.start() == 1) {
                    q = withTypos(q, typed);
                }
                i = match.end() - 1;
            } else {
                q = exact(words.get(i), List.of());
                if (loose) {
                    q = withTypos(q, words.get(i));
                }
            }
            if (q != null) {
                concepts.add(q);
            }
        }
        return concepts;
    }

    /** The typed text or one of its alternatives, in a heading, the title, the body, or as an identifier. */
    private Query exact(String typed, List<String> alternatives) {
        Map<String, Float> variants = new LinkedHashMap<>();
        variants.put(typed, 1f);
        for (String alternative : alternatives) {
            variants.putIfAbsent(alternative, SYNONYM);
        }
        List<Query> disjuncts = new ArrayList<>();
        addField(disjuncts, Analysis.HEADING, HEADING, variants);
        addField(disjuncts, Analysis.TITLE, TITLE, variants);
        addField(disjuncts, Analysis.BODY, BODY, variants);
        String identifier = Identifiers.lookupForm(typed);
        if (identifier != null) {
            disjuncts.add(new BoostQuery(new TermQuery(new Term(Analysis.IDENT, identifier)), IDENT_EXACT));
            if (identifier.length() >= 4 && (identifier.indexOf('_') >= 0 || identifier.indexOf('.') >= 0)) {
                Query prefix = new PrefixQuery(new Term(Analysis.IDENT, identifier),
                        new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(PREFIX_EXPANSIONS));
                disjuncts.add(new BoostQuery(prefix, IDENT_PREFIX));
            }
        }
        return disjuncts.isEmpty() ? null : new DisjunctionMaxQuery(disjuncts, TIE_BREAKER);
    }

    private void addField(List<Query> disjuncts, String field, float boost, Map<String, Float> variants) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        Query single = null;
        int count = 0;
        for (Map.Entry<String, Float> v : variants.entrySet()) {
            Query q = builder.createPhraseQuery(field, v.getKey());
            if (q != null) {
                single = v.getValue() == 1f ? q : new BoostQuery(q, v.getValue());
                any.add(single, Occur.SHOULD);
                count++;
            }
        }
        if (count > 0) {
            disjuncts.add(new BoostQuery(count == 1 ? single : any.build(), boost));
        }
    }

    /** Adds "within one or two edits" of the word to its query, for words long enough to have typos. */
    private static Query withTypos(Query exact, String word) {
        String folded = Analysis.fold(trimToLetters(word));
        if (folded.length() < 4 || !folded.chars().allMatch(Character::isLetter)) {
            return exact;
        }
        int edits = folded.length() >= 8 ? 2 : 1;
        Query fuzzy = new BoostQuery(new FuzzyQuery(new Term(Analysis.SPELL, folded), edits, 1, FUZZY_EXPANSIONS, true), FUZZY);
        return exact == null ? fuzzy : new DisjunctionMaxQuery(List.of(exact, fuzzy), TIE_BREAKER);
    }

    /** A quoted phrase, in a heading, the title or the body. */
    private Query phrase(String text) {
        List<Query> disjuncts = new ArrayList<>();
        addField(disjuncts, Analysis.HEADING, HEADING, Map.of(text, 1f));
        addField(disjuncts, Analysis.TITLE, TITLE, Map.of(text, 1f));
        addField(disjuncts, Analysis.BODY, BODY, Map.of(text, 1f));
        return disjuncts.isEmpty() ? null : new DisjunctionMaxQuery(disjuncts, TIE_BREAKER);
    }

    /** Rewards the plain words of the query appearing close together, headings most. */
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
        addSloppy(disjuncts, Analysis.TITLE, text, 2, 1.5f);
        addSloppy(disjuncts, Analysis.BODY, text, 4, 1.5f);
        return disjuncts.isEmpty() ? Optional.empty() : Optional.of(new DisjunctionMaxQuery(disjuncts, TIE_BREAKER));
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

    private static String trimToLetters(String word) {
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
