package kb.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * One search's view of an index: the same segments and documents, except that a term is looked up
 * in a segment's term dictionary once, however many of the search's queries ask for it. A search
 * runs several queries over the same words (every word, then any of them, the estimates between,
 * the phrase and proximity bonuses, a suggestion's count), and each lookup walks the dictionary's
 * blocks again and allocates its frames: half of what a search allocated. Made per search and used
 * by one thread; never closed (it holds nothing of its own, and closing would close the index).
 */
final class RememberedTerms extends FilterDirectoryReader {
    /** Looked up and not there: remembered too, as most of a question's words are absent from most segments. */
    private static final TermState ABSENT = new TermState() {
        @Override
        public void copyFrom(TermState other) {
            throw new UnsupportedOperationException();
        }
    };

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

    /** Nothing may be cached against a view that lives for one search. */
    @Override
    public CacheHelper getReaderCacheHelper() {
        return null;
    }

    /** One segment, with the states of the terms looked up in it so far, per field. */
    private static final class Segment extends FilterLeafReader {
        private final Map<String, Map<BytesRef, TermState>> known = new HashMap<>();

        Segment(LeafReader in) {
            super(in);
        }

        @Override
        public Terms terms(String field) throws IOException {
            Terms terms = super.terms(field);
            if (terms == null) {
                return null;
            }
            Map<BytesRef, TermState> states = known.computeIfAbsent(field, f -> new HashMap<>());
            return new FilterTerms(terms) {
                @Override
                public TermsEnum iterator() throws IOException {
                    return new Remembering(in.iterator(), states);
                }
            };
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

    /** A term dictionary's enum that answers an exact seek from what an earlier seek found. */
    private static final class Remembering extends FilterLeafReader.FilterTermsEnum {
        private final Map<BytesRef, TermState> states;

        Remembering(TermsEnum in, Map<BytesRef, TermState> states) {
            super(in);
            this.states = states;
        }

        @Override
        public boolean seekExact(BytesRef text) throws IOException {
            TermState state = states.get(text);
            if (state == ABSENT) {
                return false;
            }
            if (state != null) {
                in.seekExact(text, state);
                return true;
            }
            boolean found = in.seekExact(text);
            states.put(BytesRef.deepCopyOf(text), found ? in.termState() : ABSENT);
            return found;
        }
    }
}
