package kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Looking only around underscores finds the codes a scan of the whole text finds, in the same order. */
class ErrorCodesScanTest {
    @Test
    void theCodesFoundAroundUnderscoresAreThoseOfTheWholeText() {
        Random random = new Random(11);
        String[] pieces = {"A", "B", "Z", "E", "1", "9", "_", "_", ".", ".", "x", "y", " ", " ", "\n", "-", "(", "é", "AADSTS", "ERR_"};
        int withCodes = 0;
        for (int n = 0; n < 50_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String t = text.toString();
            int from = t.isEmpty() ? 0 : random.nextInt(t.length() + 1) / 3;
            int to = from + random.nextInt(t.length() - from + 1);
            List<String> whole = new ArrayList<>();
            Identifiers.scan(t, from, to, (identifier, s, e) -> {
                if (Identifiers.isErrorCode(identifier)) {
                    whole.add(identifier);
                }
            });
            List<String> around = new ArrayList<>();
            ErrorCodes.codes(t, from, to, around::add);
            assertThat(around).as("%s [%d, %d)", t, from, to).isEqualTo(whole);
            withCodes += whole.isEmpty() ? 0 : 1;
        }
        assertThat(withCodes).isGreaterThan(2_000);
    }
}
