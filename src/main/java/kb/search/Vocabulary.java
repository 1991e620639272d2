package kb.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The words the articles use, accent-free, with how often they occur and how they are written
 * ({@code permissoes} is written {@code permissões}): what typos are corrected against. Made once
 * per index from the words the build counted; the words are also held in a one-document Lucene
 * index, whose term dictionary is what the spell checker walks.
 */
final class Vocabulary {
    /** The field of the one document that holds every word. */
    static final String WORD = "word";

    private final Map<String, Integer> counts;
    private final Map<String, String> writtenForm;
    private volatile IndexReader words;

    private Vocabulary(Map<String, Integer> counts, Map<String, String> writtenForm) {
        this.counts = Map.copyOf(counts);
        this.writtenForm = Map.copyOf(writtenForm);
    }

    static Vocabulary of(WordCounts counted) throws IOException {
        record Best(String word, int count) {}
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Best> best = new HashMap<>();
        counted.forEach((word, count) -> {
            String folded = Analysis.fold(word);
            counts.merge(folded, count, Integer::sum);
            best.merge(folded, new Best(word, count), (a, b) -> b.count() > a.count() ? b : a);
        });
        Map<String, String> written = new HashMap<>();
        best.forEach((folded, b) -> {
            if (!b.word().equals(folded)) {
                written.put(folded, b.word());
            }
        });

        return new Vocabulary(counts, written);
    }

    /**
     * The one-document index of every word, made when a typo is first looked up in this version of
     * the vocabulary rather than at every start and edit: most versions are never asked.
     */
    private static IndexReader wordIndex(java.util.Set<String> words) {
        try {
            ByteBuffersDirectory directory = new ByteBuffersDirectory();
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
                FieldType docsOnly = new FieldType();
                docsOnly.setTokenized(true);
                docsOnly.setIndexOptions(IndexOptions.DOCS);
                docsOnly.setOmitNorms(true);
                Document doc = new Document();
                doc.add(new Field(WORD, String.join(" ", words), docsOnly));
                writer.addDocument(doc);
            }
            return DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Whether the articles use the word (accent-free, lower case). */
    boolean knows(String folded) {
        return counts.containsKey(folded);
    }

    /** How often the articles use the word (accent-free, lower case). */
    int count(String folded) {
        return counts.getOrDefault(folded, 0);
    }

    /** The word as the articles most often write it. */
    String written(String folded) {
        return writtenForm.getOrDefault(folded, folded);
    }

    /** Every word, accent-free, as the terms of field {@link #WORD}. */
    IndexReader reader() {
        IndexReader r = words;
        if (r == null) {
            synchronized (this) {
                r = words;
                if (r == null) {
                    r = wordIndex(counts.keySet());
                    words = r;
                }
            }
        }
        return r;
    }

    int size() {
        return counts.size();
    }
}
