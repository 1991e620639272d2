package kb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import kb.content.Article;
import kb.content.Library;
import kb.content.Section;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * The baseline search quality is compared against: Lucene's stock recipe, nothing of ours. One
 * document per article (title, description and intro) and per section (the article's title, the
 * heading, the text), the stock Portuguese or English analyzer, BM25, every word optional in
 * every field.
 */
final class PlainLucene {
    private static final String[] FIELDS = {"title", "heading", "body"};

    private final IndexSearcher searcher;
    private final QueryBuilder builder;

    private PlainLucene(IndexSearcher searcher, Analyzer analyzer) {
        this.searcher = searcher;
        this.builder = new QueryBuilder(analyzer);
    }

    static PlainLucene build(Library library, String lang) {
        Analyzer analyzer = lang.equals("pt") ? new PortugueseAnalyzer() : new EnglishAnalyzer();
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
            for (Article a : library.articles(lang)) {
                w.addDocument(doc(a.url(), a.title(), "", a.description() + "\n" + a.intro()));
                for (Section s : a.sections()) {
                    w.addDocument(doc(a.url() + "#" + s.id(), a.title(), s.heading(), s.text()));
                }
            }
            w.commit();
            return new PlainLucene(new IndexSearcher(DirectoryReader.open(dir)), analyzer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document doc(String url, String title, String heading, String body) {
        Document d = new Document();
        d.add(new StoredField("url", url));
        d.add(new TextField("title", title, Field.Store.NO));
        d.add(new TextField("heading", heading, Field.Store.NO));
        d.add(new TextField("body", body, Field.Store.NO));
        return d;
    }

    /** The URLs of the best {@code n} documents, best first. */
    List<String> search(String text, int n) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        boolean some = false;
        for (String field : FIELDS) {
            Query q = builder.createBooleanQuery(field, text, Occur.SHOULD);
            if (q != null) {
                any.add(q, Occur.SHOULD);
                some = true;
            }
        }
        if (!some) {
            return List.of();
        }
        try {
            List<String> urls = new ArrayList<>();
            for (ScoreDoc sd : searcher.search(any.build(), n).scoreDocs) {
                urls.add(searcher.storedFields().document(sd.doc).get("url"));
            }
            return urls;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
