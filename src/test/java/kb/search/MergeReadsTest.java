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

/**
 * The index folder's directory: merges and the stored pages read through the page cache, searches
 * through the mapping.
 */
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

    @Test
    void storedPagesAreReadWithPositionalReads(@TempDir Path dir) throws Exception {
        try (Directory directory = SearchEngine.directory(dir)) {
            for (String name : new String[] {"_0.fdt", "_0.fdx", "_0.tim"}) {
                try (IndexOutput out = directory.createOutput(name, IOContext.DEFAULT)) {
                    out.writeInt(7);
                }
            }
            try (IndexInput pages = directory.openInput("_0.fdt", IOContext.READ);
                    IndexInput where = directory.openInput("_0.fdx", IOContext.READ);
                    IndexInput terms = directory.openInput("_0.tim", IOContext.READ)) {
                assertTrue(pages.toString().startsWith("NIOFSIndexInput"), pages.toString());
                assertFalse(where.toString().startsWith("NIOFSIndexInput"), where.toString());
                assertFalse(terms.toString().startsWith("NIOFSIndexInput"), terms.toString());
                assertEquals(7, pages.readInt());
            }
        }
    }
}
