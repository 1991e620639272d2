package kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The remembering filters' memory answers as a map of the tokens it kept would, within its bound. */
class TokenMemoryTest {
    @Test
    void answersAsAMapOfTheTokensKeptWouldAndNeverKeepsOneWithADigit() {
        Random random = new Random(3);
        TokenMemory<Integer> memory = new TokenMemory<>(4, 1 << 20);
        Map<String, Integer> model = new HashMap<>();
        for (int n = 0; n < 200_000; n++) {
            String token = token(random);
            char[] buffer = (token + "xyz").toCharArray(); // a token's buffer is longer than the token
            if (random.nextBoolean()) {
                memory.keep(buffer, token.length(), n);
                if (token.chars().noneMatch(Character::isDigit)) {
                    model.put(token, n);
                }
            }
            assertThat(memory.get(buffer, token.length())).as(token).isEqualTo(model.get(token));
        }
        assertThat(memory.size()).isEqualTo(model.size());
    }

    @Test
    void startsOverPastItsBound() {
        TokenMemory<String> memory = new TokenMemory<>(4, 3);
        for (String t : new String[] {"a", "b", "c"}) {
            memory.keep(t.toCharArray(), 1, t);
        }
        assertThat(memory.get("c".toCharArray(), 1)).isEqualTo("c");
        memory.keep("d".toCharArray(), 1, "d");
        assertThat(memory.size()).isEqualTo(1);
        assertThat(memory.get("a".toCharArray(), 1)).isNull();
        assertThat(memory.get("d".toCharArray(), 1)).isEqualTo("d");
    }

    private static String token(Random random) {
        int length = 1 + random.nextInt(random.nextInt(4) == 0 ? 14 : 6);
        StringBuilder t = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int r = random.nextInt(40);
            t.append(r < 26 ? (char) ('a' + r) : r < 30 ? (char) ('0' + r - 26) : "çãéõüñ\u00e0\u20ac\ud83d\ude42".charAt(r - 30));
        }
        return t.toString();
    }
}
