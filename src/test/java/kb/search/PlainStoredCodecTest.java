package kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stored pages are written as they are and read back byte for byte: empty, short, an
 * article's size, and pages longer than several of the codec's blocks (which Lucene writes in
 * slices), across segments and after they are merged, in a folder opened again by name.
 */
class PlainStoredCodecTest {
    @TempDir
    Path folder;

    @Test
    void everyStoredValueReadsBackAsWrittenAndNothingIsCompressed() throws Exception {
        Random random = new Random(11);
        List<String> pages = new ArrayList<>();
        List<byte[]> words = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < 700; i++) {
            int length = switch (i % 7) {
                case 0 -> 0;
                case 1 -> 1 + random.nextInt(40);
                case 2 -> 100_000 + random.nextInt(60_000); // longer than two blocks: written in slices
                default -> 8_000 + random.nextInt(6_000);
            };
            String page = page(random, length);
            byte[] counted = new byte[random.nextInt(300)];
            random.nextBytes(counted);
            pages.add(page);
            words.add(counted);
            bytes += page.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + counted.length;
        }
        try (Directory directory = FSDirectory.open(folder)) {
            IndexWriterConfig config = new IndexWriterConfig().setCodec(new PlainStoredCodec()).setUseCompoundFile(false);
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                for (int i = 0; i < pages.size(); i++) {
                    Document doc = new Document();
                    doc.add(new StoredField("page", pages.get(i)));
                    doc.add(new StoredField("words", words.get(i)));
                    doc.add(new StoredField("n", i)); // a merge may put the segments' documents in another order
                    writer.addDocument(doc);
                    if (i % 250 == 249) {
                        writer.commit(); // several segments
                    }
                }
                writer.commit();
                try (DirectoryReader reader = DirectoryReader.open(directory)) {
                    assertThat(reader.leaves()).hasSizeGreaterThan(1);
                    assertReads(reader, pages, words);
                    for (LeafReaderContext leaf : reader.leaves()) {
                        assertThat(((SegmentReader) leaf.reader()).getSegmentInfo().info.getCodec().getName())
                                .isEqualTo(PlainStoredCodec.NAME);
                    }
                }
                writer.forceMerge(1);
                writer.commit();
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertThat(reader.leaves()).hasSize(1);
                assertReads(reader, pages, words);
            }
            long stored = 0;
            try (var files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    if (file.getFileName().toString().endsWith(".fdt")) {
                        stored += Files.size(file);
                    }
                }
            }
            // The pages repeat a few words over and over: any compression would take most of them off.
            assertThat(stored).isGreaterThanOrEqualTo(bytes);
        }
    }

    private static void assertReads(DirectoryReader reader, List<String> pages, List<byte[]> words) throws Exception {
        StoredFields stored = reader.storedFields();
        // Out of order too: a page is read alone, wherever it sits in its block.
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int doc = pages.size() - 1; doc >= 0; doc -= 3) {
            check(stored.document(doc), pages, words);
        }
        for (int doc = 0; doc < pages.size(); doc++) {
            seen.add(check(stored.document(doc), pages, words));
        }
        assertThat(seen).hasSize(pages.size());
    }

    private static int check(Document doc, List<String> pages, List<byte[]> words) {
        int n = doc.getField("n").numericValue().intValue();
        String page = pages.get(n);
        byte[] counted = words.get(n);
        String read = doc.get("page");
        // Told apart by length and first difference: the pages are too long to print.
        assertThat(read.length()).as("length of page %d", n).isEqualTo(page.length());
        assertThat(java.util.Arrays.mismatch(read.toCharArray(), page.toCharArray())).as("first difference in page %d", n).isEqualTo(-1);
        var value = doc.getBinaryValue("words");
        assertThat(java.util.Arrays.copyOfRange(value.bytes, value.offset, value.offset + value.length)).isEqualTo(counted);
        return n;
    }

    private static String page(Random random, int length) {
        String[] words = {"<p>", "Permissões", "de", "administrador", "</p>", "consent", "ção", "🙂", "\n", "tenant"};
        StringBuilder page = new StringBuilder(length + 16);
        while (page.length() < length) {
            page.append(words[random.nextInt(words.length)]).append(' ');
        }
        int end = length > 0 && Character.isHighSurrogate(page.charAt(length - 1)) ? length - 1 : length;
        return page.substring(0, end); // never half an emoji, which no page can hold
    }
}
