package kb.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeadingIdsTest {
    @Test
    void lowerCasesAndStripsAccents() {
        assertThat(HeadingIds.slug("Conexão à API do Office 365")).isEqualTo("conexao-a-api-do-office-365");
        assertThat(HeadingIds.slug("Permissões NECESSÁRIAS")).isEqualTo("permissoes-necessarias");
        assertThat(HeadingIds.slug("Ação, coração e pão")).isEqualTo("acao-coracao-e-pao");
    }

    @Test
    void turnsRunsOfAnythingElseIntoOneHyphen() {
        assertThat(HeadingIds.slug("  \"Interaction required\" — error!  ")).isEqualTo("interaction-required-error");
        assertThat(HeadingIds.slug("Mail.ReadWrite / offline_access")).isEqualTo("mail-readwrite-offline-access");
    }

    @Test
    void numbersRepeatsFromTwo() {
        HeadingIds ids = new HeadingIds();
        assertThat(ids.next("Causa")).isEqualTo("causa");
        assertThat(ids.next("Causa")).isEqualTo("causa-2");
        assertThat(ids.next("causa!")).isEqualTo("causa-3");
    }

    @Test
    void generatedIdsAvoidReservedExplicitOnes() {
        HeadingIds ids = new HeadingIds();
        ids.reserve("overview");
        assertThat(ids.next("Overview")).isEqualTo("overview-2");
    }

    @Test
    void headingWithNoLettersStillGetsAnId() {
        HeadingIds ids = new HeadingIds();
        assertThat(ids.next("???")).isEqualTo("section");
        assertThat(ids.next("")).isEqualTo("section-2");
    }
}
