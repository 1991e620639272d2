package kb.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import kb.Browser;
import kb.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A reader on a phone and on a desktop, keyboard only or by touch, light and dark: issue #14, items 3, 4 and 8. */
class ReaderBrowserTest {
    static final TestServer server = TestServer.shared();
    static final ChromeDriver browser = Browser.shared();
    private static ChromeDriver phone;

    private static synchronized ChromeDriver phone() {
        if (phone == null) {
            phone = Browser.phone();
        }
        return phone;
    }

    @AfterAll
    static void stop() {
        if (phone != null) {
            phone.quit();
        }
    }

    private static void media(ChromeDriver driver, String type, Map<String, String> features) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", type, "features",
                features.entrySet().stream().map(e -> Map.of("name", e.getKey(), "value", e.getValue())).toList()));
    }

    private static boolean inViewport(ChromeDriver driver, WebElement element) {
        return (Boolean) driver.executeScript("var r = arguments[0].getBoundingClientRect();"
                + "return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight"
                + " && document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) !== null"
                + " && arguments[0].contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));", element);
    }

    @Test
    void onAPhoneTheArticleTextStartsOnTheFirstScreenAndTheContentsOpenOnATap() {
        ChromeDriver p = phone();
        p.get(server.base() + SiteTest.PT);
        WebElement firstParagraph = p.findElement(By.cssSelector(".article-body > p"));
        assertThat(inViewport(p, firstParagraph) || (Boolean) p.executeScript(
                "return arguments[0].getBoundingClientRect().top < innerHeight - 40", firstParagraph)).isTrue();
        WebElement toc = p.findElement(By.cssSelector("nav.toc details"));
        assertThat(toc.getAttribute("open")).isNull();
        p.findElement(By.cssSelector("nav.toc summary")).click();
        assertThat(p.findElement(By.cssSelector("nav.toc a[href='#tenant-admin-consent']")).isDisplayed()).isTrue();
    }

    @Test
    void onAWideScreenTheContentsAreOpen() {
        browser.get(server.base() + SiteTest.EN);
        assertThat(browser.findElement(By.cssSelector("nav.toc a[href='#interaction-required']")).isDisplayed()).isTrue();
    }

    /** 7,500 px down a deep link, search and the language switch are one tap away. */
    @Test
    void onAPhoneSearchAndTheLanguageSwitchAreReachableFromDeepInAnArticle() {
        ChromeDriver p = phone();
        p.get(server.base() + SiteTest.EN);
        // At the top there is nothing to go back to, and nothing covers the first screen's text.
        assertThat(p.findElement(By.cssSelector("a.to-top")).isDisplayed()).isFalse();
        p.get(server.base() + SiteTest.EN + "#google-advanced-protection");
        WebElement toTop = p.findElement(By.cssSelector("a.to-top"));
        new WebDriverWait(p, Duration.ofSeconds(5)).until(d -> inViewport(p, toTop));
        toTop.click();
        new WebDriverWait(p, Duration.ofSeconds(5)).until(d -> inViewport(p, p.findElement(By.id("site-search"))));
        assertThat(inViewport(p, p.findElement(By.cssSelector(".lang-switch a")))).isTrue();
    }

    private static String style(ChromeDriver driver, WebElement element, String property) {
        return (String) driver.executeScript("return getComputedStyle(arguments[0])[arguments[1]]", element, property);
    }

    /** Marked as long as it is the target, reduced motion or not, also when an old generated id was followed. */
    @Test
    void landingOnASectionMarksItLastinglyAndInTheContents() throws InterruptedException {
        for (String motion : List.of("no-preference", "reduce")) {
            media(browser, "", Map.of("prefers-reduced-motion", motion));
            browser.get("about:blank");
            browser.get(server.base() + SiteTest.PT + "#interaction-required");
            Thread.sleep(1800); // longer than any flash
            WebElement heading = browser.findElement(By.id("interaction-required"));
            assertThat(style(browser, heading, "backgroundColor")).as(motion).isNotEqualTo("rgba(0, 0, 0, 0)");
            assertThat(style(browser, heading, "borderLeftWidth")).as(motion).isNotEqualTo("0px");
            assertThat(browser.findElement(By.cssSelector("nav.toc a[href='#interaction-required']"))
                    .getAttribute("aria-current")).isEqualTo("location");
        }
        media(browser, "", Map.of());
        // The id the heading's text gave it before the author pinned #interaction-required.
        String alias = (String) browser.executeScript("return document.querySelector('#interaction-required .anchor-alias').id");
        browser.get("about:blank");
        browser.get(server.base() + SiteTest.PT + "#" + alias);
        WebElement heading = browser.findElement(By.id("interaction-required"));
        assertThat(style(browser, heading, "backgroundColor")).isNotEqualTo("rgba(0, 0, 0, 0)");
        assertThat(browser.findElement(By.cssSelector("nav.toc a[href='#interaction-required']"))
                .getAttribute("aria-current")).isEqualTo("location");
        assertThat(browser.findElements(By.cssSelector("nav.toc a[aria-current]"))).hasSize(1);
    }

    /** Every heading's copy button sits on the line of the heading's last word. */
    private static void copyButtonsShareTheHeadingsLastLine(ChromeDriver driver) {
        @SuppressWarnings("unchecked")
        List<String> alone = (List<String>) driver.executeScript(
                "var out = [];"
                + "document.querySelectorAll('.article-body .section-heading').forEach(function (h) {"
                + "  var tools = h.querySelector('.heading-tools'), button = h.querySelector('.copy-link');"
                + "  var r = document.createRange(); r.setStart(h, 0); r.setEndBefore(tools);"
                + "  var rects = r.getClientRects(), last = rects[rects.length - 1], b = button.getBoundingClientRect();"
                + "  if (!(b.top < last.bottom && b.bottom > last.top)) out.push(h.id);"
                + "}); return out;");
        assertThat(alone).as("headings whose copy button wrapped onto a line of its own").isEmpty();
    }

    @Test
    void onATouchScreenCopyLinkIsVisibleAndNeverOnALineOfItsOwn() {
        ChromeDriver p = phone();
        p.get(server.base() + SiteTest.PT);
        assertThat(p.executeScript("return matchMedia('(hover: none)').matches")).isEqualTo(true);
        for (WebElement button : p.findElements(By.cssSelector(".article-body .copy-link"))) {
            assertThat(button.isDisplayed()).isTrue();
            assertThat(style(p, button.findElement(By.xpath("..")), "opacity")).isEqualTo("1");
        }
        copyButtonsShareTheHeadingsLastLine(p);
        browser.get(server.base() + SiteTest.PT);
        copyButtonsShareTheHeadingsLastLine(browser);
    }

    @Test
    void copyingASectionLinkIsAnnounced() {
        browser.executeCdpCommand("Browser.grantPermissions", Map.of("origin", server.base(),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        browser.get(server.base() + SiteTest.EN);
        WebElement button = browser.findElement(By.cssSelector("#interaction-required .copy-link"));
        new Actions(browser).moveToElement(browser.findElement(By.id("interaction-required"))).perform();
        button.click();
        WebElement status = browser.findElement(By.cssSelector("[data-copy-status]"));
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> "Link copied".equals(status.getAttribute("textContent")));
        assertThat(status.getAttribute("role")).isEqualTo("status");
        Object clipboard = browser.executeAsyncScript(
                "var done = arguments[0]; navigator.clipboard.readText().then(done, function (e) { done('ERR ' + e); });");
        assertThat(clipboard).isEqualTo(server.base() + SiteTest.EN + "#interaction-required");
    }

    /** Shift+Tab back to a link just above the screen must not leave it under the sticky header. */
    @Test
    void shiftTabNeverHidesTheFocusedLinkUnderTheStickyHeader() {
        browser.get(server.base() + SiteTest.EN);
        List<WebElement> links = browser.findElements(By.cssSelector(".article-body p a[href^='http']"));
        WebElement previous = links.get(2);
        WebElement next = links.get(3);
        double header = ((Number) browser.executeScript(
                "return document.querySelector('.site-header').getBoundingClientRect().bottom")).doubleValue();
        // The previous link 10 px below the top of the window: behind the header, yet "on screen".
        browser.executeScript("window.scrollBy(0, arguments[0].getBoundingClientRect().top - 10);"
                + "arguments[1].focus({preventScroll: true});", previous, next);
        assertThat(browser.switchTo().activeElement()).isEqualTo(next);
        new Actions(browser).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        // Focus walks back through the heading tools and links between them until it reaches the previous link.
        for (int i = 0; i < 5 && !browser.switchTo().activeElement().equals(previous); i++) {
            new Actions(browser).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        }
        assertThat(browser.switchTo().activeElement()).isEqualTo(previous);
        double top = ((Number) browser.executeScript("return arguments[0].getBoundingClientRect().top", previous)).doubleValue();
        assertThat(top).isGreaterThanOrEqualTo(header);
    }

    private static final String CONTRAST = "function lum(c) { var m = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map(function (v) {"
            + "  v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });"
            + "  return 0.2126 * m[0] + 0.7152 * m[1] + 0.0722 * m[2]; }"
            + "function bg(e) { for (; e; e = e.parentElement) { var c = getComputedStyle(e).backgroundColor;"
            + "  if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') return c; } return 'rgb(255, 255, 255)'; }"
            + "function ratio(a, b) { var x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); }";

    /** Control borders at least 3:1 against the control and what is around it; highlighted text at 4.5:1. */
    @Test
    void inputBordersAndHighlightsHaveEnoughContrastInLightAndDark() {
        for (String scheme : List.of("light", "dark")) {
            media(browser, "", Map.of("prefers-color-scheme", scheme));
            for (String path : List.of("/en/admin-consent", SiteTest.PT)) {
                browser.get(server.base() + path);
                @SuppressWarnings("unchecked")
                List<Number> borders = (List<Number>) browser.executeScript(CONTRAST
                        + "return Array.from(document.querySelectorAll('input.search-input, input.consent-input')).map(function (i) {"
                        + "  var b = getComputedStyle(i).borderTopColor;"
                        + "  return Math.min(ratio(b, bg(i)), ratio(b, bg(i.parentElement)));"
                        + "});");
                assertThat(borders).as(scheme + " " + path).isNotEmpty().allMatch(r -> r.doubleValue() >= 3.0);
            }
            browser.get(server.base() + "/pt/search?q=permiss%C3%B5es");
            @SuppressWarnings("unchecked")
            List<Number> marks = (List<Number>) browser.executeScript(CONTRAST
                    + "return Array.from(document.querySelectorAll('mark')).map(function (m) {"
                    + "  return ratio(getComputedStyle(m).color, bg(m)); });");
            assertThat(marks).as(scheme + " marks").isNotEmpty().allMatch(r -> r.doubleValue() >= 4.5);
        }
        media(browser, "", Map.of());
    }

    @Test
    void onAPhoneTheSearchPlaceholderFits() {
        ChromeDriver p = phone();
        for (String path : List.of("/pt/", "/en/")) {
            p.get(server.base() + path);
            Number spare = (Number) p.executeScript("var i = document.getElementById('site-search'), s = getComputedStyle(i);"
                    + "var c = document.createElement('canvas').getContext('2d'); c.font = s.font;"
                    + "var room = i.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);"
                    + "return room - c.measureText(i.placeholder).width;");
            assertThat(spare.doubleValue()).as(path).isGreaterThanOrEqualTo(0);
        }
    }
}
