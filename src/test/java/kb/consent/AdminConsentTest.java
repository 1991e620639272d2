package kb.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AdminConsentTest {

    private final AtomicReference<ConsentSettings> settings = new AtomicReference<>(ConsentSettings.defaults());
    private final AdminConsent consent = new AdminConsent(settings::get);

    @Test
    void aValidTenantGetsItsNormalizedIdAndTheSeedUrl() {
        ConsentAnswer answer = consent.answer(" {9FA6928C-1437-4D8C-9A2B-4F301D1E15F5} ");
        String tenant = "9fa6928c-1437-4d8c-9a2b-4f301d1e15f5";
        assertThat(answer).isEqualTo(new ConsentAnswer.Link(new Tenant(tenant),
                ConsentUrlBuilderTest.SEED_TEMPLATE.replace("{TENANT_ID}", tenant)));
    }

    @Test
    void refusalsComeBackWithCodeAndMessageKeyAndNoUrl() {
        assertThat(consent.answer(null)).isEqualTo(TenantRefusal.MISSING);
        assertThat(consent.answer("  ")).isEqualTo(TenantRefusal.MISSING);
        assertThat(consent.answer("Consumers")).isEqualTo(TenantRefusal.PERSONAL_ACCOUNTS);
        assertThat(consent.answer("x.com?y=1")).isEqualTo(TenantRefusal.INVALID);
        TenantRefusal refusal = (TenantRefusal) consent.answer("common");
        assertThat(refusal.code()).isEqualTo("tenant_personal_accounts");
        assertThat(refusal.messageKey()).isEqualTo("consent.error.personal_accounts");
    }

    @Test
    void reloadedSettingsApplyToTheNextAnswer() {
        settings.set(new ConsentSettings("11111111-2222-3333-4444-555555555555", List.of("openid"),
                "https://example.com/cb", "9"));
        ConsentAnswer.Link link = (ConsentAnswer.Link) consent.answer("contoso.com");
        assertThat(link.url()).isEqualTo("https://login.microsoftonline.com/contoso.com/v2.0/adminconsent"
                + "?client_id=11111111-2222-3333-4444-555555555555&scope=openid"
                + "&redirect_uri=https://example.com/cb&state=9");
    }
}
