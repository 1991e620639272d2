package kb.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsentSettingsFileTest {

    private static final String OTHER_CLIENT = "11111111-2222-3333-4444-555555555555";

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("admin-consent.properties");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static ConsentSettings loaded(ConsentSettingsFile.Result result) {
        assertThat(result).isInstanceOf(ConsentSettingsFile.Result.Loaded.class);
        return ((ConsentSettingsFile.Result.Loaded) result).settings();
    }

    private static ConsentSettingsFile.Result.Invalid invalid(ConsentSettingsFile.Result result) {
        assertThat(result).isInstanceOf(ConsentSettingsFile.Result.Invalid.class);
        return (ConsentSettingsFile.Result.Invalid) result;
    }

    @Test
    void defaultsAreTheSeedsValues() {
        ConsentSettings defaults = ConsentSettings.defaults();
        assertThat(defaults.clientId()).isEqualTo("450987b3-a09a-4f14-9b2c-4f301d1e15f5");
        assertThat(defaults.scopes()).containsExactly(
                "https://graph.microsoft.com/User.Read",
                "https://graph.microsoft.com/Calendars.Read",
                "https://graph.microsoft.com/Mail.Send",
                "https://graph.microsoft.com/calendars.readwrite",
                "https://graph.microsoft.com/mail.readwrite",
                "https://graph.microsoft.com/offline_access",
                "https://graph.microsoft.com/openid",
                "https://graph.microsoft.com/email",
                "https://graph.microsoft.com/profile");
        assertThat(defaults.redirectUri()).isEqualTo("https://app.hubspot.com/oauthor/v1/office365/verify");
        assertThat(defaults.state()).isEqualTo("12345");
    }

    @Test
    void missingFileMeansDefaults() {
        assertThat(loaded(ConsentSettingsFile.read(dir.resolve("absent.properties"))))
                .isEqualTo(ConsentSettings.defaults());
    }

    @Test
    void emptyFileMeansDefaults() throws IOException {
        assertThat(loaded(ConsentSettingsFile.read(write("# nothing changed\n"))))
                .isEqualTo(ConsentSettings.defaults());
    }

    @Test
    void everyKeyOverridesItsDefault() throws IOException {
        Path file = write("""
                client_id = %s
                scopes = https://graph.microsoft.com/Mail.Read \\
                         offline_access\topenid
                redirect_uri = https://example.com/callback?x=1
                state = abc def
                """.formatted(OTHER_CLIENT));
        assertThat(loaded(ConsentSettingsFile.read(file))).isEqualTo(new ConsentSettings(
                OTHER_CLIENT,
                List.of("https://graph.microsoft.com/Mail.Read", "offline_access", "openid"),
                "https://example.com/callback?x=1",
                "abc def"));
    }

    @Test
    void aMissingKeyKeepsOnlyThatDefault() throws IOException {
        ConsentSettings settings = loaded(ConsentSettingsFile.read(write("state=999\n")));
        ConsentSettings defaults = ConsentSettings.defaults();
        assertThat(settings).isEqualTo(
                new ConsentSettings(defaults.clientId(), defaults.scopes(), defaults.redirectUri(), "999"));
    }

    @Test
    void valuesAreReadAsUtf8() throws IOException {
        ConsentSettings settings = loaded(ConsentSettingsFile.read(write("state=ação\n")));
        assertThat(settings.state()).isEqualTo("ação");
    }

    @Test
    void theConsentPagesArticlesAreNamedByTranslationKeyAndOptionalSection() throws IOException {
        ConsentSettings settings = loaded(ConsentSettingsFile.read(write("find_tenant_article = where-id\nconsent_article = about#consent\n")));
        assertThat(settings.findTenantArticle()).isEqualTo(new ArticleLink("where-id", null));
        assertThat(settings.consentArticle()).isEqualTo(new ArticleLink("about", "consent"));
        assertThat(loaded(ConsentSettingsFile.read(write("state=1\n"))).consentArticle())
                .isEqualTo(new ArticleLink("inbox-calendar-connection-errors", "tenant-admin-consent"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            client_id=not-a-guid                           | client_id "not-a-guid" is not a GUID
            client_id=                                     | client_id "" is not a GUID
            redirect_uri=http://example.com/callback       | redirect_uri "http://example.com/callback" is not an absolute https URL
            redirect_uri=/relative/callback                | redirect_uri "/relative/callback" is not an absolute https URL
            redirect_uri=https://example.com/cb#fragment   | is not an absolute https URL
            redirect_uri=javascript:alert(1)               | is not an absolute https URL
            redirect_uri=https://exa mple.com/             | is not an absolute https URL
            scopes=                                        | scopes is empty
            scopes=\\u0020\\u0020                          | scopes is empty
            state=                                         | state is empty
            state=a\\u0007b                                | state "a\\u0007b" contains a control character
            client_id\\u0000=x                             | unknown key "client_id\\u0000"
            clientid=450987b3-a09a-4f14-9b2c-4f301d1e15f5  | unknown key "clientid"; the keys are client_id, scopes, redirect_uri, state
            find_tenant_article=                           | find_tenant_article "" is not an article's translationKey
            consent_article=key#                           | consent_article "key#" is not an article's translationKey
            consent_article=two words                      | consent_article "two words" is not an article's translationKey
            """)
    void invalidValuesAreReportedWithThePathAndTheReason(String line, String reason) throws IOException {
        Path file = write(line + "\n");
        ConsentSettingsFile.Result.Invalid refused = invalid(ConsentSettingsFile.read(file));
        assertThat(refused.file()).isEqualTo(file);
        assertThat(refused.reason()).contains(reason);
        assertThat(refused.message()).startsWith(file + ": ").contains(reason);
        assertThat(refused.message()).doesNotContain("\u0000", "\u0007");
    }

    @Test
    void aFileThatIsNotUtf8IsReported() throws IOException {
        Path file = dir.resolve("admin-consent.properties");
        Files.write(file, "state=a\u00e7\u00e3o\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(invalid(ConsentSettingsFile.read(file)).reason()).contains("not UTF-8");
    }

    @Test
    void aBrokenEscapeIsReported() throws IOException {
        assertThat(invalid(ConsentSettingsFile.read(write("state=\\uZZZZ\n"))).reason())
                .contains("not a valid properties file");
    }

    @Test
    void aDirectoryIsReported() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("admin-consent.properties"));
        assertThat(invalid(ConsentSettingsFile.read(sub)).reason()).contains("not a regular file");
    }

    @Test
    void aHugeFileIsReportedUnread() throws IOException {
        assertThat(invalid(ConsentSettingsFile.read(write("# " + "x".repeat(100 * 1024)))).reason())
                .contains("larger than");
    }

    @Test
    void theCallerKeepsItsPreviousSettingsWhenTheFileIsRefused() throws IOException {
        ConsentSettings previous = new ConsentSettings(OTHER_CLIENT, List.of("openid"), "https://example.com/", "1");
        assertThat(ConsentSettingsFile.read(write("client_id=nope\n")).orElse(previous)).isEqualTo(previous);
        assertThat(ConsentSettingsFile.read(write("state=2\n")).orElse(previous).state()).isEqualTo("2");
    }

    @Test
    void aChangedFileIsPickedUpOnTheNextRead() throws IOException {
        Path file = write("state=1\n");
        assertThat(loaded(ConsentSettingsFile.read(file)).state()).isEqualTo("1");
        write("state=2\n");
        assertThat(loaded(ConsentSettingsFile.read(file)).state()).isEqualTo("2");
        Files.delete(file);
        assertThat(loaded(ConsentSettingsFile.read(file))).isEqualTo(ConsentSettings.defaults());
    }

    @Test
    void settingsCannotBeChangedThroughTheScopeList() {
        List<String> scopes = new ArrayList<>(List.of("openid"));
        ConsentSettings settings = new ConsentSettings(OTHER_CLIENT, scopes, "https://example.com/", "1");
        scopes.add("email");
        assertThat(settings.scopes()).containsExactly("openid");
        assertThatThrownBy(() -> settings.scopes().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void settingsRefuseScopesWithBlanksOrBrokenUnicode() {
        assertThatThrownBy(() -> new ConsentSettings(OTHER_CLIENT, List.of("a b"), "https://example.com/", "1"))
                .hasMessageContaining("contains a blank");
        assertThatThrownBy(() -> new ConsentSettings(OTHER_CLIENT, List.of("a\uD800"), "https://example.com/", "1"))
                .hasMessageContaining("broken Unicode");
    }
}
