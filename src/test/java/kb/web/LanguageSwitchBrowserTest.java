package kb.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import kb.Browser;
import kb.TestServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A support link sent in one language keeps its section when the reader switches language, in real Chromium. */
class LanguageSwitchBrowserTest {
    static final TestServer server = TestServer.shared();
    static final ChromeDriver browser = Browser.shared();



    private double topOf(String id) {
        return ((Number) browser.executeScript(
                "return document.getElementById(arguments[0]).getBoundingClientRect().top", id)).doubleValue();
    }

    /** The section's heading is at the top of what the reader sees, not hidden under the sticky header. */
    private void assertAtTopOfView(String id) {
        double headerBottom = ((Number) browser.executeScript(
                "return Math.max(0, document.querySelector('.site-header').getBoundingClientRect().bottom)")).doubleValue();
        assertThat(topOf(id)).as("#" + id + " below the header").isBetween(headerBottom - 1, headerBottom + 100);
    }

    @Test
    void switchingLanguageFromASectionLinkLandsOnTheSameSection() {
        browser.get(server.base() + SiteTest.PT + "#interaction-required");
        assertAtTopOfView("interaction-required");

        browser.findElement(By.cssSelector(".lang-switch a")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().contains(SiteTest.EN));

        assertThat(browser.getCurrentUrl()).isEqualTo(server.base() + SiteTest.EN + "#interaction-required");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertAtTopOfView("interaction-required");
    }

    @Test
    void theSwitchFollowsTheSectionTheReaderScrolledTo() {
        browser.get(server.base() + SiteTest.EN);
        browser.executeScript("document.getElementById('google-advanced-protection').scrollIntoView()");
        browser.findElement(By.cssSelector(".lang-switch a")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains(SiteTest.PT));
        assertThat(browser.getCurrentUrl()).endsWith("#google-advanced-protection");
    }

    @Test
    void copyLinkButtonsAppearWithJavaScriptAndTheKeyboardReachesThem() {
        browser.get(server.base() + SiteTest.EN);
        WebElement copy = browser.findElement(By.cssSelector("#interaction-required button.copy-link"));
        assertThat(copy.getAttribute("hidden")).isNull();
        browser.executeScript("arguments[0].focus()", browser.findElement(By.cssSelector("#interaction-required a.permalink")));
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getAttribute("data-copy-anchor")).isEqualTo("interaction-required");
        assertThat(copy.getCssValue("opacity")).isEqualTo("1");
    }

    @Test
    void slashFocusesTheSearchBox() {
        browser.get(server.base() + SiteTest.EN);
        browser.findElement(By.tagName("body")).sendKeys("/");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("site-search");
    }
}
