package kb.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LanguagesFileTest {
    @TempDir
    Path content;

    @Test
    void withoutTheFileThePortugueseAndEnglishSiteIsServed() {
        LanguagesFile.Result r = LanguagesFile.read(content, Languages.BUILT_IN);
        assertThat(r.problem()).isEmpty();
        assertThat(r.languages().codes()).containsExactly("pt", "en");
        assertThat(r.languages().defaultLanguage().code()).isEqualTo("pt");
        assertThat(r.languages().defaultLanguage().hreflang()).isEqualTo("pt-BR");
        assertThat(r.languages().get("en").orElseThrow().hreflang()).isEqualTo("en");
    }

    @Test
    void theSpecsExampleListsTheLanguagesInOrder() {
        Languages l = LanguagesFile.parse("""
                default: pt
                languages:
                  - {code: pt, name: Português, locale: pt-BR}
                  - {code: en, name: English, locale: en-US}
                  - {code: es, name: Español, locale: es-ES}
                """);
        assertThat(l.codes()).containsExactly("pt", "en", "es");
        assertThat(l.get("es").orElseThrow().name()).isEqualTo("Español");
        assertThat(l.get("es").orElseThrow().hreflang()).isEqualTo("es-ES");
        assertThat(l.get("es").orElseThrow().ogLocale()).isEqualTo("es_ES");
        assertThat(l.preferred("es-AR,es;q=0.8").code()).isEqualTo("es");
        assertThat(l.preferred("ja").code()).isEqualTo("pt");
    }

    @Test
    void aBrokenFileSaysWhy() {
        java.util.Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("languages: [{code: pt, name: P, locale: pt-BR}, {code: pt, name: Q, locale: pt-PT}]", "language pt is listed twice");
        cases.put("default: es\nlanguages: [{code: pt, name: P, locale: pt-BR}]", "the default language 'es' is not in the list");
        cases.put("languages: [{code: P-T, name: P, locale: pt-BR}]", "bad language code 'P-T'");
        cases.put("languages: [{code: pt, name: P, locale: pt-BR, flag: br}]", "unknown key 'flag' of language pt");
        cases.put("default: pt\nlanguage: []", "unknown key 'language'");
        cases.put("languages: [{code: pt, locale: pt-BR}]", "language pt has no 'name'");
        cases.put("languages: [{code: pt, name: P, locale: 'pt_BR!'}]", "is not a BCP 47 tag");
        cases.put("languages: [{code: en, name: E, locale: en-US, hreflang: 'e n'}]", "hreflang 'e n' is not a BCP 47 tag");
        cases.put("languages: [ {code: pt", "bad YAML");
        cases.put("languages: []", "must be a non-empty list");
        cases.put("- just a list", "expected 'default:' and 'languages:' keys");
        cases.forEach((yaml, reason) -> assertThatThrownBy(() -> LanguagesFile.parse(yaml)).as(yaml).hasMessageContaining(reason));
    }

    @Test
    void aBrokenFileIsAProblemWithItsPathAndThePreviousLanguagesStay() throws Exception {
        Languages previous = LanguagesFile.parse("languages: [{code: en, name: English, locale: en-US}, {code: es, name: Español, locale: es-ES}]");
        Files.writeString(content.resolve("languages.yaml"), "languages: [{code: en, name: English, locale: en-US, typo: 1}]");
        LanguagesFile.Result r = LanguagesFile.read(content, previous);
        assertThat(r.languages()).isEqualTo(previous);
        assertThat(r.problem()).hasValueSatisfying(p -> {
            assertThat(p.file()).isEqualTo(Path.of("languages.yaml"));
            assertThat(p.reason()).contains("unknown key 'typo'");
        });
    }
}
