package kb.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A map patched edit after edit holds exactly what a plain map given the same puts and removals holds. */
class PatchedMapTest {
    @Test
    void patchAfterPatchHoldsWhatAPlainMapHolds() {
        Random random = new Random(3);
        Map<Integer, String> plain = new HashMap<>();
        for (int k = 0; k < 2000; k++) {
            plain.put(k, "v" + k);
        }
        Map<Integer, String> patched = Map.copyOf(plain);
        Map<Integer, String> first = patched;
        for (int step = 0; step < 400; step++) {
            PatchedMap.Change<Integer, String> change = new PatchedMap.Change<>();
            for (int e = 0; e < 1 + random.nextInt(6); e++) {
                int key = random.nextInt(2600);
                if (random.nextInt(3) == 0) {
                    change.remove(key);
                    plain.remove(key);
                } else {
                    change.put(key, "s" + step + "-" + e);
                    plain.put(key, "s" + step + "-" + e);
                }
            }
            patched = change.apply(patched);
            assertThat(patched).as("after step %d", step).isEqualTo(plain);
            assertThat(patched.size()).isEqualTo(plain.size());
            for (int k = -1; k < 2601; k += 13) {
                assertThat(patched.containsKey(k)).isEqualTo(plain.containsKey(k));
                assertThat(patched.get(k)).isEqualTo(plain.get(k));
            }
            assertThat(patched.keySet()).containsExactlyInAnyOrderElementsOf(plain.keySet());
        }
        assertThat(first).as("the maps patched are left as they were").hasSize(2000).containsEntry(7, "v7");
    }
}
