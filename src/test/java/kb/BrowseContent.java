package kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * A help center with folders, for the browsing tests, the page checks and the screenshots: in
 * Portuguese and English, a category with an {@code _index.md} and 120 articles (three pages) holding
 * a subcategory, categories without one (titled from their folder names, matched across languages
 * by their articles' translations), articles at the top, and tags shared in both languages.
 */
public final class BrowseContent {
    /** Articles in {@code correio/} and {@code mail/}: 50 a page, so three pages. */
    public static final int MAIL = 120;

    private BrowseContent() {}

    /** A server of its own on a fresh copy of this content, for tests that only read it. */
    private static TestServer shared;

    public static synchronized TestServer server() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("kb-browse-");
                write(dir);
                shared = new TestServer(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "browse-test-server-stop"));
        }
        return shared;
    }

    /** An article's file text. */
    public static String article(String title, String key, LocalDate lastmod, List<String> tags, Integer weight) {
        StringBuilder fm = new StringBuilder("---\ntitle: \"" + title + "\"\n");
        fm.append("description: \"").append(title).append(": what it is and how to fix it.\"\n");
        fm.append("lastmod: ").append(lastmod).append('\n');
        if (key != null) {
            fm.append("translationKey: ").append(key).append('\n');
        }
        if (!tags.isEmpty()) {
            fm.append("tags: [").append(String.join(", ", tags.stream().map(t -> "\"" + t + "\"").toList())).append("]\n");
        }
        if (weight != null) {
            fm.append("weight: ").append(weight).append('\n');
        }
        return fm.append("---\n\nIntro.\n\n## Details {#details}\n\nText about ").append(title).append(".\n").toString();
    }

    public static void write(Path dir) throws IOException {
        ContentFiles.write(dir, "pt/correio/_index.md", """
                ---
                title: "Correio eletrônico"
                description: "Caixa de entrada, regras e anexos."
                weight: 1
                translationKey: mail
                ---
                """);
        ContentFiles.write(dir, "en/mail/_index.md", """
                ---
                title: "Email"
                description: "Inbox, rules and attachments."
                weight: 1
                translationKey: mail
                ---
                """);
        LocalDate day = LocalDate.of(2024, 1, 1);
        for (int i = 1; i <= MAIL; i++) {
            String n = String.format("%03d", i);
            // Message 007 weighs 1: first on page one although its title is not.
            Integer weight = i == 7 ? 1 : null;
            List<String> ptTags = i == 3 || i == 4 ? List.of("correio", "senhas") : List.of("correio");
            List<String> enTags = i == 3 || i == 4 ? List.of("email", "passwords") : List.of("email");
            ContentFiles.write(dir, "pt/correio/mensagem-" + n + ".md", article("Mensagem " + n, "m" + n, day.plusDays(i), ptTags, weight));
            ContentFiles.write(dir, "en/mail/message-" + n + ".md", article("Message " + n, "m" + n, day.plusDays(i), enTags, weight));
        }
        ContentFiles.write(dir, "pt/correio/regras/filtros.md", article("Filtros de mensagens", "r1", day.plusDays(200),
                List.of("Segurança", "senhas"), null));
        ContentFiles.write(dir, "en/mail/rules/filters.md", article("Message filters", "r1", day.plusDays(200),
                List.of("security", "passwords"), null));
        ContentFiles.write(dir, "pt/correio/regras/encaminhamento.md", article("Encaminhamento automático", "r2", day.plusDays(10),
                List.of(), null));
        ContentFiles.write(dir, "en/mail/rules/forwarding.md", article("Automatic forwarding", "r2", day.plusDays(10), List.of(), null));

        // seguranca/ and security/ have no _index.md: their titles come from the folder names.
        ContentFiles.write(dir, "pt/seguranca/senhas-fortes.md", article("Senhas fortes", "s0", day.plusDays(300),
                List.of("Segurança", "senhas"), null));
        ContentFiles.write(dir, "en/security/strong-passwords.md", article("Strong passwords", "s0", day.plusDays(300),
                List.of("security", "passwords"), null));
        ContentFiles.write(dir, "pt/seguranca/dois-fatores.md", article("Autenticação em dois fatores", "s1", day.plusDays(30),
                List.of("senhas"), null));
        ContentFiles.write(dir, "en/security/two-factor.md", article("Two-factor authentication", "s1", day.plusDays(30),
                List.of("passwords"), null));
        ContentFiles.write(dir, "pt/seguranca/sessoes.md", article("Sessões abertas", "s2", day.plusDays(20), List.of(), null));
        ContentFiles.write(dir, "en/security/sessions.md", article("Open sessions", "s2", day.plusDays(20), List.of(), null));
        ContentFiles.write(dir, "pt/seguranca/alertas.md", article("Alertas de acesso", "s3", day.plusDays(21), List.of(), null));
        ContentFiles.write(dir, "en/security/alerts.md", article("Sign-in alerts", "s3", day.plusDays(21), List.of(), null));

        ContentFiles.write(dir, "pt/dispositivos-moveis/android.md", article("Configurar no Android", "d1", day.plusDays(5),
                List.of("android"), null));
        ContentFiles.write(dir, "en/mobile-devices/android.md", article("Set up on Android", "d1", day.plusDays(5),
                List.of("android"), null));

        ContentFiles.write(dir, "pt/boas-vindas.md", article("Boas-vindas", "welcome", day.plusDays(2), List.of(), 1));
        ContentFiles.write(dir, "en/welcome.md", article("Welcome", "welcome", day.plusDays(2), List.of(), 1));
    }
}
