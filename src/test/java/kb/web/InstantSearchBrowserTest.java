package kb.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import kb.Browser;
import kb.TestServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The header's search box as a keyboard user meets it in Chromium: type, arrow, Enter, Escape. */
class InstantSearchBrowserTest {
    static final TestServer server = TestServer.shared();
    static final ChromeDriver browser = Browser.shared();



    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    @Test
    void typingShowsAnAccessibleListAndArrowEnterOpensTheSection() {
        browser.get(server.base() + "/en/");
        WebElement box = browser.findElement(By.id("site-search"));
        assertThat(box.getAttribute("role")).isEqualTo("combobox");
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("false");
        box.sendKeys("interaction required");
        WebElement list = waiting().until(d -> {
            WebElement l = d.findElement(By.id(box.getAttribute("aria-controls")));
            return l.isDisplayed() && !l.findElements(By.cssSelector("[role=option]")).isEmpty() ? l : null;
        });
        assertThat(list.getAttribute("role")).isEqualTo("listbox");
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("true");
        List<WebElement> options = list.findElements(By.cssSelector("[role=option]"));
        assertThat(options.get(0).getText()).contains("Interaction required");

        box.sendKeys(Keys.ARROW_DOWN);
        assertThat(box.getAttribute("aria-activedescendant")).isEqualTo(options.get(0).getAttribute("id"));
        assertThat(options.get(0).getAttribute("aria-selected")).isEqualTo("true");
        box.sendKeys(Keys.ENTER);
        waiting().until(d -> d.getCurrentUrl().endsWith("#interaction-required"));
        assertThat(browser.getCurrentUrl()).isEqualTo(server.base() + SiteTest.EN + "#interaction-required");
    }

    @Test
    void escapeClosesTheListAndEnterWithoutAChoiceOpensTheResultsPage() {
        browser.get(server.base() + "/pt/");
        browser.findElement(By.tagName("body")).sendKeys("/");
        WebElement box = browser.switchTo().activeElement();
        assertThat(box.getAttribute("id")).isEqualTo("site-search");
        box.sendKeys("conexoes");
        waiting().until(d -> "true".equals(box.getAttribute("aria-expanded")));
        box.sendKeys(Keys.ESCAPE);
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("false");
        box.sendKeys(Keys.ENTER);
        waiting().until(d -> d.getCurrentUrl().contains("/pt/search?q=conexoes"));
        assertThat(browser.findElements(By.cssSelector(".result-group"))).isNotEmpty();
    }

    @Test
    void withoutJavaScriptTheBoxSubmitsToTheResultsPage() {
        ChromeDriver noJs = Browser.open(800, 900, true);
        try {
            noJs.get(server.base() + "/en/");
            WebElement box = noJs.findElement(By.id("site-search"));
            assertThat(box.getAttribute("role")).isNull();
            box.sendKeys("gmail advanced protection");
            box.submit();
            new WebDriverWait(noJs, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/en/search?q="));
            assertThat(noJs.findElement(By.cssSelector(".result-section-link")).getAttribute("href"))
                    .endsWith("#google-advanced-protection");
        } finally {
            noJs.quit();
        }
    }
}
