package kb.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConsentUrlBuilderTest {

    /** The template line of the seed article (seed/000_9fa6928c1437d8c9.txt), copied verbatim. */
    static final String SEED_TEMPLATE = "https://login.microsoftonline.com/{TENANT_ID}/v2.0/adminconsent?client_id=450987b3-a09a-4f14-9b2c-4f301d1e15f5&scope=https://graph.microsoft.com/User.Read+https://graph.microsoft.com/Calendars.Read+https://graph.microsoft.com/Mail.Send+https://graph.microsoft.com/calendars.readwrite+https://graph.microsoft.com/mail.readwrite+https://graph.microsoft.com/offline_access+https://graph.microsoft.com/openid+https://graph.microsoft.com/email+https://graph.microsoft.com/profile&redirect_uri=https://app.hubspot.com/oauthor/v1/office365/verify&state=12345";

    private static String build(String tenant) {
        return ConsentUrlBuilder.build(new Tenant(tenant), ConsentSettings.defaults());
    }

    @ParameterizedTest
    @ValueSource(strings = {"9fa6928c-1437-4d8c-9a2b-4f301d1e15f5", "contoso.onmicrosoft.com", "contoso.com.br",
            "xn--exemplo-ao-n5a1c.com.br", "organizations"})
    void withDefaultSettingsTheUrlIsTheSeedTemplateByteForByte(String tenant) {
        assertThat(build(tenant)).isEqualTo(SEED_TEMPLATE.replace("{TENANT_ID}", tenant));
    }

    @Test
    void withDefaultSettingsTheUrlHasTheSeedTemplatesParametersOneByOne() {
        String url = build("contoso.onmicrosoft.com");
        assertThat(QueryParams.of(url)).containsExactlyElementsOf(QueryParams.of(SEED_TEMPLATE));
        assertThat(QueryParams.of(url)).containsExactly(
                entry("client_id", "450987b3-a09a-4f14-9b2c-4f301d1e15f5"),
                entry("scope", String.join(" ", ConsentSettings.defaults().scopes())),
                entry("redirect_uri", "https://app.hubspot.com/oauthor/v1/office365/verify"),
                entry("state", "12345"));
    }

    @Test
    void theTenantIsTheOnlyVariablePartOfThePath() {
        URI uri = URI.create(build("contoso.com.br"));
        assertThat(uri.getScheme()).isEqualTo("https");
        assertThat(uri.getHost()).isEqualTo("login.microsoftonline.com");
        assertThat(uri.getRawPath()).isEqualTo("/contoso.com.br/v2.0/adminconsent");
        assertThat(uri.getRawFragment()).isNull();
    }

    @Test
    void configuredValuesSurviveTheRoundTripThroughTheQuery() {
        ConsentSettings settings = new ConsentSettings(
                "11111111-2222-3333-4444-555555555555",
                List.of("https://graph.microsoft.com/Mail.Read", "a+b&c=d#e%f", "ação"),
                "https://example.com/cb?x=1&y=2",
                "state with spaces & symbols ?#/+%😀");
        String url = ConsentUrlBuilder.build(new Tenant("contoso.com"), settings);
        assertThat(url).doesNotContain(" ", "#");
        assertThat(QueryParams.of(url)).containsExactly(
                entry("client_id", settings.clientId()),
                entry("scope", String.join(" ", settings.scopes())),
                entry("redirect_uri", settings.redirectUri()),
                entry("state", settings.state()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            azAZ09-._~:/ | azAZ09-._~:/
            a b          | a%20b
            +&=?#%       | %2B%26%3D%3F%23%25
            ação         | a%C3%A7%C3%A3o
            😀           | %F0%9F%98%80
            <"'>         | %3C%22%27%3E
            """)
    void encodesEverythingButUnreservedColonAndSlashAsUtf8(String raw, String encoded) {
        assertThat(ConsentUrlBuilder.encode(raw)).isEqualTo(encoded);
    }
}
