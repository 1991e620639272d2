package kb.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.codecs.lucene912.Lucene912PostingsFormat;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.ImpactsEnum;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SlowImpactsEnum;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * One search's view of an index: the same segments and documents, except that a term is looked up
 * in a segment's term dictionary once, however many of the search's queries ask for it. A search
 * runs several queries over the same words (every word, then any of them, the estimates between,
 * the phrase and proximity bonuses, a suggestion's count), and each lookup walks the dictionary's
 * blocks again and allocates its frames: half of what a search allocated. A term's lookups share one
 * enum of the dictionary per field, whose frames are made once. A thread keeps its view of an index
 * from one search to the next and tells it to {@link #forget} between them, so that enum and its
 * frames (still a sixth of what a search allocated when made per search) serve every search the
 * thread makes. The postings enums a search is handed (each with its own decoding buffers, 2–6 KB)
 * are handed again to the thread's next search, which resets them to its terms: about a quarter of
 * what a search allocated, and what a search allocates sets how large the collector grows the heap
 * under load. Used by one thread, one search at a time; never closed (it holds nothing of its own,
 * and closing would close the index).
 */
final class RememberedTerms extends FilterDirectoryReader {
    /** Below this many documents a term's postings are one block, without skip data or impacts. */
    static final int POSTINGS_BLOCK = Lucene912PostingsFormat.BLOCK_SIZE;

    RememberedTerms(DirectoryReader in) throws IOException {
        super(in, new SubReaderWrapper() {
            @Override
            public LeafReader wrap(LeafReader reader) {
                return new Segment(reader);
            }
        });
    }

    @Override
    protected DirectoryReader doWrapDirectoryReader(DirectoryReader in) throws IOException {
        return new RememberedTerms(in);
    }

    /**
     * Forgets the terms looked up so far, for the next search of the thread that holds this view:
     * wrapping the index anew for each search registered each wrapper with the index's segments
     * (weakly referenced, so every collection had thousands of references to process) and made its
     * maps again. The view must be used by one thread, one search at a time.
     */
    void forget() {
        for (var leaf : leaves()) {
            ((Segment) leaf.reader()).forget();
        }
    }

    /** Nothing may be cached against a view whose terms are those of one search. */
    @Override
    public CacheHelper getReaderCacheHelper() {
        return null;
    }

    /** One segment, with what the search has looked up in each of its fields so far. */
    private static final class Segment extends FilterLeafReader {
        private final Map<String, Field> fields = new HashMap<>();

        Segment(LeafReader in) {
            super(in);
        }

        void forget() {
            fields.values().forEach(Field::forget);
        }

        @Override
        public Terms terms(String field) throws IOException {
            Field f = fields.get(field);
            if (f == null) {
                Terms terms = super.terms(field);
                if (terms == null) {
                    return null;
                }
                f = new Field(terms);
                fields.put(field, f);
            }
            return f.view;
        }

        @Override
        public CacheHelper getCoreCacheHelper() {
            return null;
        }

        @Override
        public CacheHelper getReaderCacheHelper() {
            return null;
        }
    }

    /** A term found in a field, and where it is in the dictionary. */
    private record Known(BytesRef term, TermState state) {}

    /**
     * The postings enums of one field handed out for one kind of request (the same flags), kept for
     * the next search: the search under way takes them in turn, so no two of its queries share one.
     * At most {@link #KEPT} are kept; a search that needs more (a long question) gets new ones
     * beyond them, as it would without the pool.
     */
    private static final class Pool {
        static final int KEPT = 16;

        final int flags;
        final PostingsEnum[] enums = new PostingsEnum[KEPT];
        /** How many the search under way has taken. */
        int taken;

        Pool(int flags) {
            this.flags = flags;
        }

        /** The next enum this search may reset, or null when it has taken them all. */
        PostingsEnum next() {
            return taken < KEPT ? enums[taken] : null;
        }

        /** The enum the index handed out in answer to {@link #next}: the same one reset, or a new one to keep. */
        void took(PostingsEnum e) {
            if (taken < KEPT) {
                enums[taken++] = e;
            }
        }
    }

    /**
     * One field of one segment in a thread's view: the terms the search under way looked up in it
     * (and those not there), forgotten before the next search, and one enum of the real dictionary
     * that every lookup shares for as long as the view lives, so that its frames are made once (a
     * fresh enum per lookup allocated them again each time).
     */
    private static final class Field {
        private static final Known ABSENT = new Known(null, null);

        final Terms terms;
        /** The field as the search sees it: its enums remember (one wrapper, asked for by every query of the search). */
        final Terms view;
        final Map<BytesRef, Known> known = new HashMap<>();
        private TermsEnum shared;
        /** Which enum of the search the shared one stands at now; null when none. */
        Remembering at;
        /** Postings enums to reset rather than make, by the flags they were asked with (few kinds per field). */
        private Pool[] pools = new Pool[0];

        Field(Terms terms) {
            this.terms = terms;
            this.view = new FilterLeafReader.FilterTerms(terms) {
                @Override
                public TermsEnum iterator() {
                    return new Remembering(Field.this);
                }
            };
        }

        /** Before the next search: its enums are new, and none of them stands on the shared one. */
        void forget() {
            known.clear();
            at = null;
            for (Pool p : pools) {
                p.taken = 0;
            }
        }

        Pool pool(int flags) {
            for (Pool p : pools) {
                if (p.flags == flags) {
                    return p;
                }
            }
            Pool p = new Pool(flags);
            pools = java.util.Arrays.copyOf(pools, pools.length + 1);
            pools[pools.length - 1] = p;
            return p;
        }

        TermsEnum shared() throws IOException {
            if (shared == null) {
                shared = terms.iterator();
            }
            return shared;
        }

        /** The term as the dictionary has it, or {@link #ABSENT}: looked up once. */
        Known lookUp(BytesRef text, Remembering asking) throws IOException {
            Known k = known.get(text);
            if (k == null) {
                TermsEnum e = shared();
                boolean found = e.seekExact(text);
                BytesRef copy = BytesRef.deepCopyOf(text);
                k = found ? new Known(copy, e.termState()) : ABSENT;
                known.put(copy, k);
                at = found ? asking : null;
            }
            return k;
        }
    }

    /**
     * What a caller of {@code iterator()} gets: an enum that stands at a term by its state alone,
     * and puts the shared enum there only when asked for what the state does not hold (postings,
     * impacts). A caller may hold several at once (a query's scorers are made before they are
     * used): each puts the shared enum back at its own term. Walking the dictionary (next, seekCeil,
     * seek by ordinal) takes an enum of its own, as the index's would be.
     */
    private static final class Remembering extends org.apache.lucene.index.BaseTermsEnum {
        private final Field field;
        private BytesRef term;
        private TermState state;
        /** For walking: a plain enum of the dictionary, once one is needed. */
        private TermsEnum own;

        Remembering(Field field) {
            this.field = field;
        }

        @Override
        public boolean seekExact(BytesRef text) throws IOException {
            if (own != null) {
                return own.seekExact(text);
            }
            if (field.at == this) {
                // The shared enum stands at this one's previous term; a term already known does not move it.
                field.at = null;
            }
            Known k = field.lookUp(text, this);
            if (k == Field.ABSENT) {
                term = null;
                state = null;
                return false;
            }
            term = k.term();
            state = k.state();
            return true;
        }

        @Override
        public void seekExact(BytesRef text, TermState state) throws IOException {
            if (own != null) {
                own.seekExact(text, state);
                return;
            }
            this.term = BytesRef.deepCopyOf(text);
            this.state = state;
            if (field.at == this) {
                field.at = null;
            }
        }

        /** The shared enum, put at this one's term. */
        private TermsEnum positioned() throws IOException {
            if (own != null) {
                return own;
            }
            if (term == null) {
                throw new IllegalStateException("the enum stands at no term");
            }
            TermsEnum shared = field.shared();
            if (field.at != this) {
                shared.seekExact(term, state);
                field.at = this;
            }
            return shared;
        }

        /** A plain enum of its own, at this one's term if it stands at one. */
        private TermsEnum own() throws IOException {
            if (own == null) {
                own = field.terms.iterator();
                // By the term, not its state: a fresh enum put at a state walks on from the first term.
                if (term != null && !own.seekExact(term)) {
                    throw new IllegalStateException("a term found before is gone");
                }
            }
            return own;
        }

        @Override
        public SeekStatus seekCeil(BytesRef text) throws IOException {
            return own().seekCeil(text);
        }

        @Override
        public void seekExact(long ord) throws IOException {
            own().seekExact(ord);
        }

        @Override
        public BytesRef next() throws IOException {
            return own().next();
        }

        @Override
        public BytesRef term() throws IOException {
            return own != null ? own.term() : term;
        }

        @Override
        public long ord() throws IOException {
            return positioned().ord();
        }

        @Override
        public int docFreq() throws IOException {
            return positioned().docFreq();
        }

        @Override
        public long totalTermFreq() throws IOException {
            return positioned().totalTermFreq();
        }

        /**
         * A caller that brings an enum to reuse gets it reset, as from the index; one that brings none
         * gets one of the enums the thread's earlier searches were handed, reset to this term.
         */
        @Override
        public PostingsEnum postings(PostingsEnum reuse, int flags) throws IOException {
            if (reuse != null || own != null) {
                return positioned().postings(reuse, flags);
            }
            Pool pool = field.pool(flags);
            PostingsEnum e = positioned().postings(pool.next(), flags);
            pool.took(e);
            return e;
        }

        /**
         * A term in fewer documents than one block of postings has no skip data: the index answers
         * with its postings behind impacts that bound nothing ({@link SlowImpactsEnum}), made anew each
         * time; here those postings come from the pool. Longer lists get the index's own impacts.
         */
        @Override
        public ImpactsEnum impacts(int flags) throws IOException {
            TermsEnum at = positioned();
            if (own == null && at.docFreq() < POSTINGS_BLOCK) {
                return new SlowImpactsEnum(postings(null, flags));
            }
            return at.impacts(flags);
        }

        @Override
        public TermState termState() throws IOException {
            if (own != null) {
                return own.termState();
            }
            if (state == null) {
                throw new IllegalStateException("the enum stands at no term");
            }
            return state.clone();
        }
    }
}
