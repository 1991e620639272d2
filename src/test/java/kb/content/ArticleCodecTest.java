package kb.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the index keeps of an article reads back as the same article, from wherever the bytes sit. */
class ArticleCodecTest {
    private final Library library = new ContentLoader(Set.of(), Set.of("/")).load(Path.of("content"));

    @Test
    void everyShippedArticleReadsBackWholeFromItsMetaAndBody() {
        assertThat(library.all()).isNotEmpty();
        for (Article a : library.all()) {
            byte[] meta = ArticleCodec.meta(a);
            Article slim = ArticleCodec.readMeta(meta);
            assertThat(slim).isEqualTo(a.slim());
            assertThat(ArticleCodec.withBody(slim, a.html(), a.sections().stream().map(Section::text).toList())).isEqualTo(a);
            // As a doc value hands it over: inside a larger array, at an offset.
            byte[] padded = new byte[meta.length + 10];
            System.arraycopy(meta, 0, padded, 7, meta.length);
            assertThat(ArticleCodec.readMeta(padded, 7, meta.length)).isEqualTo(slim);
        }
    }

    @Test
    void cutOrForeignBytesAreRefusedNotMisread() {
        byte[] meta = ArticleCodec.meta(library.all().get(0));
        for (int cut : new int[] {1, 5, meta.length / 2, meta.length - 1}) {
            assertThatThrownBy(() -> ArticleCodec.readMeta(Arrays.copyOf(meta, cut)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        byte[] other = meta.clone();
        other[0] = (byte) (ArticleCodec.FORMAT + 1);
        assertThatThrownBy(() -> ArticleCodec.readMeta(other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("format");
        // A length field claiming more than there is, as a corrupt file would: no huge allocation, a refusal.
        byte[] huge = meta.clone();
        huge[1] = 0x7f;
        assertThatThrownBy(() -> ArticleCodec.readMeta(huge)).isInstanceOf(IllegalArgumentException.class);
    }
}
