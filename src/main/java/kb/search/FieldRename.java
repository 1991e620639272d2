package kb.search;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/**
 * A query the query builder made for one field, made for another: the fields a word is looked
 * for in share one analysis, so a word is analyzed once instead of once per field (analysis,
 * and the token graphs of identifiers and synonyms, were a third of what a search allocated).
 * Covers what the builder makes; anything else gives null, and the caller builds it for the field.
 */
final class FieldRename {
    private FieldRename() {}

    /** The same query over {@code field}; null when it holds a kind of query this does not know. */
    static Query to(Query query, String field) {
        if (query instanceof TermQuery t) {
            return new TermQuery(term(t.getTerm(), field));
        }
        if (query instanceof BoostQuery b) {
            Query inner = to(b.getQuery(), field);
            return inner == null ? null : new BoostQuery(inner, b.getBoost());
        }
        if (query instanceof BooleanQuery b) {
            BooleanQuery.Builder out = new BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
            for (BooleanClause c : b.clauses()) {
                Query inner = to(c.getQuery(), field);
                if (inner == null) {
                    return null;
                }
                out.add(inner, c.getOccur());
            }
            return out.build();
        }
        if (query instanceof PhraseQuery p) {
            PhraseQuery.Builder out = new PhraseQuery.Builder().setSlop(p.getSlop());
            Term[] terms = p.getTerms();
            int[] positions = p.getPositions();
            for (int i = 0; i < terms.length; i++) {
                out.add(term(terms[i], field), positions[i]);
            }
            return out.build();
        }
        if (query instanceof MultiPhraseQuery p) {
            MultiPhraseQuery.Builder out = new MultiPhraseQuery.Builder().setSlop(p.getSlop());
            Term[][] terms = p.getTermArrays();
            int[] positions = p.getPositions();
            for (int i = 0; i < terms.length; i++) {
                Term[] renamed = new Term[terms[i].length];
                for (int j = 0; j < renamed.length; j++) {
                    renamed[j] = term(terms[i][j], field);
                }
                out.add(renamed, positions[i]);
            }
            return out.build();
        }
        if (query instanceof SynonymQuery s) {
            // The analysis sets no boost on its tokens: every synonym weighs 1 (FieldRenameTest checks it).
            SynonymQuery.Builder out = new SynonymQuery.Builder(field);
            for (Term t : s.getTerms()) {
                out.addTerm(term(t, field));
            }
            return out.build();
        }
        return null;
    }

    private static Term term(Term term, String field) {
        return new Term(field, term.bytes());
    }
}
