package kb.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kb.content.Language;
import kb.content.Languages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessagesTest {
    @TempDir
    Path i18n;

    private static final Languages THREE_AND_ONE = new Languages(List.of(
            Language.of("pt", "Português", "pt-BR"), Language.of("en", "English", "en-US"),
            Language.of("es", "Español", "es-ES"), Language.of("fr", "Français", "fr-FR")), "pt");

    @Test
    void spanishIsBuiltInAndDatesFollowTheLocale() {
        Map<String, Messages> all = Messages.load(THREE_AND_ONE, i18n);
        assertThat(all.get("es").get("search.submit")).isEqualTo("Buscar");
        assertThat(all.get("es").date(LocalDate.of(2024, 10, 4))).isEqualTo("4 de octubre de 2024");
        assertThat(all.get("fr").date(LocalDate.of(2024, 10, 4))).isEqualTo("4 octobre 2024");
    }

    @Test
    void theContentAddsAndOverridesKeysAndAMissingKeyFallsBackToEnglish() throws Exception {
        Files.writeString(i18n.resolve("fr.properties"), "search.submit=Rechercher\n");
        Files.writeString(i18n.resolve("pt.properties"), "site.name=Ajuda Exemplo\n");
        Map<String, Messages> all = Messages.load(THREE_AND_ONE, i18n);
        assertThat(all.get("fr").get("search.submit")).isEqualTo("Rechercher");
        assertThat(all.get("fr").get("search.label")).isEqualTo("Search the help center");
        assertThat(all.get("fr").get("search.count", 3)).isEqualTo("3 results");
        assertThat(all.get("pt").get("site.name")).isEqualTo("Ajuda Exemplo");
        assertThat(all.get("pt").get("search.submit")).isEqualTo("Pesquisar");
        assertThat(all.get("fr").get("no.such.key")).isEqualTo("??no.such.key??");
    }

    private static java.util.Set<String> keys(java.util.Properties p, String own) {
        java.util.Set<String> keys = new java.util.TreeSet<>(p.stringPropertyNames());
        keys.add("search.other.language." + own);
        return keys;
    }

    @Test
    void aMissingKeyIsReportedOncePerKeyAndLanguageAcrossReloads() {
        java.util.Set<String> reported = java.util.concurrent.ConcurrentHashMap.newKeySet();
        for (int load = 0; load < 2; load++) {
            Messages fr = Messages.load(THREE_AND_ONE, i18n, reported).get("fr");
            fr.get("search.label");
            fr.get("search.label");
            fr.get("search.submit");
        }
        Messages.load(THREE_AND_ONE, i18n, reported).get("es").get("search.label");
        assertThat(reported).containsExactlyInAnyOrder("fr:search.label", "fr:search.submit");
    }

    @Test
    void theBuiltInLanguagesHaveTheSameKeys() throws Exception {
        Map<String, Messages> all = Messages.load(THREE_AND_ONE, i18n);
        java.util.Properties en = new java.util.Properties();
        java.util.Properties es = new java.util.Properties();
        java.util.Properties pt = new java.util.Properties();
        en.load(getClass().getResourceAsStream("/i18n/messages_en.properties"));
        es.load(getClass().getResourceAsStream("/i18n/messages_es.properties"));
        pt.load(getClass().getResourceAsStream("/i18n/messages_pt.properties"));
        // The same keys, but for the one naming the language itself ("nothing in English; these are in English").
        assertThat(keys(es, "es")).isEqualTo(keys(en, "en")).isEqualTo(keys(pt, "pt"));
        assertThat(all).containsKeys("pt", "en", "es", "fr");
    }
}
