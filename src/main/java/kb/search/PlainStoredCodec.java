package kb.search;

import java.io.IOException;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.compressing.Compressor;
import org.apache.lucene.codecs.compressing.Decompressor;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's codec with the stored fields written as they are, not compressed. What is stored is
 * each article's page (its HTML) and its word counts: compressing them was a twelfth of a cold
 * build's indexing (LZ4's match search over a preset dictionary, block after block), for a cache
 * that stays on this replica's disk. Reading one page back copies its block's bytes up to it
 * instead of decompressing them. Everything else (postings, doc values, norms) is Lucene's own.
 *
 * <p>Found by name when an index is opened ({@code META-INF/services/org.apache.lucene.codecs.Codec}),
 * so its name must not change while indexes written with it are kept; an index written with
 * another codec has another stamp and is built again (see {@link SearchEngine}).
 */
public final class PlainStoredCodec extends FilterCodec {
    static final String NAME = "KbPlainStored912";

    /** Made by Lucene's service loader, by name. */
    public PlainStoredCodec() {
        super(NAME, new Lucene912Codec());
    }

    @Override
    public StoredFieldsFormat storedFieldsFormat() {
        return STORED;
    }

    /** A block's bytes as they are: one compressor and one decompressor for all, holding no state. */
    private static final Compressor COMPRESSOR = new Compressor() {
        @Override
        public void compress(ByteBuffersDataInput in, DataOutput out) throws IOException {
            out.copyBytes(in, in.length());
        }

        @Override
        public void close() {}
    };

    private static final Decompressor DECOMPRESSOR = new Decompressor() {
        @Override
        public void decompress(DataInput in, int originalLength, int offset, int length, BytesRef bytes)
                throws IOException {
            if (offset < 0 || length < 0 || offset + length > originalLength) {
                throw new org.apache.lucene.index.CorruptIndexException(
                        "stored block of " + originalLength + " bytes, asked " + offset + "+" + length, in);
            }
            if (bytes.bytes.length < offset + length) {
                bytes.bytes = new byte[ArrayUtil.oversize(offset + length, 1)];
            }
            in.readBytes(bytes.bytes, 0, offset + length);
            bytes.offset = offset;
            bytes.length = length;
        }

        @Override
        public Decompressor clone() {
            return this;
        }
    };

    private static final CompressionMode PLAIN = new CompressionMode() {
        @Override
        public Compressor newCompressor() {
            return COMPRESSOR;
        }

        @Override
        public Decompressor newDecompressor() {
            return DECOMPRESSOR;
        }

        @Override
        public String toString() {
            return "plain";
        }
    };

    /**
     * Blocks of 16 KiB or up to 128 documents: a page read copies at most its block up to itself
     * (an article's page is about 10 KiB, and most documents store nothing).
     */
    private static final StoredFieldsFormat STORED = new Lucene90CompressingStoredFieldsFormat(
            "KbPlainStoredFields", PLAIN, 16 * 1024, 128, 10);
}
