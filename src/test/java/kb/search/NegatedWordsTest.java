package kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NegatedWordsTest {
    private static List<String> words(String text) {
        return List.of(text.split(" "));
    }

    @Test
    void aVerbANegationCloseBeforeMeansNotFound() {
        NegatedWords en = NegatedWords.of("en");
        assertThat(en.meanings(words("hubspot says my mailbox doesn't exist"))).isEqualTo(Map.of("exist", "found"));
        assertThat(en.meanings(words("it can’t seem to find my inbox"))).isEqualTo(Map.of("find", "found"));
        NegatedWords pt = NegatedWords.of("pt");
        assertThat(pt.meanings(words("o hubspot não achou minha caixa"))).isEqualTo(Map.of("achou", "encontrado"));
    }

    @Test
    void withoutANegationCloseBeforeTheVerbMeansItself() {
        NegatedWords en = NegatedWords.of("en");
        assertThat(en.meanings(words("where do I find the tenant id"))).isEmpty();
        assertThat(en.meanings(words("not sure where I can find the tenant id"))).isEmpty();
        assertThat(NegatedWords.of("xx").meanings(words("doesn't exist"))).isEmpty();
    }
}
