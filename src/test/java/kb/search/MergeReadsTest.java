package kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.MergeInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index folder's directory: merges read through the page cache, searches through the mapping. */
class MergeReadsTest {
    @Test
    void mergesReadWithPositionalReadsAndSearchesMapTheFile(@TempDir Path dir) throws Exception {
        try (Directory directory = SearchEngine.directory(dir)) {
            try (IndexOutput out = directory.createOutput("f", IOContext.DEFAULT)) {
                out.writeInt(42);
            }
            try (IndexInput merging = directory.openInput("f", new IOContext(new MergeInfo(1, 4, false, 1)));
                    IndexInput searching = directory.openInput("f", IOContext.READ)) {
                assertTrue(merging.toString().startsWith("NIOFSIndexInput"), merging.toString());
                assertFalse(searching.toString().startsWith("NIOFSIndexInput"), searching.toString());
                assertEquals(42, merging.readInt());
                assertEquals(42, searching.readInt());
            }
        }
    }
}
