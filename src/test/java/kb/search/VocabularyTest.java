package kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The words a typo is close to. */
class VocabularyTest {
    private static Vocabulary of(String... words) throws Exception {
        WordCounts counts = new WordCounts();
        for (String w : words) {
            counts.add(w.toCharArray(), w.length());
        }
        return Vocabulary.of(counts);
    }

    private static List<String> near(Vocabulary v, String word, int edits) {
        return v.near(word, edits).stream().map(Vocabulary.Near::word).sorted().toList();
    }

    @Test
    void oneEditIsAnInsertionADeletionASubstitutionOrTwoNeighboursSwapped() throws Exception {
        Vocabulary v = of("calendar", "calendars", "calenda", "calandra", "celendar", "kalendar");
        assertThat(near(v, "calender", 1)).containsExactly("calendar");
        assertThat(near(v, "calendra", 1)).containsExactly("calandra", "calenda", "calendar");
        assertThat(near(v, "clanedar", 1)).isEmpty();
    }

    @Test
    void twoEditsReachFurtherButNeverPastTheFirstLetter() throws Exception {
        Vocabulary v = of("permissions", "permission", "xermissions", "submission");
        assertThat(near(v, "premisions", 2)).containsExactly("permissions");
        assertThat(near(v, "premisions", 1)).isEmpty();
    }

    @Test
    void closerWordsAreMoreSimilar() throws Exception {
        Vocabulary v = of("mailbox", "mailboxes");
        List<Vocabulary.Near> found = v.near("mailbx", 2);
        assertThat(found).extracting(Vocabulary.Near::word).containsExactlyInAnyOrder("mailbox");
        assertThat(found.get(0).similarity()).isEqualTo(1f - 1f / 6);
    }

    @Test
    void theDistanceStopsAtTheBound() {
        int[][] rows = new int[3][1];
        assertThat(Vocabulary.distance("abcdef".codePoints().toArray(), "abdcef".codePoints().toArray(), 2, rows)).isEqualTo(1);
        assertThat(Vocabulary.distance("abcdef".codePoints().toArray(), "uvwxyz".codePoints().toArray(), 2, rows)).isEqualTo(3);
        assertThat(Vocabulary.distance("abc".codePoints().toArray(), "abcdef".codePoints().toArray(), 2, rows)).isEqualTo(3);
    }

    @Test
    void theLetterSetsPassOverOnlyWordsTooFarApart() throws Exception {
        // Random words of a few letters (many near each other), every one looked up with one and
        // two edits: what the lookup returns is what the distance alone accepts among the words of
        // the same first letter.
        java.util.Random random = new java.util.Random(7);
        String alphabet = "abcdef"; // the vocabulary holds words folded (no accents)
        List<String> words = new java.util.ArrayList<>();
        for (int i = 0; i < 600; i++) {
            StringBuilder w = new StringBuilder("a");
            for (int n = 2 + random.nextInt(6); n > 0; n--) {
                w.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            words.add(w.toString());
        }
        Vocabulary v = of(words.toArray(String[]::new));
        List<String> distinct = words.stream().distinct().toList();
        int[][] rows = new int[3][1];
        int found = 0;
        for (String query : distinct.subList(0, 150)) {
            String typo = query.substring(0, query.length() - 1) + "e" + query.charAt(query.length() - 1);
            for (String q : List.of(query, typo)) {
                for (int edits = 1; edits <= 2; edits++) {
                    List<String> expected = new java.util.ArrayList<>();
                    for (String w : distinct) {
                        int d = Vocabulary.distance(q.codePoints().toArray(), w.codePoints().toArray(), edits, rows);
                        if (d > 0 && d <= edits) {
                            expected.add(w);
                        }
                    }
                    assertThat(near(v, q, edits)).as(q + " within " + edits).isEqualTo(expected.stream().sorted().toList());
                    found += expected.size();
                }
            }
        }
        assertThat(found).isGreaterThan(1000);
    }

    @Test
    void aVocabularyPatchedForTheWordsOfEditsIsTheOneMadeAfreshFromTheSameCounts() throws Exception {
        java.util.Random random = new java.util.Random(11);
        // Few letters, short words: accent variants of one word, words coming and going, shared buckets.
        String[] letters = {"a", "á", "ã", "c", "ç", "e", "é", "o", "õ", "s", "t"};
        java.util.function.Supplier<WordCounts> article = () -> {
            WordCounts counts = new WordCounts(16);
            for (int n = random.nextInt(12); n > 0; n--) {
                StringBuilder w = new StringBuilder("c");
                for (int k = 1 + random.nextInt(3); k > 0; k--) {
                    w.append(letters[random.nextInt(letters.length)]);
                }
                counts.add(w.toString().toCharArray(), w.length());
            }
            return counts;
        };
        java.util.List<WordCounts> articles = new java.util.ArrayList<>();
        WordCounts total = new WordCounts();
        for (int a = 0; a < 20; a++) {
            WordCounts c = article.get();
            articles.add(c);
            total.add(c, 1);
        }
        Vocabulary patched = Vocabulary.of(total);
        patched.near("caso", 1); // the typo buckets made, so that the patch has them to patch
        for (int step = 0; step < 200; step++) {
            java.util.Set<String> changed = new java.util.HashSet<>();
            int at = random.nextInt(articles.size());
            WordCounts before = articles.get(at);
            WordCounts after = random.nextInt(4) == 0 ? new WordCounts(1) : article.get();
            total.add(before, -1);
            total.add(after, 1);
            articles.set(at, after);
            before.forEach((w, n) -> changed.add(w));
            after.forEach((w, n) -> changed.add(w));
            patched = patched.patched(total, changed);
            Vocabulary fresh = Vocabulary.of(total);
            assertThat(patched.size()).as("step %d", step).isEqualTo(fresh.size());
            for (String first : new String[] {"c"}) {
                for (String a : letters) {
                    for (String b : letters) {
                        String probe = Analysis.fold(first + a + b);
                        assertThat(patched.count(probe)).as("%s at step %d", probe, step).isEqualTo(fresh.count(probe));
                        assertThat(patched.written(probe)).as("%s at step %d", probe, step).isEqualTo(fresh.written(probe));
                        assertThat(near(patched, probe, 1)).as("%s at step %d", probe, step).isEqualTo(near(fresh, probe, 1));
                        assertThat(near(patched, probe + "s", 2)).as("%ss at step %d", probe, step).isEqualTo(near(fresh, probe + "s", 2));
                    }
                }
            }
        }
    }
}
