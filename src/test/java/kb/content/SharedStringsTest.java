package kb.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Shared strings read back exactly as made, and what articles repeat is held once. */
class SharedStringsTest {
    private static String decode(String s) {
        byte[] b = ("··" + s + "·").getBytes(StandardCharsets.UTF_8);
        int at = "··".getBytes(StandardCharsets.UTF_8).length;
        return SharedStrings.decode(b, at, s.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void bytesDecodeToTheSameTextAsAFreshString() {
        for (String s : List.of("", "prerequisites", "Permissões necessárias", "caixa de correio", "日本語",
                "x".repeat(SharedStrings.MAX_LENGTH), "y".repeat(SharedStrings.MAX_LENGTH + 1))) {
            assertThat(decode(s)).isEqualTo(s);
            assertThat(decode(s)).isEqualTo(s);
        }
    }

    @Test
    void aShortStringSeenBeforeIsGivenBackInsteadOfACopy() {
        String first = decode("required-permissions-" + System.nanoTime());
        assertThat(decode(first)).isSameAs(first);
        assertThat(SharedStrings.of(new String(first))).isSameAs(first);
        String href = "/en/some-article#" + first;
        assertThat(SharedStrings.of(href, href.indexOf('#') + 1, href.length())).isSameAs(first);
        String accented = decode("Permissões " + System.nanoTime());
        assertThat(decode(accented)).isSameAs(accented);
    }

    @Test
    void aLongStringIsNeverShared() {
        String longer = "z".repeat(SharedStrings.MAX_LENGTH + 1);
        assertThat(decode(longer)).isNotSameAs(decode(longer)).isEqualTo(longer);
    }

    @Test
    void stringsThatMeetInOneSlotStillReadBackRight() {
        // Two strings whose hashes land in the same slot take it in turn; neither is ever mistaken for the other.
        String a = "slot-a";
        String b = null;
        for (int i = 0; b == null; i++) {
            String candidate = "slot-" + i;
            if (!candidate.equals(a) && sameSlot(candidate.hashCode(), a.hashCode())) {
                b = candidate;
            }
        }
        for (int round = 0; round < 3; round++) {
            assertThat(decode(a)).isEqualTo(a);
            assertThat(decode(b)).isEqualTo(b);
            assertThat(SharedStrings.of("x" + a, 1, a.length() + 1)).isEqualTo(a);
            assertThat(SharedStrings.of(new String(b))).isEqualTo(b);
        }
    }

    private static boolean sameSlot(int h1, int h2) {
        int mask = SharedStrings.SLOTS - 1;
        return ((h1 ^ (h1 >>> 16)) & mask) == ((h2 ^ (h2 >>> 16)) & mask);
    }

    @Test
    void threadsRacingForSlotsReadEveryStringRight() throws Exception {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            words.add((i % 2 == 0 ? "seção-" : "section-") + i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> wrong = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                wrong.add(pool.submit(() -> {
                    int bad = 0;
                    for (int round = 0; round < 20; round++) {
                        for (String w : words) {
                            bad += decode(w).equals(w) && SharedStrings.of(new String(w)).equals(w) ? 0 : 1;
                        }
                    }
                    return bad;
                }));
            }
            for (Future<Integer> f : wrong) {
                assertThat(f.get()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void articlesReadFromTheIndexShareTheirSectionIdsAndLinks() {
        Library library = new ContentLoader(Set.of(), Set.of("/")).load(Path.of("content"));
        Article article = library.all().stream().filter(a -> !a.links().isEmpty() && !a.tags().isEmpty()).findFirst().orElseThrow();
        Article once = ArticleCodec.readMeta(ArticleCodec.meta(article));
        Article twice = ArticleCodec.readMeta(ArticleCodec.meta(article));
        assertThat(twice).isEqualTo(once).isEqualTo(article.slim());
        assertThat(twice.sections()).isNotEmpty();
        for (int i = 0; i < once.sections().size(); i++) {
            assertThat(twice.sections().get(i).id()).isSameAs(once.sections().get(i).id());
            assertThat(twice.sections().get(i).heading()).isSameAs(once.sections().get(i).heading());
        }
        for (int i = 0; i < once.links().size(); i++) {
            assertThat(twice.links().get(i)).isSameAs(once.links().get(i));
        }
        assertThat(twice.tags().get(0)).isSameAs(once.tags().get(0));
        assertThat(twice.lang()).isSameAs(once.lang());
        assertThat(twice.title()).isNotSameAs(once.title());
    }
}
