package kb.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ConsentMessagesTest {

    private static final String EXAMPLE_GUID = "00000000-0000-0000-0000-000000000000";

    // Loaded the way the site loads them: ResourceBundle reads properties as UTF-8 since Java 9.
    private final ResourceBundle pt = ResourceBundle.getBundle("i18n.messages", Locale.forLanguageTag("pt"));
    private final ResourceBundle en = ResourceBundle.getBundle("i18n.messages", Locale.forLanguageTag("en"));

    private static Set<String> consentKeys(ResourceBundle bundle) {
        Set<String> keys = new TreeSet<>();
        for (String key : Collections.list(bundle.getKeys())) {
            if (key.startsWith("consent.")) {
                keys.add(key);
            }
        }
        return keys;
    }

    @Test
    void bothLanguagesHaveTheSameConsentKeys() {
        assertThat(consentKeys(pt)).isNotEmpty().isEqualTo(consentKeys(en));
    }

    @Test
    void everyRefusalHasAMessageInBothLanguages() {
        for (TenantRefusal refusal : TenantRefusal.values()) {
            assertThat(pt.getString(refusal.messageKey())).isNotBlank();
            assertThat(en.getString(refusal.messageKey())).isNotBlank();
        }
    }

    @Test
    void theHintShowsWhatATenantIdLooksLikeAndWhereToFindIt() {
        assertThat(en.getString("consent.form.hint")).contains(EXAMPLE_GUID, "contoso.onmicrosoft.com",
                "Microsoft Entra admin center: Entra ID > Overview > Properties > Tenant ID");
        assertThat(pt.getString("consent.form.hint")).contains(EXAMPLE_GUID, "contoso.onmicrosoft.com",
                "Centro de administração do Microsoft Entra: Entra ID > Visão geral > Propriedades > ID do locatário");
    }

    /** A refusal is shown under the hint: a short sentence that does not say the hint again. */
    @Test
    void refusalsAreShortAndDoNotRepeatTheHint() {
        for (ResourceBundle bundle : new ResourceBundle[] {pt, en}) {
            for (TenantRefusal refusal : TenantRefusal.values()) {
                String message = bundle.getString(refusal.messageKey());
                assertThat(message.split("\\s+").length).as(message).isLessThanOrEqualTo(20);
                assertThat(message).as(message).doesNotContain(EXAMPLE_GUID, "Entra ID >", "contoso.onmicrosoft.com");
            }
        }
    }

    @Test
    void thePersonalAccountsMessageNamesBothAliasesAndTheReason() {
        assertThat(en.getString(TenantRefusal.PERSONAL_ACCOUNTS.messageKey()))
                .contains("common", "consumers", "personal Microsoft accounts cannot grant admin consent");
        assertThat(pt.getString(TenantRefusal.PERSONAL_ACCOUNTS.messageKey()))
                .contains("common", "consumers", "contas pessoais da Microsoft não podem conceder consentimento");
    }

    @Test
    void noConsentMessageHasAnAsciiApostropheThatMessageFormatWouldSwallow() {
        for (ResourceBundle bundle : new ResourceBundle[] {pt, en}) {
            for (String key : consentKeys(bundle)) {
                assertThat(bundle.getString(key)).as(key).doesNotContain("'", "{");
            }
        }
    }
}
