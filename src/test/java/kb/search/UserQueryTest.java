package kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UserQueryTest {
    private static List<UserQuery.Part> parts(String raw) {
        return UserQuery.parse(raw).parts();
    }

    private static UserQuery.Part word(String text) {
        return new UserQuery.Part(text, false, false);
    }

    @Test
    void wordsPhrasesAndExclusions() {
        assertThat(parts("caixa \"de entrada\" -gmail -\"google drive\""))
                .containsExactly(word("caixa"), new UserQuery.Part("de entrada", true, false),
                        new UserQuery.Part("gmail", false, true), new UserQuery.Part("google drive", true, true));
    }

    @Test
    void booleanOperatorsAreNotWordsAndNotExcludesTheNextWord() {
        assertThat(parts("inbox AND calendar OR mail NOT gmail && x || y"))
                .containsExactly(word("inbox"), word("calendar"), word("mail"), new UserQuery.Part("gmail", false, true), word("x"), word("y"));
    }

    @Test
    void anUnbalancedQuoteIsIgnored() {
        assertThat(parts("\"interaction required")).containsExactly(word("interaction"), word("required"));
        assertThat(parts("a \"b\" \"c")).containsExactly(word("a"), new UserQuery.Part("b", true, false), word("c"));
    }

    @Test
    void typographicQuotesAreQuotes() {
        assertThat(parts("“need admin approval”")).containsExactly(new UserQuery.Part("need admin approval", true, false));
    }

    @Test
    void aHyphenInsideAWordOrAloneIsNotAnExclusion() {
        assertThat(parts("e-mail - x")).containsExactly(word("e-mail"), word("-"), word("x"));
    }

    @Test
    void luceneSyntaxIsJustText() {
        assertThat(parts("title:foo* bar~2 [a TO b] (x)")).extracting(UserQuery.Part::text)
                .containsExactly("title:foo*", "bar~2", "[a", "TO", "b]", "(x)");
    }

    @Test
    void hugeInputIsCutAndWordsAreCapped() {
        UserQuery q = UserQuery.parse("palavra ".repeat(20_000));
        assertThat(q.text().length()).isLessThanOrEqualTo(UserQuery.MAX_CHARS);
        assertThat(q.parts()).hasSize(UserQuery.MAX_WORDS);
        assertThat(UserQuery.parse("x".repeat(100_000)).parts().get(0).text()).hasSize(UserQuery.MAX_WORD_CHARS);
    }

    @Test
    void controlCharactersNulAndBrokenSurrogatesAreRemoved() {
        String text = UserQuery.parse("ab\u0000c\u0007d \uD800e \uDC00f\u200Bg\u202Eh\uFFFF").text();
        assertThat(text).isEqualTo("ab c d e fgh");
        assertThat(UserQuery.parse("emoji 😀 ok").text()).isEqualTo("emoji 😀 ok");
    }

    @Test
    void compatibilityFormsAreNormalized() {
        assertThat(UserQuery.parse("ｉｎｂｏｘ ﬁle").text()).isEqualTo("inbox file");
    }

    @Test
    void nullAndBlankGiveNoParts() {
        assertThat(UserQuery.parse(null).parts()).isEmpty();
        assertThat(UserQuery.parse(" \t\n ").parts()).isEmpty();
        assertThat(UserQuery.parse("\"\"").parts()).isEmpty();
    }

    @Test
    void formatRoundTrips() {
        String typed = "caixa \"de entrada\" -gmail -\"google drive\"";
        assertThat(UserQuery.format(parts(typed))).isEqualTo(typed);
    }
}
