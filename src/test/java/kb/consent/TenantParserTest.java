package kb.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TenantParserTest {

    private static final String GUID = "9fa6928c-1437-4d8c-9a2b-4f301d1e15f5";

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, textBlock = """
            9fa6928c-1437-4d8c-9a2b-4f301d1e15f5|9fa6928c-1437-4d8c-9a2b-4f301d1e15f5
            9FA6928C-1437-4D8C-9A2B-4F301D1E15F5|9fa6928c-1437-4d8c-9a2b-4f301d1e15f5
            9Fa6928c-1437-4d8C-9a2B-4f301D1e15f5|9fa6928c-1437-4d8c-9a2b-4f301d1e15f5
              9fa6928c-1437-4d8c-9a2b-4f301d1e15f5  |9fa6928c-1437-4d8c-9a2b-4f301d1e15f5
            {9FA6928C-1437-4D8C-9A2B-4F301D1E15F5}|9fa6928c-1437-4d8c-9a2b-4f301d1e15f5
             { 9fa6928c-1437-4d8c-9a2b-4f301d1e15f5 } |9fa6928c-1437-4d8c-9a2b-4f301d1e15f5
            contoso.com|contoso.com
            contoso.com.br|contoso.com.br
            contoso.onmicrosoft.com|contoso.onmicrosoft.com
            Contoso.OnMicrosoft.COM|contoso.onmicrosoft.com
            sub-domain.contoso.onmicrosoft.com|sub-domain.contoso.onmicrosoft.com
            a1.b2.c3|a1.b2.c3
            exemplo-ação.com.br|xn--exemplo-ao-n5a1c.com.br
            EXEMPLO-AÇÃO.COM.BR|xn--exemplo-ao-n5a1c.com.br
            xn--exemplo-ao-n5a1c.com.br|xn--exemplo-ao-n5a1c.com.br
            XN--EXEMPLO-AO-N5A1C.com.br|xn--exemplo-ao-n5a1c.com.br
            münchen.de|xn--mnchen-3ya.de
            organizations|organizations
            ORGANIZATIONS|organizations
              Organizations |organizations
            """)
    void acceptsEveryValidFormAndNormalizesIt(String input, String expected) {
        assertThat(TenantParser.parse(input)).isEqualTo(new Tenant(expected));
    }

    @Test
    void acceptsBlanksCopiedFromPortalsAroundATenant() {
        assertThat(TenantParser.parse("\u00A0\t" + GUID + "\u200B\r\n")).isEqualTo(new Tenant(GUID));
    }

    @Test
    void acceptsDecomposedAccentsAsIfComposed() {
        assertThat(TenantParser.parse("exemplo-ac\u0327a\u0303o.com.br"))
                .isEqualTo(new Tenant("xn--exemplo-ao-n5a1c.com.br"));
    }

    @Test
    void acceptsFullWidthDotsAndLettersAsIdnaDoes() {
        assertThat(TenantParser.parse("ｃｏｎｔｏｓｏ．ｃｏｍ")).isEqualTo(new Tenant("contoso.com"));
        assertThat(TenantParser.parse("contoso\u3002com")).isEqualTo(new Tenant("contoso.com"));
    }

    @Test
    void acceptsTheLongestLegalDomain() {
        String label = "a".repeat(63);
        String domain = label + "." + label + "." + label + "." + "b".repeat(61); // 253 characters
        assertThat(domain).hasSize(253);
        assertThat(TenantParser.parse(domain)).isEqualTo(new Tenant(domain));
    }

    /** Admins paste the whole link from an e-mail or another guide; its tenant is what they meant. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0/adminconsent?client_id=450987b3-a09a-4f14-9b2c-4f301d1e15f5&scope=https://graph.microsoft.com/User.Read+https://graph.microsoft.com/Mail.Send&redirect_uri=https://app.hubspot.com/oauthor/v1/office365/verify&state=12345|contoso.onmicrosoft.com
            https://login.microsoftonline.com/9FA6928C-1437-4D8C-9A2B-4F301D1E15F5/adminconsent?client_id=450987b3-a09a-4f14-9b2c-4f301d1e15f5|9fa6928c-1437-4d8c-9a2b-4f301d1e15f5
            https://login.microsoftonline.com/contoso.com.br/oauth2/v2.0/authorize?client_id=x&response_type=code|contoso.com.br
            https://login.microsoftonline.com/contoso.com.br/oauth2/authorize|contoso.com.br
            HTTPS://LOGIN.MICROSOFTONLINE.COM/Contoso.com/v2.0/adminconsent|contoso.com
            login.microsoftonline.com/contoso.com/v2.0/adminconsent?state=1|contoso.com
            https://login.microsoftonline.com/organizations/v2.0/adminconsent?client_id=x|organizations
            https://login.microsoftonline.com/contoso.com/|contoso.com
            https://login.windows.net/contoso.com/oauth2/token|contoso.com
            """)
    void takesTheTenantOutOfAPastedSignInUrl(String url, String expected) {
        assertThat(TenantParser.parse("  " + url + "\n")).isEqualTo(new Tenant(expected));
    }

    @Test
    void aPastedUrlLongerThanATenantIsStillRead() {
        String url = ConsentUrlBuilder.build(new Tenant("contoso.com"), ConsentSettings.defaults());
        assertThat(url.length()).isGreaterThan(500);
        assertThat(TenantParser.parse(url)).isEqualTo(new Tenant("contoso.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://login.microsoftonline.com/{TENANT_ID}/v2.0/adminconsent?client_id=x",
            "https://login.microsoftonline.com//v2.0/adminconsent", "https://login.microsoftonline.com/",
            "https://login.microsoftonline.com/contoso.com/elsewhere", "https://evil.example/contoso.com/v2.0/adminconsent",
            "https://login.microsoftonline.com.evil.example/contoso.com/adminconsent",
            "https://login.microsoftonline.com/contoso.com%2F..%2Fx/adminconsent",
            "https://login.microsoftonline.com/login.microsoftonline.com/adminconsent",
            "https://login.microsoftonline.com/x.com?y=1/adminconsent", "ftp://login.microsoftonline.com/contoso.com/adminconsent"})
    void refusesSignInUrlsWithoutAUsableTenant(String url) {
        assertThat(TenantParser.parse(url)).isEqualTo(TenantRefusal.INVALID);
    }

    @Test
    void aPastedUrlForPersonalAccountsIsRefusedForThatReason() {
        assertThat(TenantParser.parse("https://login.microsoftonline.com/common/v2.0/adminconsent?client_id=x"))
                .isEqualTo(TenantRefusal.PERSONAL_ACCOUNTS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"00000000-0000-0000-0000-000000000000", "{00000000-0000-0000-0000-000000000000}",
            " 00000000-0000-0000-0000-000000000000 ",
            "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0/adminconsent"})
    void refusesTheExampleGuidWithItsOwnReason(String input) {
        assertThat(TenantParser.parse(input)).isEqualTo(TenantRefusal.EXAMPLE_GUID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   ", "\t\n", "\u00A0", "\u200B"})
    void refusesBlankInputAsMissing(String input) {
        assertThat(TenantParser.parse(input)).isEqualTo(TenantRefusal.MISSING);
    }

    @Test
    void refusesNullAsMissing() {
        assertThat(TenantParser.parse(null)).isEqualTo(TenantRefusal.MISSING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"common", "Common", "COMMON", " common ", "consumers", "Consumers", "CONSUMERS",
            "9188040d-6c67-4c5b-b112-36a304b66dad", "{9188040D-6C67-4C5B-B112-36A304B66DAD}"})
    void refusesPersonalAccountTenantsWithTheirOwnReason(String input) {
        assertThat(TenantParser.parse(input)).isEqualTo(TenantRefusal.PERSONAL_ACCOUNTS);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "contoso", "-contoso.com", "contoso-.com", "contoso.-com", "contoso.com-", "a..b", ".contoso.com",
            "contoso.com.", "contoso..com", "contoso.com/../x", "../contoso.com", "x.com?y=1", "x.com#f",
            "x.com%2F", "x.com%2f", "x.com/", "x.com\\y", "x.com&state=1", "x.com;y", "x com.br", "user@x.com",
            "x.com:443", "https://x.com", "<script>alert(1)</script>", "<script>", "\"x.com\"", "'x.com'",
            "contoso_corp.com", "1.2.3.4", "contoso.123", "xn--zz.com", "xn--.com", "xn--abc-.com",
            "9fa6928c-1437-4d8c-9a2b-4f301d1e15f5x", "9fa6928c-1437-4d8c-9a2b-4f301d1e15f", "guid-with-extra-chars",
            "9fa6928c14374d8c9a2b4f301d1e15f5", "{9fa6928c-1437-4d8c-9a2b-4f301d1e15f5", "{}", "{ }",
            "{contoso.com}", "{organizations}", "organisations", "organizations.", "commons", "consumer",
            "contoso.com\u0000", "\u0000", "contoso\u0000.com", "contoso.com\u202E", "con\u200Dtoso.com",
            "\uD800.com", "contoso.\uDC00", "contoso.com\uD83D", "😀.com", "contoso.com\r\nX-Evil: 1",
            "*.contoso.com", "contoso.*", "%00", "..", ".", "-", "{", "}"})
    void refusesEverythingElseAsInvalid(String input) {
        assertThat(TenantParser.parse(input)).isEqualTo(TenantRefusal.INVALID);
    }

    @Test
    void refusesLabelsLongerThan63Characters() {
        assertThat(TenantParser.parse("a".repeat(64) + ".com")).isEqualTo(TenantRefusal.INVALID);
        assertThat(TenantParser.parse("a".repeat(63) + ".com")).isEqualTo(new Tenant("a".repeat(63) + ".com"));
    }

    @Test
    void refusesDomainsLongerThan253Characters() {
        String label = "a".repeat(63);
        String domain = label + "." + label + "." + label + "." + "b".repeat(62);
        assertThat(domain).hasSize(254);
        assertThat(TenantParser.parse(domain)).isEqualTo(TenantRefusal.INVALID);
    }

    @Test
    void refusesHugeInputWithoutLookingAtIt() {
        assertThat(TenantParser.parse("a".repeat(100 * 1024) + ".com")).isEqualTo(TenantRefusal.INVALID);
        assertThat(TenantParser.parse(" ".repeat(100 * 1024) + GUID)).isEqualTo(TenantRefusal.INVALID);
        assertThat(TenantParser.parse("x".repeat(TenantParser.MAX_INPUT_LENGTH + 1))).isEqualTo(TenantRefusal.INVALID);
    }

    @Test
    void refusesBinaryInput() {
        StringBuilder binary = new StringBuilder();
        for (char c = 0; c < 256; c++) {
            binary.append(c);
        }
        assertThat(TenantParser.parse(binary.toString())).isEqualTo(TenantRefusal.INVALID);
    }

    @Test
    void refusalsCarryStableCodesAndConsentMessageKeys() {
        assertThat(TenantRefusal.MISSING.code()).isEqualTo("tenant_missing");
        assertThat(TenantRefusal.PERSONAL_ACCOUNTS.code()).isEqualTo("tenant_personal_accounts");
        assertThat(TenantRefusal.INVALID.code()).isEqualTo("tenant_invalid");
        assertThat(TenantRefusal.EXAMPLE_GUID.code()).isEqualTo("tenant_example_guid");
        for (TenantRefusal refusal : TenantRefusal.values()) {
            assertThat(refusal.messageKey()).startsWith("consent.error.");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Contoso.com", "{" + GUID + "}", " organizations", "exemplo-ação.com.br", "common",
            "contoso.com/x", "9FA6928C-1437-4D8C-9A2B-4F301D1E15F5",
            "00000000-0000-0000-0000-000000000000"})
    void tenantRefusesToHoldAnythingButANormalizedId(String id) {
        assertThatThrownBy(() -> new Tenant(id)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tenantRefusesNull() {
        assertThatThrownBy(() -> new Tenant(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
