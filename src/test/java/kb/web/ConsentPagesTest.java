package kb.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import kb.TestServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/** The consent form page, its embed in the article and its JSON API, end to end. */
class ConsentPagesTest {
    static final String SEED_URL_FOR_CONTOSO = "https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0/adminconsent"
            + "?client_id=450987b3-a09a-4f14-9b2c-4f301d1e15f5&scope=https://graph.microsoft.com/User.Read"
            + "+https://graph.microsoft.com/Calendars.Read+https://graph.microsoft.com/Mail.Send"
            + "+https://graph.microsoft.com/calendars.readwrite+https://graph.microsoft.com/mail.readwrite"
            + "+https://graph.microsoft.com/offline_access+https://graph.microsoft.com/openid"
            + "+https://graph.microsoft.com/email+https://graph.microsoft.com/profile"
            + "&redirect_uri=https://app.hubspot.com/oauthor/v1/office365/verify&state=12345";

    static final TestServer server = TestServer.shared();



    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void theEmptyPageShowsALabelledGetFormThatWorksWithoutJavaScript() {
        HttpResponse<String> r = server.get("/pt/admin-consent");
        assertThat(r.statusCode()).isEqualTo(200);
        Document doc = Jsoup.parse(r.body());
        Element form = doc.selectFirst("main form[data-consent-form]");
        assertThat(form.attr("method")).isEqualTo("get");
        assertThat(form.attr("action")).isEqualTo("/pt/admin-consent");
        Element input = form.selectFirst("input[name=tenant]");
        assertThat(doc.select("label[for=" + input.id() + "]").text()).isEqualTo("ID do locatário ou domínio");
        assertThat(form.select("a.consent-url, .consent-error")).isEmpty();
        assertThat(doc.select("h1").text()).isEqualTo("URL de consentimento do administrador");
    }

    @Test
    void aValidTenantRendersTheSeedUrlAsALinkThatOpensSafelyInANewTab() {
        HttpResponse<String> r = server.get("/en/admin-consent?tenant=" + q("  Contoso.onmicrosoft.com "));
        assertThat(r.statusCode()).isEqualTo(200);
        Document doc = Jsoup.parse(r.body());
        Element link = doc.selectFirst("a.consent-url");
        assertThat(link.attr("href")).isEqualTo(SEED_URL_FOR_CONTOSO);
        assertThat(link.text()).isEqualTo(SEED_URL_FOR_CONTOSO);
        assertThat(link.attr("target")).isEqualTo("_blank");
        assertThat(link.attr("rel")).isEqualTo("noopener noreferrer");
        assertThat(doc.selectFirst("input[name=tenant]").val()).isEqualTo("contoso.onmicrosoft.com");
        assertThat(doc.select("main").text()).contains("can be ignored").contains("Enterprise applications");
    }

    @Test
    void aGuidInBracesComesOutLowerCase() {
        Document doc = server.page("/pt/admin-consent?tenant=" + q("{6A1B2C3D-0000-4000-8000-ABCDEFABCDEF}"));
        assertThat(doc.selectFirst("a.consent-url").attr("href"))
                .startsWith("https://login.microsoftonline.com/6a1b2c3d-0000-4000-8000-abcdefabcdef/v2.0/adminconsent?");
    }

    @Test
    void personalAccountTenantsAreRefusedWithTheirOwnExplanationAnd400() {
        HttpResponse<String> r = server.get("/pt/admin-consent?tenant=common");
        assertThat(r.statusCode()).isEqualTo(400);
        Document doc = Jsoup.parse(r.body());
        assertThat(doc.select("a.consent-url")).isEmpty();
        assertThat(doc.select(".consent-error[role=alert]").text()).contains("contas pessoais");
        assertThat(doc.selectFirst("input[name=tenant]").attr("aria-invalid")).isEqualTo("true");
    }

    static java.util.stream.Stream<String> hostileTenants() {
        return java.util.stream.Stream.of("contoso", "<script>alert(1)</script>", "x.com/../evil", "x.com?a=1#f",
                "\u0000", "..", "a".repeat(5000), "\uD800", "ｃｏｍｍｏｎ\u202E");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("hostileTenants")
    void anythingElseIsRefusedWithWhereToFindTheTenantIdAndNeverReflectedRaw(String input) {
        HttpResponse<String> r = server.get("/en/admin-consent?tenant=" + q(input));
        assertThat(r.statusCode()).isEqualTo(400);
        Document doc = Jsoup.parse(r.body());
        assertThat(doc.select("a.consent-url")).isEmpty();
        assertThat(doc.select(".consent-error").text()).contains("Entra ID > Overview > Properties > Tenant ID");
        assertThat(r.body()).doesNotContain("<script>alert(1)</script>");
    }

    @Test
    void theArticleSectionHoldsTheSameFormInItsLanguage() {
        for (String[] c : new String[][] {{SiteTest.PT, "/pt/admin-consent", "pt"}, {SiteTest.EN, "/en/admin-consent", "en"}}) {
            Document doc = server.page(c[0]);
            Element form = doc.selectFirst("form[data-consent-form]");
            assertThat(form).as(c[0]).isNotNull();
            assertThat(form.attr("action")).isEqualTo(c[1]);
            assertThat(form.attr("data-lang")).isEqualTo(c[2]);
            // The form sits inside the tenant-admin-consent section: after that heading, before the next one.
            Element heading = doc.getElementById("tenant-admin-consent");
            Element next = heading.nextElementSibling();
            boolean found = false;
            while (next != null && !next.tagName().matches("h[1-6]")) {
                found |= next.is("form[data-consent-form]");
                next = next.nextElementSibling();
            }
            assertThat(found).as("form inside #tenant-admin-consent in " + c[0]).isTrue();
            assertThat(doc.select("pre code").text()).contains("{TENANT_ID}/v2.0/adminconsent");
        }
    }

    @Test
    void apiAnswersTheUrlOrACodedRefusalInTheRequestedLanguage() {
        HttpResponse<String> ok = server.get("/api/admin-consent?lang=en&tenant=" + q("contoso.onmicrosoft.com"));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(ok.body()).isEqualTo("{\"tenant\":\"contoso.onmicrosoft.com\",\"url\":\"" + SEED_URL_FOR_CONTOSO + "\"}");

        HttpResponse<String> pt = server.get("/api/admin-consent?lang=pt&tenant=consumers");
        assertThat(pt.statusCode()).isEqualTo(400);
        assertThat(pt.body()).startsWith("{\"error\":\"tenant_personal_accounts\",\"message\":\"").contains("contas pessoais");

        HttpResponse<String> en = server.get("/api/admin-consent?lang=en&tenant=nope");
        assertThat(en.statusCode()).isEqualTo(400);
        assertThat(en.body()).contains("\"error\":\"tenant_invalid\"").contains("Tenant ID");

        assertThat(server.get("/api/admin-consent?lang=en").body()).contains("\"error\":\"tenant_missing\"");
        HttpResponse<String> badLang = server.get("/api/admin-consent?lang=fr&tenant=contoso.com");
        assertThat(badLang.statusCode()).isEqualTo(400);
        assertThat(badLang.body()).contains("\"error\":\"lang_invalid\"");
    }

    @Test
    void apiEscapesWhatItEchoesNothingFromTheInputReachesTheJson() {
        HttpResponse<String> r = server.get("/api/admin-consent?lang=en&tenant=" + q("\"}<script>"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).doesNotContain("<script>");
    }
}
