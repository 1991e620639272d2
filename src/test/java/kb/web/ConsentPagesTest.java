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
        assertThat(form.select(".consent-result .consent-answer, .consent-error")).isEmpty();
        assertThat(doc.select("h1").text()).isEqualTo("URL de consentimento do administrador");
    }

    @Test
    void aValidTenantRendersTheSeedUrlAsALinkThatOpensSafelyInANewTab() {
        HttpResponse<String> r = server.get("/en/admin-consent?tenant=" + q("  Contoso.onmicrosoft.com "));
        assertThat(r.statusCode()).isEqualTo(200);
        Document doc = Jsoup.parse(r.body());
        Element answer = doc.selectFirst(".consent-result .consent-answer");
        assertThat(answer.selectFirst("code.consent-url").text()).isEqualTo(SEED_URL_FOR_CONTOSO);
        Element open = answer.selectFirst("a.consent-open");
        assertThat(open.attr("href")).isEqualTo(SEED_URL_FOR_CONTOSO);
        assertThat(open.attr("target")).isEqualTo("_blank");
        assertThat(open.attr("rel")).isEqualTo("noopener noreferrer");
        // Copy needs the script: rendered hidden, the script shows it.
        assertThat(answer.selectFirst("button.consent-copy").hasAttr("hidden")).isTrue();
        assertThat(answer.text()).contains("signed in as an administrator");
        assertThat(doc.selectFirst("input[name=tenant]").val()).isEqualTo("contoso.onmicrosoft.com");
        assertThat(doc.select("main").text()).contains("can be ignored").contains("Enterprise applications");
    }

    @Test
    void aGuidInBracesComesOutLowerCase() {
        Document doc = server.page("/pt/admin-consent?tenant=" + q("{6A1B2C3D-0000-4000-8000-ABCDEFABCDEF}"));
        assertThat(doc.selectFirst("a.consent-open").attr("href"))
                .startsWith("https://login.microsoftonline.com/6a1b2c3d-0000-4000-8000-abcdefabcdef/v2.0/adminconsent?");
    }

    @Test
    void personalAccountTenantsAreRefusedWithTheirOwnExplanationAnd400() {
        HttpResponse<String> r = server.get("/pt/admin-consent?tenant=common");
        assertThat(r.statusCode()).isEqualTo(400);
        Document doc = Jsoup.parse(r.body());
        assertThat(doc.select(".consent-result .consent-answer")).isEmpty();
        Element error = doc.selectFirst(".consent-result .consent-error");
        assertThat(error.text()).contains("contas pessoais");
        Element input = doc.selectFirst("input[name=tenant]");
        assertThat(input.attr("aria-invalid")).isEqualTo("true");
        // Described by the refusal and the hint, nothing else; the field has the focus to say so.
        assertThat(input.attr("aria-describedby")).isEqualTo(error.id() + " consent-page-hint");
        assertThat(input.hasAttr("autofocus")).isTrue();
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
        assertThat(doc.select(".consent-result .consent-answer")).isEmpty();
        Element error = doc.selectFirst(".consent-result .consent-error");
        assertThat(error.text()).isNotBlank().doesNotContain("Entra ID");
        // What a tenant ID looks like and where to find it is the hint's, which describes the field with the refusal.
        String describedBy = doc.selectFirst("input[name=tenant]").attr("aria-describedby");
        assertThat(describedBy.split(" ")).containsExactly(error.id(), "consent-page-hint");
        assertThat(doc.getElementById("consent-page-hint").text())
                .contains("00000000-0000-0000-0000-000000000000", "Entra ID > Overview > Properties > Tenant ID");
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
    void aPastedConsentUrlIsAnsweredForItsTenant() {
        HttpResponse<String> r = server.get("/en/admin-consent?tenant=" + q(SEED_URL_FOR_CONTOSO));
        assertThat(r.statusCode()).isEqualTo(200);
        Document doc = Jsoup.parse(r.body());
        assertThat(doc.selectFirst("input[name=tenant]").val()).isEqualTo("contoso.onmicrosoft.com");
        assertThat(doc.selectFirst("a.consent-open").attr("href")).isEqualTo(SEED_URL_FOR_CONTOSO);
        assertThat(Integer.parseInt(doc.selectFirst("input[name=tenant]").attr("maxlength")))
                .isGreaterThan(SEED_URL_FOR_CONTOSO.length() * 2);
    }

    @Test
    void theExampleGuidIsRefusedWithItsOwnWords() {
        HttpResponse<String> r = server.get("/en/admin-consent?tenant=00000000-0000-0000-0000-000000000000");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(r.body()).select(".consent-error").text()).contains("example");
        assertThat(server.get("/api/admin-consent?lang=pt&tenant=00000000-0000-0000-0000-000000000000").body())
                .contains("\"error\":\"tenant_example_guid\"");
    }

    /** The answer the script clones is the one the server renders: one layout with and without JavaScript. */
    @Test
    void theScriptsAnswerTemplateIsTheServersAnswer() {
        Document doc = server.page("/pt/admin-consent?tenant=contoso.com");
        Element rendered = doc.selectFirst(".consent-result .consent-answer");
        Element template = Jsoup.parseBodyFragment(doc.selectFirst("template[data-consent-answer]").html()).body().child(0);
        assertThat(shape(template)).isEqualTo(shape(rendered));
        assertThat(template.selectFirst("code.consent-url").text()).isEmpty();
        // The field is described by the hint only, never by the answer (a screen reader would read the URL).
        assertThat(doc.selectFirst("input[name=tenant]").attr("aria-describedby")).isEqualTo("consent-page-hint");
        assertThat(doc.select("[aria-live], [role=status]")).extracting(Element::text).containsOnly("");
    }

    private static java.util.List<String> shape(Element answer) {
        return answer.select("*").stream()
                .filter(e -> !e.tagName().equals("wbr"))
                .map(e -> e.tagName() + "." + e.className() + (e.hasAttr("hidden") ? "[hidden]" : "")
                        + (e.children().isEmpty() && !e.is("code") ? ":" + e.text() : ""))
                .toList();
    }

    @Test
    void theUrlWrapsOnlyAfterItsSeparators() {
        java.util.List<String> parts = ConsentPages.wrapPoints(SEED_URL_FOR_CONTOSO);
        assertThat(String.join("", parts)).isEqualTo(SEED_URL_FOR_CONTOSO);
        assertThat(parts).startsWith("https://", "login.microsoftonline.com/");
        assertThat(parts).contains("contoso.onmicrosoft.com/", "adminconsent?", "client_id=", "state=", "12345");
        for (String part : parts.subList(0, parts.size() - 1)) {
            assertThat("/&=?+").contains(part.substring(part.length() - 1));
        }
        Document doc = server.page("/en/admin-consent?tenant=contoso.onmicrosoft.com");
        assertThat(doc.select("code.consent-url wbr")).hasSize(parts.size());
    }

    @Test
    void portugueseSaysAUrlNeverOUrl() {
        java.util.regex.Pattern masculine = java.util.regex.Pattern.compile(
                "\\b(o|um|do|no|ao|pelo|este|esse|deste|desse)\\s+URL\\b|Abra-o\\b", java.util.regex.Pattern.CASE_INSENSITIVE);
        for (String path : new String[] {"/pt/admin-consent", "/pt/admin-consent?tenant=contoso.com", SiteTest.PT}) {
            Document doc = server.page(path);
            String text = doc.select("main").text() + " " + doc.select("[data-label-copy-failed]").attr("data-label-copy-failed")
                    + " " + doc.select("template").html();
            assertThat(masculine.matcher(text).find()).as(path + ": " + text).isFalse();
            assertThat(text).contains("URL");
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
