package kb.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import kb.Browser;
import kb.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** An admin types a tenant into the real page in Chromium: the URL appears, a refusal is announced, Copy copies. */
class ConsentBrowserTest {
    static final TestServer server = TestServer.shared();
    static final ChromeDriver browser = Browser.shared();

    @BeforeAll
    static void start() {
        browser.executeCdpCommand("Browser.grantPermissions", Map.of(
                "origin", server.base(), "permissions", java.util.List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    }


    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    @Test
    void typingAGuidShowsItsUrlAndCopyPutsItOnTheClipboard() {
        browser.get(server.base() + "/en/admin-consent");
        WebElement input = browser.findElement(By.cssSelector("main input[name=tenant]"));
        input.sendKeys("{6A1B2C3D-0000-4000-8000-ABCDEFABCDEF}");
        WebElement open = waiting().until(d -> d.findElement(By.cssSelector("main a.consent-open")));
        String expected = "https://login.microsoftonline.com/6a1b2c3d-0000-4000-8000-abcdefabcdef/v2.0/adminconsent?client_id=";
        assertThat(open.getAttribute("href")).startsWith(expected);
        assertThat(browser.getCurrentUrl()).endsWith("/en/admin-consent");
        copyPutsTheUrlOnTheClipboard(expected);
    }

    private void copyPutsTheUrlOnTheClipboard(String expected) {
        WebElement copy = browser.findElement(By.cssSelector("main button.consent-copy"));
        assertThat(copy.isDisplayed()).isTrue();
        copy.click();
        waiting().until(d -> copy.getText().equals("Copied"));
        Object clipboard = browser.executeAsyncScript(
                "var done = arguments[0]; navigator.clipboard.readText().then(done, function (e) { done('ERR ' + e); });");
        assertThat(clipboard).asString().startsWith(expected);
        assertThat(browser.findElement(By.cssSelector("main [data-consent-status]")).getAttribute("textContent")).isEqualTo("Copied");
    }

    /** A ?tenant= link sent by a colleague: Copy works at once, without editing the field. */
    @Test
    void theServersAnswerHasAWorkingCopyButton() {
        browser.get(server.base() + "/en/admin-consent?tenant=contoso.onmicrosoft.com");
        copyPutsTheUrlOnTheClipboard(ConsentPagesTest.SEED_URL_FOR_CONTOSO);
    }

    /** Records what the status region says and how often the answer is redrawn, from now on. */
    private static final String LISTEN = "var form = arguments[0]; window.__said = []; window.__redraws = 0; window.__errors = 0;"
            + "var status = form.querySelector('[data-consent-status]');"
            + "new MutationObserver(function () { if (status.textContent) window.__said.push(status.textContent); })"
            + "  .observe(status, {childList: true, characterData: true, subtree: true});"
            + "var result = form.querySelector('[data-consent-result]');"
            + "new MutationObserver(function () { window.__redraws++; if (result.querySelector('.consent-error')) window.__errors++; })"
            + "  .observe(result, {childList: true});";

    private static void typeSlowly(WebElement input, String text, long millisPerKey) throws InterruptedException {
        for (char c : text.toCharArray()) {
            input.sendKeys(String.valueOf(c));
            Thread.sleep(millisPerKey);
        }
    }

    /** Three keys a second, the speed of an admin copying a tenant from another screen. */
    @Test
    void typingAtThreeKeysASecondAnswersAndSpeaksOnceAndNeverReadsTheUrl() throws InterruptedException {
        browser.get(server.base() + "/en/admin-consent");
        WebElement form = browser.findElement(By.cssSelector("main form[data-consent-form]"));
        browser.executeScript(LISTEN, form);
        WebElement input = form.findElement(By.cssSelector("input[name=tenant]"));
        input.click();
        typeSlowly(input, "contoso.com.br", 330);
        // While the admin types there is nothing to say: "contoso" and "contoso.c" were never answered.
        assertThat(browser.executeScript("return window.__redraws")).isEqualTo(0L);
        waiting().until(d -> !d.findElements(By.cssSelector("main .consent-answer")).isEmpty());
        Thread.sleep(1000);
        assertThat(browser.executeScript("return window.__redraws")).isEqualTo(1L);
        assertThat(browser.executeScript("return window.__errors")).isEqualTo(0L);
        @SuppressWarnings("unchecked")
        java.util.List<String> said = (java.util.List<String>) browser.executeScript("return window.__said");
        assertThat(said).hasSize(1);
        assertThat(said.get(0)).contains("contoso.com.br").doesNotContain("https://").hasSizeLessThan(80);
        assertThat(input.getAttribute("aria-describedby")).isEqualTo("consent-page-hint");
        assertThat(input.getAttribute("aria-invalid")).isNull();
        // Leaving the field changes nothing and says nothing again.
        browser.findElement(By.cssSelector("main h1")).click();
        Thread.sleep(900);
        assertThat(browser.executeScript("return window.__said.length")).isEqualTo(1L);
    }

    @Test
    void halfAGuidIsAnsweredOnlyAfterAPauseAndMarksTheFieldInvalid() throws InterruptedException {
        browser.get(server.base() + "/pt/admin-consent");
        WebElement form = browser.findElement(By.cssSelector("main form[data-consent-form]"));
        browser.executeScript(LISTEN, form);
        WebElement input = form.findElement(By.cssSelector("input[name=tenant]"));
        input.sendKeys("9fa6928c-1437-4d8c");
        Thread.sleep(400); // a breath between two groups of the GUID: no refusal yet
        assertThat(browser.findElements(By.cssSelector("main .consent-error"))).isEmpty();
        WebElement error = waiting().until(d -> d.findElement(By.cssSelector("main .consent-error")));
        assertThat(error.getText()).isEqualTo("Isso não é um ID de locatário nem um domínio.");
        assertThat(input.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(input.getAttribute("aria-describedby")).isEqualTo(error.getAttribute("id") + " consent-page-hint");

        input.sendKeys("-9a2b-4f301d1e15f5");
        waiting().until(d -> !d.findElements(By.cssSelector("main .consent-answer")).isEmpty());
        assertThat(input.getAttribute("aria-invalid")).isNull();
        assertThat(input.getAttribute("aria-describedby")).isEqualTo("consent-page-hint");
        @SuppressWarnings("unchecked")
        java.util.List<String> said = (java.util.List<String>) browser.executeScript("return window.__said");
        assertThat(said).containsExactly("Isso não é um ID de locatário nem um domínio.",
                "URL de consentimento do administrador pronta para 9fa6928c-1437-4d8c-9a2b-4f301d1e15f5.");
    }

    @Test
    void theExampleGuidIsRefusedForWhatItIs() {
        browser.get(server.base() + "/en/admin-consent");
        WebElement input = browser.findElement(By.cssSelector("main input[name=tenant]"));
        input.sendKeys("00000000-0000-0000-0000-000000000000", org.openqa.selenium.Keys.ENTER);
        WebElement error = waiting().until(d -> d.findElement(By.cssSelector("main .consent-error")));
        assertThat(error.getText()).contains("example");
    }

    @Test
    void pastingAWholeConsentUrlUsesItsTenant() {
        browser.get(server.base() + "/en/admin-consent");
        browser.executeAsyncScript("var done = arguments[1]; navigator.clipboard.writeText(arguments[0]).then(done, done);",
                ConsentPagesTest.SEED_URL_FOR_CONTOSO);
        WebElement input = browser.findElement(By.cssSelector("main input[name=tenant]"));
        input.click();
        input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "v"));
        WebElement open = waiting().until(d -> d.findElement(By.cssSelector("main a.consent-open")));
        assertThat(open.getAttribute("href")).isEqualTo(ConsentPagesTest.SEED_URL_FOR_CONTOSO);
        assertThat(input.getAttribute("value")).isEqualTo("contoso.onmicrosoft.com");
    }

    @Test
    void theFormInsideTheArticleWorksTheSameWay() {
        browser.get(server.base() + SiteTest.PT + "#tenant-admin-consent");
        WebElement input = browser.findElement(By.cssSelector(".article-body input[name=tenant]"));
        input.sendKeys("contoso.com.br");
        WebElement open = waiting().until(d -> d.findElement(By.cssSelector(".article-body a.consent-open")));
        assertThat(open.getAttribute("href")).startsWith("https://login.microsoftonline.com/contoso.com.br/v2.0/adminconsent?");
    }

    /** What a reader sees of the answer: each visible element's text, in order. */
    private static java.util.List<String> visibleAnswer(ChromeDriver driver) {
        @SuppressWarnings("unchecked")
        java.util.List<String> seen = (java.util.List<String>) driver.executeScript(
                "var out = []; document.querySelectorAll('main .consent-result .consent-answer > *, main .consent-result .consent-answer > * > *')"
                + ".forEach(function (e) { if (e.getClientRects().length && !e.children.length || e.tagName === 'CODE')"
                + "  out.push(e.tagName + ': ' + e.textContent.trim()); }); return out;");
        return seen;
    }

    /** With and without JavaScript, typed or linked: the same heading, Open, URL and instructions; Copy where it can work. */
    @Test
    void theAnswerLooksTheSameWithAndWithoutJavaScript() {
        browser.get(server.base() + "/en/admin-consent");
        browser.findElement(By.cssSelector("main input[name=tenant]")).sendKeys("contoso.onmicrosoft.com");
        waiting().until(d -> !d.findElements(By.cssSelector("main .consent-answer")).isEmpty());
        java.util.List<String> typed = visibleAnswer(browser);
        assertThat(typed).contains("BUTTON: Copy", "A: Open", "CODE: " + ConsentPagesTest.SEED_URL_FOR_CONTOSO)
                .anyMatch(line -> line.contains("signed in as an administrator"));

        browser.get(server.base() + "/en/admin-consent?tenant=contoso.onmicrosoft.com");
        assertThat(visibleAnswer(browser)).isEqualTo(typed);

        ChromeDriver noJs = Browser.open(800, 900, true);
        try {
            noJs.get(server.base() + "/en/admin-consent");
            WebElement input = noJs.findElement(By.cssSelector("main input[name=tenant]"));
            input.sendKeys("contoso.onmicrosoft.com");
            input.submit();
            new WebDriverWait(noJs, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("tenant="));
            java.util.List<String> withoutCopy = new java.util.ArrayList<>(typed);
            withoutCopy.remove("BUTTON: Copy");
            assertThat(visibleAnswer(noJs)).isEqualTo(withoutCopy);
        } finally {
            noJs.quit();
        }
    }

    /**
     * On a phone the answer appears below the field, under the keyboard: it is scrolled into view,
     * and the URL breaks only after its separators (a GUID may break at its own hyphens), never
     * inside a name.
     */
    @Test
    void onAPhoneTheAnswerComesIntoViewAndTheUrlWrapsBetweenItsParts() {
        ChromeDriver phone = Browser.phone();
        try {
            for (String motion : java.util.List.of("no-preference", "reduce")) {
                phone.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                        java.util.List.of(Map.of("name", "prefers-reduced-motion", "value", motion))));
                phone.get("about:blank");
                phone.get(server.base() + SiteTest.PT + "#tenant-admin-consent");
                // Waited for, as the answer below is: the phone's first page load on a busy machine can lag its get().
                WebElement input = new WebDriverWait(phone, Duration.ofSeconds(10)).until(
                        d -> d.findElement(By.cssSelector(".article-body input[name=tenant]")));
                phone.executeScript("arguments[0].scrollIntoView({block: 'end'}); arguments[0].focus({preventScroll: true});", input);
                assertThat(phone.executeScript("return innerWidth + 'x' + innerHeight")).isEqualTo("375x740");
                input.sendKeys("contoso.onmicrosoft.com");
                WebElement copy = new WebDriverWait(phone, Duration.ofSeconds(10)).until(
                        d -> d.findElement(By.cssSelector(".article-body .consent-answer .consent-copy")));
                // Scrolled to the nearest edge, the box may end a fraction of a pixel past it (740.25 in 740).
                new WebDriverWait(phone, Duration.ofSeconds(5)).withMessage("Copy in view with motion " + motion).until(d -> (Boolean) phone.executeScript(
                        "var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight + 1;", copy));
            }
            @SuppressWarnings("unchecked")
            java.util.List<String> lineEnds = (java.util.List<String>) phone.executeScript(LINE_ENDS,
                    phone.findElement(By.cssSelector(".article-body [data-consent-url]")));
            assertThat(lineEnds).hasSizeGreaterThan(5);
            assertThat(lineEnds).allMatch(end -> "/&=?+-".contains(end.substring(end.length() - 1)), "ends after a separator");
        } finally {
            phone.quit();
        }
    }

    /** The last two characters of every line but the last, from the characters' boxes. */
    private static final String LINE_ENDS = "var code = arguments[0], ends = [], prev = null, prevTop = null;"
            + "var walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);"
            + "for (var n = walker.nextNode(); n; n = walker.nextNode()) {"
            + "  for (var i = 0; i < n.length; i++) {"
            + "    var r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1);"
            + "    var top = Math.round(r.getBoundingClientRect().top);"
            + "    if (prevTop !== null && top > prevTop + 2) ends.push(prev);"
            + "    prevTop = top; prev = (prev || '').slice(-1) + n.data[i];"
            + "  }"
            + "}"
            + "return ends;";

    @Test
    void withoutJavaScriptSubmittingTheFormRendersTheResultOnTheServer() {
        ChromeDriver noJs = Browser.open(800, 900, true);
        try {
            noJs.get(server.base() + "/en/admin-consent");
            WebElement input = noJs.findElement(By.cssSelector("main input[name=tenant]"));
            input.sendKeys("contoso.onmicrosoft.com");
            input.submit();
            new WebDriverWait(noJs, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("tenant="));
            assertThat(noJs.findElement(By.cssSelector("main a.consent-open")).getAttribute("href"))
                    .isEqualTo(ConsentPagesTest.SEED_URL_FOR_CONTOSO);
            assertThat(noJs.findElement(By.cssSelector("main code.consent-url")).getText())
                    .isEqualTo(ConsentPagesTest.SEED_URL_FOR_CONTOSO);
        } finally {
            noJs.quit();
        }
    }
}
