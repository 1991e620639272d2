package kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The token tests the index's writer runs for every token answer as the general tests do: the
 * quick answer for plain words ({@link Identifiers#plainWord}) changes no answer.
 */
class IdentifiersTest {
    /** Letters, capitals and their neighbours in Latin-1, joiners, digits, and characters beyond. */
    private static final String ALPHABET = "abcxyzABCXYZ\u00c0\u00c9\u00d6\u00d7\u00d8\u00de\u00df\u00e0\u00e7\u00f6\u00f7\u00f8\u00ff"
            + "\u00aa\u00b5\u00ba\u0100\u0101\u03a9\u03c9_.'-019@\u2019";

    @Test
    void plainWordsAreNeverIdentifiersNorWordsWithParts() {
        for (String word : new String[] {"conexao", "Conexão", "ÉRRO", "permissões", "straße", "Àgua", "a", "B", ""}) {
            char[] b = word.toCharArray();
            assertThat(Identifiers.looksLikeIdentifier(b, b.length)).as(word).isEqualTo(reference(word));
            assertThat(Identifiers.hasParts(b, b.length)).as(word).isEqualTo(referenceParts(word));
        }
        assertThat(Identifiers.plainWord("permissões".toCharArray(), 10)).isTrue();
        assertThat(Identifiers.plainWord("PermissõesAdmin".toCharArray(), 15)).isFalse();
        char[] camel = "mailReadWrite".toCharArray();
        assertThat(Identifiers.looksLikeIdentifier(camel, camel.length)).isTrue();
    }

    @Test
    void theQuickAnswerAgreesWithTheGeneralTestOnRandomTokens() {
        Random random = new Random(5);
        for (int n = 0; n < 300_000; n++) {
            int length = random.nextInt(9);
            StringBuilder word = new StringBuilder();
            // Mostly small letters, as words are, with a capital first now and then.
            for (int i = 0; i < length; i++) {
                word.append(random.nextInt(3) == 0 ? ALPHABET.charAt(random.nextInt(ALPHABET.length()))
                        : (char) ('a' + random.nextInt(26)));
            }
            String w = word.toString();
            char[] b = (w + "#tail").toCharArray(); // a token's buffer is longer than the token
            assertThat(Identifiers.looksLikeIdentifier(b, w.length())).as(w).isEqualTo(reference(w));
            assertThat(Identifiers.hasParts(b, w.length())).as(w).isEqualTo(referenceParts(w));
        }
    }

    /** The general test, on a CharSequence: it never takes the quick answer. */
    private static boolean reference(String word) {
        return Identifiers.looksLikeIdentifier(word, 0, word.length());
    }

    private static boolean referenceParts(String word) {
        if (reference(word)) {
            return true;
        }
        for (int i = 1; i < word.length() - 1; i++) {
            if (!Character.isLetterOrDigit(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
