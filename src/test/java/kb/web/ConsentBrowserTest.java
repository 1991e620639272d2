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
        WebElement link = waiting().until(d -> d.findElement(By.cssSelector("main a.consent-url")));
        String expected = "https://login.microsoftonline.com/6a1b2c3d-0000-4000-8000-abcdefabcdef/v2.0/adminconsent?client_id=";
        assertThat(link.getAttribute("href")).startsWith(expected);
        assertThat(browser.getCurrentUrl()).endsWith("/en/admin-consent");

        WebElement copy = browser.findElement(By.cssSelector("main button.consent-copy"));
        copy.click();
        waiting().until(d -> copy.getText().equals("Copied"));
        Object clipboard = browser.executeAsyncScript(
                "var done = arguments[0]; navigator.clipboard.readText().then(done, function (e) { done('ERR ' + e); });");
        assertThat(clipboard).asString().startsWith(expected);
        assertThat(browser.findElements(By.cssSelector("main button.consent-open"))).hasSize(1);
    }

    @Test
    void typingCommonShowsTheRefusalInAnAlertAndNoUrl() {
        browser.get(server.base() + "/pt/admin-consent");
        browser.findElement(By.cssSelector("main input[name=tenant]")).sendKeys("common");
        WebElement error = waiting().until(d -> d.findElement(By.cssSelector("main .consent-error[role=alert]")));
        assertThat(error.getText()).contains("contas pessoais");
        assertThat(browser.findElements(By.cssSelector("main a.consent-url"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("main [data-consent-result]")).getAttribute("aria-live")).isEqualTo("polite");
    }

    @Test
    void theFormInsideTheArticleWorksTheSameWay() {
        browser.get(server.base() + SiteTest.PT + "#tenant-admin-consent");
        WebElement input = browser.findElement(By.cssSelector(".article-body input[name=tenant]"));
        input.sendKeys("contoso.com.br");
        WebElement link = waiting().until(d -> d.findElement(By.cssSelector(".article-body a.consent-url")));
        assertThat(link.getAttribute("href")).startsWith("https://login.microsoftonline.com/contoso.com.br/v2.0/adminconsent?");
    }

    @Test
    void withoutJavaScriptSubmittingTheFormRendersTheResultOnTheServer() {
        ChromeDriver noJs = Browser.open(800, 900, true);
        try {
            noJs.get(server.base() + "/en/admin-consent");
            WebElement input = noJs.findElement(By.cssSelector("main input[name=tenant]"));
            input.sendKeys("contoso.onmicrosoft.com");
            input.submit();
            new WebDriverWait(noJs, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("tenant="));
            assertThat(noJs.findElement(By.cssSelector("main a.consent-url")).getAttribute("href"))
                    .isEqualTo(ConsentPagesTest.SEED_URL_FOR_CONTOSO);
        } finally {
            noJs.quit();
        }
    }
}
