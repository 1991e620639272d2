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

    /** Types into the header's box and waits for the list to show this query's options. */
    private List<WebElement> suggest(String page, String typed) {
        browser.get(server.base() + page);
        WebElement box = browser.findElement(By.id("site-search"));
        box.clear();
        box.sendKeys(typed);
        return waiting().until(d -> {
            WebElement l = d.findElement(By.id("site-search-listbox"));
            List<WebElement> options = l.findElements(By.cssSelector("[role=option]"));
            return l.isDisplayed() && !options.isEmpty() ? options : null;
        });
    }

    private static List<String> marks(WebElement option) {
        return option.findElements(By.cssSelector(".instant-title mark")).stream().map(WebElement::getText).toList();
    }

    @Test
    void theWordBeingTypedIsMarkedAsAPrefixWithOrWithoutAccents() {
        List<WebElement> options = suggest("/pt/", "interação necess");
        assertThat(options.get(0).findElement(By.className("instant-title")).getText()).contains("Interação necessária");
        assertThat(marks(options.get(0))).contains("Interação", "necess");

        assertThat(marks(suggest("/pt/", "interacao necessaria").get(0))).contains("Interação", "necessária");
        List<WebElement> permissions = suggest("/pt/", "permissoes");
        assertThat(permissions.get(0).getText()).startsWith("Resolver erros");
        assertThat(marks(permissions.get(0))).containsExactly("Permissões");
        // A word that only contains what was typed, not starting with it, is not marked.
        assertThat(marks(suggest("/pt/", "issoes").stream().findFirst().orElseThrow())).isEmpty();
    }

    @Test
    void markupInAHitIsShownAsTextNeverParsed() {
        browser.get(server.base() + "/en/");
        browser.executeScript("window.fetch = function () { return Promise.resolve({ ok: true, json: function () { return {"
                + "total: 1, results: [{ title: '<img src=x onerror=window.hacked=1>', section: null, url: '/en/x',"
                + " snippet: '&lt;b&gt;bold&lt;/b&gt; <mark>img</mark>', lang: 'en' }] }; } }); };");
        browser.findElement(By.id("site-search")).sendKeys("img");
        WebElement option = waiting().until(d -> d.findElements(By.cssSelector("#site-search-listbox [role=option]")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
        assertThat(option.findElement(By.className("instant-title")).getText()).isEqualTo("<img src=x onerror=window.hacked=1>");
        assertThat(option.findElement(By.className("instant-snippet")).getText()).isEqualTo("<b>bold</b> img");
        assertThat(option.findElements(By.cssSelector("img, b"))).isEmpty();
        assertThat(browser.executeScript("return window.hacked === undefined")).isEqualTo(true);
    }

    private String status() {
        return (String) browser.executeScript("return document.querySelector('#site-search ~ [role=status]').textContent");
    }

    @Test
    void theListCountsWithTheRightPluralAndNeverOffersZeroResults() {
        List<WebElement> one = suggest("/pt/", "guid");
        assertThat(one).hasSize(2);
        assertThat(one.get(1).getText()).isEqualTo("Ver todos os resultados (1)");
        assertThat(status()).isEqualTo("1 resultado");

        List<WebElement> many = suggest("/en/", "tenant");
        assertThat(status()).matches("[2-9] results|\\d\\d+ results");
        assertThat(many.get(many.size() - 1).getText()).matches("See all results \\(\\d+\\)");

        List<WebElement> none = suggest("/en/", "xyzzyqwv");
        assertThat(none).hasSize(1);
        assertThat(none.get(0).getText()).isEqualTo("No exact result: see suggestions and articles").doesNotContain("(0)");
        assertThat(status()).isEqualTo("No results");
        WebElement box = browser.findElement(By.id("site-search"));
        box.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        waiting().until(d -> d.getCurrentUrl().contains("/en/search?q=xyzzyqwv"));
        assertThat(browser.findElement(By.cssSelector(".no-exact-lead")).getText()).contains("no exact answer");
    }

    @Test
    void backFromAnArticleShowsTheResultsPagesQueryInTheBox() {
        browser.get(server.base() + "/pt/search?q=conexoes");
        WebElement box = browser.findElement(By.id("site-search"));
        assertThat(box.getAttribute("value")).isEqualTo("conexoes");
        // The reader starts another search, then opens a result of this one instead.
        box.sendKeys(" permissoes");
        waiting().until(d -> "true".equals(box.getAttribute("aria-expanded")));
        box.sendKeys(Keys.ESCAPE);
        // One more key leaves a search waiting when the page is left; the list it opens may cover the
        // result, so the result is followed the way a tap on it would, whatever lies on top.
        box.sendKeys("x");
        browser.executeScript("arguments[0].click()", browser.findElement(By.cssSelector(".result-section-link, .result-group h2 a")));
        waiting().until(d -> !d.getCurrentUrl().contains("/search"));
        browser.navigate().back();
        waiting().until(d -> d.getCurrentUrl().contains("/pt/search?q=conexoes"));
        WebElement again = browser.findElement(By.id("site-search"));
        assertThat(again.getAttribute("value")).isEqualTo("conexoes");
        // Nor does the search typed before leaving open the list after coming back.
        browser.executeAsyncScript("setTimeout(arguments[0], 600)");
        assertThat(again.getAttribute("aria-expanded")).isEqualTo("false");
    }
}
