package kb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import kb.content.Article;
import kb.content.Language;
import kb.content.Section;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;

/**
 * Builds one language's index in memory: one document for each article (its title as heading,
 * description and intro as body) and one for each of its sections (heading, text, and the
 * article's title as context), the vocabulary of the words they use, and where their error codes
 * are explained.
 * Nothing is stored in Lucene: a hit leads back to its {@link Entry}, whose text is already held
 * by the library, and snippets are cut from there.
 */
final class IndexBuilder {
    /** Large enough that a big site flushes a few segments, not dozens; freed when the build ends. */
    private static final double RAM_BUFFER_MB = 160;

    private static final FieldType WORDS = TextField.TYPE_NOT_STORED;

    private IndexBuilder() {}

    static LanguageIndex build(Language language, List<Article> articles, Synonyms synonyms) throws IOException {
        String lang = language.code();
        Analysis analysis = new Analysis(lang, language.analysis());
        WordCounts words = new WordCounts();
        Analyzer analyzer = analysis.forIndex(words);
        // One buffer per file: each term lookup clones its input, and a clone copies every buffer.
        ByteBuffersDirectory directory = new ByteBuffersDirectory(new SingleInstanceLockFactory(),
                ByteBuffersDataOutput::new, ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(RAM_BUFFER_MB)
                .setUseCompoundFile(false)
                // A few flushed segments search fast enough; merging them would cost more than the build.
                .setMergePolicy(NoMergePolicy.INSTANCE)
                .setCommitOnClose(true);

        List<Entry> entries = new ArrayList<>();
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (Article article : articles) {
                Entry whole = new Entry(article, null);
                writer.addDocument(withKey(articleDocument(entries.size(), article), whole));
                entries.add(whole);
                ReplayedTokens title = ReplayedTokens.of(analyzer, Analysis.CONTEXT, article.title());
                for (Section section : article.sections()) {
                    Entry part = new Entry(article, section);
                    writer.addDocument(withKey(sectionDocument(entries.size(), title, section), part));
                    entries.add(part);
                }
            }
        }

        DirectoryReader reader = DirectoryReader.open(directory);
        return new LanguageIndex(analysis, reader, bytes(directory), entries, entryOfEachDoc(reader),
                Vocabulary.of(words), new QueryFactory(analysis, synonyms), ErrorCodes.of(articles));
    }

    private static Document articleDocument(int entry, Article article) {
        Document doc = new Document();
        doc.add(new NumericDocValuesField(Analysis.ENTRY, entry));
        doc.add(new Field(Analysis.HEADING, article.title(), WORDS));
        doc.add(new Field(Analysis.BODY, article.description(), WORDS));
        doc.add(new Field(Analysis.BODY, article.intro(), WORDS));
        return doc;
    }

    private static Document withKey(Document doc, Entry entry) {
        String key = entry.key();
        if (key != null) {
            doc.add(new StringField(Analysis.KEY, key, Field.Store.NO));
        }
        return doc;
    }

    private static Document sectionDocument(int entry, ReplayedTokens title, Section section) {
        Document doc = new Document();
        doc.add(new NumericDocValuesField(Analysis.ENTRY, entry));
        doc.add(new Field(Analysis.CONTEXT, title, WORDS));
        doc.add(new Field(Analysis.HEADING, section.heading(), WORDS));
        doc.add(new Field(Analysis.BODY, section.text(), WORDS));
        return doc;
    }

    /** Lucene's document numbers to entry positions, read once so that a query never touches doc values. */
    private static int[] entryOfEachDoc(DirectoryReader reader) throws IOException {
        int[] entryOf = new int[reader.maxDoc()];
        for (LeafReaderContext leaf : reader.leaves()) {
            NumericDocValues values = leaf.reader().getNumericDocValues(Analysis.ENTRY);
            if (values == null) {
                continue;
            }
            for (int doc = values.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = values.nextDoc()) {
                entryOf[leaf.docBase + doc] = (int) values.longValue();
            }
        }
        return entryOf;
    }

    private static long bytes(ByteBuffersDirectory directory) throws IOException {
        long total = 0;
        for (String file : directory.listAll()) {
            total += directory.fileLength(file);
        }
        return total;
    }
}
