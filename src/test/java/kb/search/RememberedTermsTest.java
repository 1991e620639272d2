package kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * A search's view of the index finds exactly what the index finds, with the same scores, while
 * looking each term up in each segment's dictionary once, however many queries ask for it.
 */
class RememberedTermsTest {
    private static final String[] TEXTS = {
        "connect the office calendar", "the shared mailbox is not found", "admin consent for the tenant",
        "calendar permissions for the admin", "office mailbox connect error", "tenant id and admin consent",
        "the calendar of the shared mailbox", "consent once for every user of the tenant",
    };

    /** A segment wrapped for counting: nothing may be cached against it (Lucene asks this of every filter). */
    private abstract static class Uncached extends FilterLeafReader {
        Uncached(LeafReader in) {
            super(in);
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

    /** Counts exact seeks that reach the real term dictionary. */
    private static final class Counting extends FilterDirectoryReader {
        final AtomicInteger seeks;

        Counting(DirectoryReader in, AtomicInteger seeks) throws IOException {
            super(in, new SubReaderWrapper() {
                @Override
                public LeafReader wrap(LeafReader reader) {
                    return new Uncached(reader) {
                        @Override
                        public Terms terms(String field) throws IOException {
                            Terms t = super.terms(field);
                            return t == null ? null : new FilterTerms(t) {
                                @Override
                                public TermsEnum iterator() throws IOException {
                                    return new FilterTermsEnum(in.iterator()) {
                                        @Override
                                        public boolean seekExact(BytesRef text) throws IOException {
                                            seeks.incrementAndGet();
                                            return in.seekExact(text);
                                        }
                                    };
                                }
                            };
                        }
                    };
                }
            });
            this.seeks = seeks;
        }

        @Override
        protected DirectoryReader doWrapDirectoryReader(DirectoryReader in) throws IOException {
            return new Counting(in, seeks);
        }

        @Override
        public CacheHelper getReaderCacheHelper() {
            return null;
        }
    }

    private static List<Query> queries() {
        PhraseQuery shared = new PhraseQuery("body", "shared", "mailbox");
        PhraseQuery sloppy = new PhraseQuery(3, "body", "admin", "consent");
        Query calendar = new TermQuery(new Term("body", "calendar"));
        Query absent = new TermQuery(new Term("body", "gmail"));
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        any.add(calendar, Occur.SHOULD).add(shared, Occur.SHOULD).add(absent, Occur.SHOULD)
                .add(new BoostQuery(sloppy, 2f), Occur.SHOULD);
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        all.add(new TermQuery(new Term("body", "tenant")), Occur.MUST).add(new TermQuery(new Term("body", "consent")), Occur.MUST);
        return List.of(calendar, absent, shared, sloppy, any.build(), all.build(),
                new DisjunctionMaxQuery(List.of(calendar, new BoostQuery(shared, 3f)), 0.3f),
                new PrefixQuery(new Term("body", "conn")));
    }

    private static List<String> results(IndexSearcher searcher, Query q) throws IOException {
        List<String> out = new ArrayList<>();
        for (ScoreDoc sd : searcher.search(q, 20).scoreDocs) {
            out.add(sd.doc + "=" + sd.score);
        }
        out.add("count=" + searcher.count(q));
        return out;
    }

    @Test
    void findsWhatTheIndexFindsAndLooksEachTermUpOnce() throws IOException {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
            for (int i = 0; i < TEXTS.length; i++) {
                Document d = new Document();
                d.add(new TextField("body", TEXTS[i], Field.Store.NO));
                writer.addDocument(d);
                if (i % 3 == 2) {
                    writer.commit(); // several segments, as a real index has
                }
            }
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertThat(reader.leaves()).hasSizeGreaterThan(1);
                IndexSearcher plain = new IndexSearcher(reader);
                AtomicInteger seeks = new AtomicInteger();
                IndexSearcher view = new IndexSearcher(new RememberedTerms(new Counting(reader, seeks)));
                for (Query q : queries()) {
                    assertThat(results(view, q)).as(q.toString()).isEqualTo(results(plain, q));
                }
                int first = seeks.get();
                assertThat(first).isPositive();
                // The same queries again, and each alone: every term is known in every segment by now.
                for (Query q : queries()) {
                    assertThat(results(view, q)).as(q.toString()).isEqualTo(results(plain, q));
                }
                assertThat(seeks.get()).isEqualTo(first);
                // Asked how many documents have a term (as the query factory asks whether an
                // identifier is there whole), the view answers as the index does, from what it knows.
                for (String word : new String[] {"calendar", "tenant", "gmail"}) {
                    Term t = new Term("body", word);
                    assertThat(view.getIndexReader().docFreq(t)).as(word).isEqualTo(reader.docFreq(t));
                }
                assertThat(seeks.get()).isEqualTo(first);
                // The thread's next search, on the same view once it forgets, looks them up again
                // and finds the same: no term's state outlives a search.
                ((RememberedTerms) view.getIndexReader()).forget();
                for (Query q : queries()) {
                    assertThat(results(view, q)).as(q.toString()).isEqualTo(results(plain, q));
                }
                assertThat(seeks.get()).isEqualTo(2 * first);
                // So does a new view.
                IndexSearcher next = new IndexSearcher(new RememberedTerms(new Counting(reader, seeks)));
                results(next, queries().get(0));
                assertThat(seeks.get()).isGreaterThan(2 * first);
            }
        }
    }

    /** {@link #TEXTS}, one document each, in one segment. */
    private static ByteBuffersDirectory oneSegment() throws IOException {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
            for (String text : TEXTS) {
                Document d = new Document();
                d.add(new TextField("body", text, Field.Store.NO));
                writer.addDocument(d);
            }
            writer.commit();
        }
        return dir;
    }

    private static List<Integer> docs(org.apache.lucene.index.PostingsEnum p) throws IOException {
        List<Integer> out = new ArrayList<>();
        for (int d = p.nextDoc(); d != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; d = p.nextDoc()) {
            out.add(d);
        }
        return out;
    }

    @Test
    void enumsHeldAtOnceEachAnswerForTheirOwnTermAndCanStillWalk() throws IOException {
        try (ByteBuffersDirectory dir = oneSegment()) {
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                LeafReader plain = reader.leaves().get(0).reader();
                LeafReader view = new RememberedTerms(reader).leaves().get(0).reader();
                TermsEnum a = view.terms("body").iterator();
                TermsEnum b = view.terms("body").iterator();
                assertThat(a.seekExact(new BytesRef("calendar"))).isTrue();
                assertThat(b.seekExact(new BytesRef("mailbox"))).isTrue();
                assertThat(view.terms("body").iterator().seekExact(new BytesRef("gmail"))).isFalse();
                // a was made first and is read last, as a query's scorers are.
                TermsEnum p = plain.terms("body").iterator();
                p.seekExact(new BytesRef("calendar"));
                assertThat(docs(a.postings(null))).isEqualTo(docs(p.postings(null))).hasSize(3);
                assertThat(a.docFreq()).isEqualTo(3);
                assertThat(b.docFreq()).isEqualTo(3);
                p.seekExact(new BytesRef("mailbox"));
                assertThat(docs(b.postings(null))).isEqualTo(docs(p.postings(null)));
                // Walking on from a term, as the index's own enum does.
                assertThat(b.next()).isEqualTo(p.next());
                assertThat(b.next()).isEqualTo(p.next());
                assertThat(a.term().utf8ToString()).isEqualTo("calendar");
            }
        }
    }

    @Test
    void oneEnumMovedFromTermToKnownTermAnswersForEach() throws IOException {
        try (ByteBuffersDirectory dir = oneSegment()) {
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                LeafReader plain = reader.leaves().get(0).reader();
                LeafReader view = new RememberedTerms(reader).leaves().get(0).reader();
                // Both terms known to the search already (a query looked them up), as a snippet finds them.
                assertThat(view.terms("body").iterator().seekExact(new BytesRef("calendar"))).isTrue();
                assertThat(view.terms("body").iterator().seekExact(new BytesRef("tenant"))).isTrue();
                TermsEnum one = view.terms("body").iterator();
                TermsEnum p = plain.terms("body").iterator();
                for (String term : List.of("calendar", "tenant", "calendar", "mailbox", "tenant")) {
                    assertThat(one.seekExact(new BytesRef(term))).isTrue();
                    p.seekExact(new BytesRef(term));
                    assertThat(docs(one.postings(null))).as(term).isEqualTo(docs(p.postings(null)));
                    assertThat(one.docFreq()).as(term).isEqualTo(p.docFreq());
                }
            }
        }
    }

    /** Keeps one wrapper per field, as a segment keeps one dictionary per field, and counts the enums made of it. */
    private static final class Enumerated extends FilterDirectoryReader {
        Enumerated(DirectoryReader in, AtomicInteger made) throws IOException {
            super(in, new SubReaderWrapper() {
                @Override
                public LeafReader wrap(LeafReader reader) {
                    return new Uncached(reader) {
                        private final java.util.Map<String, Terms> fields = new java.util.HashMap<>();

                        @Override
                        public Terms terms(String field) throws IOException {
                            Terms t = super.terms(field);
                            return t == null ? null : fields.computeIfAbsent(field, f -> new FilterTerms(t) {
                                @Override
                                public TermsEnum iterator() throws IOException {
                                    made.incrementAndGet();
                                    return in.iterator();
                                }
                            });
                        }
                    };
                }
            });
        }

        @Override
        protected DirectoryReader doWrapDirectoryReader(DirectoryReader in) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CacheHelper getReaderCacheHelper() {
            return null;
        }
    }

    @Test
    void aViewsNextSearchReusesTheDictionaryEnumAndTwoViewsAtOnceStayApart() throws IOException {
        try (ByteBuffersDirectory dir = oneSegment()) {
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                AtomicInteger made = new AtomicInteger();
                DirectoryReader index = new Enumerated(reader, made);
                IndexSearcher plain = new IndexSearcher(reader);
                // Eight searches one after another on one view, as a thread makes them (LanguageIndex).
                IndexSearcher view = new IndexSearcher(new RememberedTerms(index));
                for (Query q : queries()) {
                    ((RememberedTerms) view.getIndexReader()).forget();
                    assertThat(results(view, q)).as(q.toString()).isEqualTo(results(plain, q));
                }
                // The first made the dictionary's enum and the others took it up again; the prefix
                // query walked the dictionary with an enum of its own, once to search and once to count.
                int walks = 2;
                assertThat(made.get()).isEqualTo(1 + walks);
                // Two views at once, each enum read after the other view moved its own shared one.
                LeafReader first = new RememberedTerms(index).leaves().get(0).reader();
                LeafReader second = new RememberedTerms(index).leaves().get(0).reader();
                TermsEnum a = first.terms("body").iterator();
                TermsEnum b = second.terms("body").iterator();
                assertThat(a.seekExact(new BytesRef("calendar"))).isTrue();
                assertThat(b.seekExact(new BytesRef("mailbox"))).isTrue();
                TermsEnum p = reader.leaves().get(0).reader().terms("body").iterator();
                p.seekExact(new BytesRef("calendar"));
                assertThat(docs(a.postings(null))).isEqualTo(docs(p.postings(null))).hasSize(3);
                p.seekExact(new BytesRef("mailbox"));
                assertThat(docs(b.postings(null))).isEqualTo(docs(p.postings(null)));
                assertThat(made.get()).isEqualTo(3 + walks);
            }
        }
    }

    private static TermsEnum at(LeafReader reader, String term) throws IOException {
        TermsEnum e = reader.terms("body").iterator();
        assertThat(e.seekExact(new BytesRef(term))).as(term).isTrue();
        return e;
    }

    private static List<String> docsAndFreqs(org.apache.lucene.index.PostingsEnum p) throws IOException {
        List<String> out = new ArrayList<>();
        for (int d = p.nextDoc(); d != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; d = p.nextDoc()) {
            out.add(d + "x" + p.freq());
        }
        return out;
    }

    @Test
    void postingsHandedToOneSearchAreResetForTheNextAndNeverSharedWithinOne() throws IOException {
        try (ByteBuffersDirectory dir = oneSegment()) {
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                LeafReader plain = reader.leaves().get(0).reader();
                RememberedTerms remembered = new RememberedTerms(reader);
                LeafReader view = remembered.leaves().get(0).reader();
                int freqs = org.apache.lucene.index.PostingsEnum.FREQS;
                // One search holds more enums at once than the view keeps: each reads its own term,
                // though all were made before any was read (as a query's scorers are).
                String[] words = {"calendar", "mailbox", "tenant", "consent", "admin", "office", "connect",
                    "shared", "the", "for", "of", "is", "not", "found", "permissions", "id", "and", "once", "every", "user"};
                List<org.apache.lucene.index.PostingsEnum> held = new ArrayList<>();
                for (String w : words) {
                    held.add(at(view, w).postings(null, freqs));
                }
                assertThat(new java.util.HashSet<>(held)).hasSize(words.length);
                for (int i = 0; i < words.length; i++) {
                    assertThat(docsAndFreqs(held.get(i))).as(words[i])
                            .isEqualTo(docsAndFreqs(at(plain, words[i]).postings(null, freqs)));
                }
                // The thread's next search is handed the same enums, reset to its own terms.
                remembered.forget();
                org.apache.lucene.index.PostingsEnum again = at(view, "error").postings(null, freqs);
                assertThat(again).isSameAs(held.get(0));
                assertThat(docsAndFreqs(again)).isEqualTo(docsAndFreqs(at(plain, "error").postings(null, freqs)));
                // Impacts of a short list read the pooled postings, and say what the index's say.
                org.apache.lucene.index.ImpactsEnum impacts = at(view, "calendar").impacts(freqs);
                assertThat(docsAndFreqs(impacts)).isEqualTo(docsAndFreqs(at(plain, "calendar").impacts(freqs)));
                assertThat(impacts.getImpacts().getDocIdUpTo(0))
                        .isEqualTo(at(plain, "calendar").impacts(freqs).getImpacts().getDocIdUpTo(0));
            }
        }
    }

    @Test
    void aTermInManyDocumentsKeepsTheIndexsImpactsAndScoresAlike() throws IOException {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
                for (int i = 0; i < 3 * RememberedTerms.POSTINGS_BLOCK; i++) {
                    Document d = new Document();
                    d.add(new TextField("body", TEXTS[i % TEXTS.length] + " common" + " common".repeat(i % 5), Field.Store.NO));
                    writer.addDocument(d);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher plain = new IndexSearcher(reader);
                RememberedTerms remembered = new RememberedTerms(reader);
                IndexSearcher view = new IndexSearcher(remembered);
                LeafReader leaf = remembered.leaves().get(0).reader();
                assertThat(at(leaf, "common").impacts(org.apache.lucene.index.PostingsEnum.FREQS))
                        .isNotInstanceOf(org.apache.lucene.index.SlowImpactsEnum.class);
                for (int round = 0; round < 3; round++) {
                    remembered.forget();
                    for (Query q : queries()) {
                        BooleanQuery.Builder with = new BooleanQuery.Builder();
                        with.add(q, Occur.SHOULD).add(new TermQuery(new Term("body", "common")), Occur.SHOULD);
                        Query both = with.build();
                        assertThat(results(view, both)).as(both.toString()).isEqualTo(results(plain, both));
                    }
                }
            }
        }
    }
}
