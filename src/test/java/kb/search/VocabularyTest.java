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
}
