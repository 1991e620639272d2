package kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * The search's own collector gives exactly Lucene's top documents (the same documents, scores and
 * order, ties included), and, with another order for ties, the best documents in that order.
 */
class TopHitsTest {
    private static final String[] WORDS = {"inbox", "calendar", "consent", "tenant", "admin", "error", "gmail", "office", "sync", "alias"};

    @Test
    void theBestDocumentsAreLucenesOwnTiesIncluded() throws Exception {
        Random random = new Random(5);
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            write(dir, () -> {
                StringBuilder text = new StringBuilder();
                // Few words per document, from a small list: many documents score exactly alike.
                for (int w = 0; w < 1 + random.nextInt(4); w++) {
                    text.append(WORDS[random.nextInt(random.nextBoolean() ? 3 : WORDS.length)]).append(' ');
                }
                return text.toString();
            });
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertThat(reader.leaves()).as("several segments").hasSizeGreaterThan(1);
                IndexSearcher searcher = new IndexSearcher(reader);
                for (int q = 0; q < 200; q++) {
                    BooleanQuery.Builder any = new BooleanQuery.Builder();
                    for (int w = 0; w < 1 + random.nextInt(3); w++) {
                        Query term = new TermQuery(new Term("body", WORDS[random.nextInt(WORDS.length)]));
                        any.add(random.nextBoolean() ? new BoostQuery(term, 2f) : term, BooleanClause.Occur.SHOULD);
                    }
                    Query query = any.build();
                    int size = List.of(1, 3, 10, 400, 5000).get(random.nextInt(5));
                    List<String> lucene = java.util.Arrays.stream(searcher.search(query, size).scoreDocs).map(TopHitsTest::show).toList();
                    List<String> ours = searcher.search(query, new TopHits(size)).stream().map(TopHitsTest::show).toList();
                    assertThat(ours).as("query %s, top %d", query, size).isEqualTo(lucene);
                }
            }
        }
    }

    @Test
    void equalScoresFollowTheGivenTieOrderWhereverTheDocumentsAre() throws Exception {
        Random random = new Random(11);
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            write(dir, () -> WORDS[random.nextInt(3)] + " " + WORDS[random.nextInt(WORDS.length)]);
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertThat(reader.leaves()).as("several segments").hasSizeGreaterThan(1);
                IndexSearcher searcher = new IndexSearcher(reader);
                // Any order of the documents, unrelated to their numbers (as the site's, by URL, is).
                int[] rank = new int[reader.maxDoc()];
                List<Integer> shuffled = new java.util.ArrayList<>(java.util.stream.IntStream.range(0, rank.length).boxed().toList());
                java.util.Collections.shuffle(shuffled, random);
                for (int i = 0; i < rank.length; i++) {
                    rank[shuffled.get(i)] = i;
                }
                TopHits.TieOrder ties = (a, b) -> Integer.compare(rank[a], rank[b]);
                for (int q = 0; q < 100; q++) {
                    BooleanQuery.Builder any = new BooleanQuery.Builder();
                    for (int w = 0; w < 1 + random.nextInt(3); w++) {
                        any.add(new TermQuery(new Term("body", WORDS[random.nextInt(WORDS.length)])), BooleanClause.Occur.SHOULD);
                    }
                    Query query = any.build();
                    int size = List.of(1, 3, 10, 400, 2000).get(random.nextInt(5));
                    List<String> expected = java.util.Arrays.stream(searcher.search(query, reader.maxDoc()).scoreDocs)
                            .sorted((a, b) -> a.score != b.score ? Float.compare(b.score, a.score) : ties.compare(a.doc, b.doc))
                            .limit(size).map(TopHitsTest::show).toList();
                    List<String> ours = searcher.search(query, new TopHits(size, ties)).stream().map(TopHitsTest::show).toList();
                    assertThat(ours).as("query %s, top %d", query, size).isEqualTo(expected);
                }
            }
        }
    }

    /** 4,000 documents of the given texts, in several segments. */
    private static void write(ByteBuffersDirectory dir, java.util.function.Supplier<String> texts) throws java.io.IOException {
        try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()).setMaxBufferedDocs(500))) {
            for (int d = 0; d < 4000; d++) {
                Document doc = new Document();
                doc.add(new TextField("body", texts.get(), Field.Store.NO));
                writer.addDocument(doc);
            }
        }
    }

    private static String show(ScoreDoc d) {
        return d.doc + ":" + d.score;
    }
}
