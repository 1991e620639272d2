package kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import kb.content.ContentLoader;
import kb.content.Library;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page of results built at once shows what its hits built one by one show, on a site whose
 * library holds its articles slim (the on-disk index keeps the sections' texts), where a page's
 * section texts are read from the index together, in document order, whatever order they rank in.
 */
class SectionTextsTest {
    @TempDir
    Path data;

    /** What the document's doc value holds, read on its own. */
    private static String alone(DirectoryReader reader, int doc) throws IOException {
        LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
        BinaryDocValues values = leaf.reader().getBinaryDocValues(IndexStore.SECTION_TEXT);
        return values != null && values.advanceExact(doc - leaf.docBase) ? values.binaryValue().utf8ToString() : null;
    }

    @Test
    void aPageReadsItsSectionsTogetherAndShowsWhatEachHitAloneShows() throws IOException {
        Path content = SearchEvaluation.withDistractors();
        try (SearchEngine engine = SearchEngine.onDisk(data.resolve("index"))) {
            Library library = new ContentLoader(Set.of(), Set.of("/"), engine).load(content);
            SearchIndex index = engine.publish(library, content);
            Random random = new Random(11);
            for (String lang : List.of("pt", "en")) {
                LanguageIndex language = index.languageIndex(lang);
                DirectoryReader reader = language.reader();
                // Documents in any order, some twice, some without a section's text.
                int[] docs = random.ints(300, 0, reader.maxDoc()).toArray();
                docs[1] = docs[0];
                String[] together = IndexStore.sectionTexts(reader, docs);
                int found = 0;
                for (int i = 0; i < docs.length; i++) {
                    assertThat(together[i]).as("document %d", docs[i]).isEqualTo(alone(reader, docs[i]));
                    found += together[i] == null ? 0 : 1;
                }
                assertThat(found).isGreaterThan(100);

                int slim = 0;
                for (String query : List.of("caixa compartilhada", "calendar permissions", "consentimento do administrador",
                        "mailbox", "sincronização", "tenant", "erro", "error")) {
                    LanguageIndex.Ranking ranking = language.rank(UserQuery.parse(query), Long.MAX_VALUE, null);
                    List<LanguageIndex.Scored> page = ranking.hits().subList(0, Math.min(10, ranking.hits().size()));
                    MatchedTerms matched = MatchedTerms.of(ranking.query());
                    Snippets.Postings postings = ranking.view() == null ? null : new Snippets.Postings(matched, ranking.view().getIndexReader());
                    List<String> atOnce = new ArrayList<>();
                    for (var hit : language.hits(page, matched, postings)) {
                        atOnce.add(hit.url() + " " + hit.snippet());
                    }
                    List<String> oneByOne = new ArrayList<>();
                    for (LanguageIndex.Scored scored : page) {
                        var hit = language.hits(List.of(scored), matched, postings).get(0);
                        oneByOne.add(hit.url() + " " + hit.snippet());
                        slim += scored.entry().section() != null && scored.entry().section().text() == null ? 1 : 0;
                    }
                    assertThat(atOnce).as(query).isEqualTo(oneByOne);
                }
                // The texts were read from the index, not held by the library.
                assertThat(slim).as(lang).isGreaterThan(10);
            }
        }
    }
}
