package kb.search;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * The terms a query looks for, by kind of field, so that a snippet can mark the words that
 * matched. Excluded terms are left out; identifier prefix queries contribute their automata.
 * Every searched field shares one analysis, so the terms need no field.
 */
final class MatchedTerms {
    /** Looked up by the snippet's token buffer itself: no string per word of the section's text. */
    private final CharArraySet terms = new CharArraySet(16, false);
    private final List<ByteRunAutomaton> identifierAutomata = new ArrayList<>();
    /** The terms as the index spells them (UTF-8), made when first asked for. */
    private List<BytesRef> bytes;

    private MatchedTerms() {}

    static MatchedTerms of(Query query) {
        MatchedTerms m = new MatchedTerms();
        if (query != null) {
            query.visit(m.new Collector());
        }
        return m;
    }

    /** Whether a term of the index analysis was searched for; identifier terms also by prefix. */
    boolean contains(char[] term, int length) {
        if (IdentifierForms.isForm(term, length) && matches(identifierAutomata, new String(term, 0, length))) {
            return true;
        }
        return terms.contains(term, 0, length);
    }

    /**
     * The terms as the index spells them, when they are all there is: null when identifiers are
     * also matched by prefix, which only a pass over the text itself can tell.
     */
    List<BytesRef> exactTerms() {
        if (!identifierAutomata.isEmpty()) {
            return null;
        }
        if (bytes == null) {
            List<BytesRef> made = new ArrayList<>(terms.size());
            for (Object term : terms) {
                made.add(new BytesRef(new String((char[]) term)));
            }
            bytes = made;
        }
        return bytes;
    }

    boolean isEmpty() {
        return terms.isEmpty() && identifierAutomata.isEmpty();
    }

    private static boolean matches(List<ByteRunAutomaton> automata, String term) {
        if (automata.isEmpty()) {
            return false;
        }
        BytesRef bytes = new BytesRef(term);
        for (ByteRunAutomaton a : automata) {
            if (a.run(bytes.bytes, bytes.offset, bytes.length)) {
                return true;
            }
        }
        return false;
    }

    private final class Collector extends QueryVisitor {
        @Override
        public void consumeTerms(Query query, Term... terms) {
            for (Term t : terms) {
                MatchedTerms.this.terms.add(t.text());
            }
        }

        @Override
        public void consumeTermsMatching(Query query, String field, Supplier<ByteRunAutomaton> automaton) {
            identifierAutomata.add(automaton.get());
        }

        @Override
        public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return occur == BooleanClause.Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
        }
    }
}
