package kb.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import kb.Browser;
import kb.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.chrome.ChromeDriver;

/** Printing an article or a consent answer from a screen in light or dark mode: light paper, no controls, nothing off the page. */
class PrintBrowserTest {
    static final TestServer server = TestServer.shared();
    static final ChromeDriver browser = Browser.shared();

    private static final String LUMINANCE = "function lum(c) { var m = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map(function (v) {"
            + "  v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });"
            + "  return 0.2126 * m[0] + 0.7152 * m[1] + 0.0722 * m[2]; }"
            + "function bg(e) { for (; e; e = e.parentElement) { var c = getComputedStyle(e).backgroundColor;"
            + "  if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') return c; } return 'rgb(255, 255, 255)'; }";

    private static void print(String scheme) {
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print",
                "features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    @AfterEach
    void screenAgain() {
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "", "features", List.of()));
    }

    /** Boxes (quotes, code, the consent answer) print light with dark text, whatever the screen's scheme. */
    @SuppressWarnings("unchecked")
    private static List<String> darkBoxes() {
        return (List<String>) browser.executeScript(LUMINANCE
                + "var out = [];"
                + "document.querySelectorAll('main blockquote, main pre, main code, main .consent-form, main .consent-url-box, main p, main h2').forEach(function (e) {"
                + "  if (!e.getClientRects().length) return;"
                + "  var b = lum(bg(e)), f = lum(getComputedStyle(e).color);"
                + "  if (b < 0.7 || f > 0.2) out.push(e.tagName + '.' + e.className + ' ' + getComputedStyle(e).color + ' on ' + bg(e));"
                + "}); return out;");
    }

    @SuppressWarnings("unchecked")
    private static List<String> printedControls() {
        return (List<String>) browser.executeScript("return Array.from(document.querySelectorAll('input, button, select, textarea, summary'))"
                + ".filter(function (e) { return e.getClientRects().length > 0; }).map(function (e) { return e.outerHTML.slice(0, 80); });");
    }

    @SuppressWarnings("unchecked")
    private static List<String> overflowing() {
        return (List<String>) browser.executeScript("var main = document.querySelector('main'), out = [];"
                + "main.querySelectorAll('pre, code, p, .consent-url-box').forEach(function (e) {"
                + "  if (e.getClientRects().length && (e.scrollWidth > e.clientWidth + 1"
                + "      || e.getBoundingClientRect().right > main.getBoundingClientRect().right + 1))"
                + "    out.push(e.tagName + '.' + e.className + ': ' + e.textContent.slice(0, 60)); });"
                + "return out;");
    }

    @ParameterizedTest
    @ValueSource(strings = {"light", "dark"})
    void anArticlePrintsLightWithoutControlsAndTheUrlTemplateWraps(String scheme) {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(800, 900)); // about an A4 page's width
        try {
            print(scheme);
            browser.get(server.base() + SiteTest.PT);
            assertThat(browser.executeScript("return matchMedia('print').matches")).isEqualTo(true);
            assertThat(darkBoxes()).isEmpty();
            assertThat(printedControls()).isEmpty();
            assertThat(overflowing()).isEmpty();
            assertThat(browser.executeScript("return document.querySelector('main pre').getClientRects().length > 0")).isEqualTo(true);
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"light", "dark"})
    void aConsentAnswerPrintsItsUrlWithoutTheForm(String scheme) {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(800, 900));
        try {
            print(scheme);
            browser.get(server.base() + "/en/admin-consent?tenant=contoso.onmicrosoft.com");
            assertThat(darkBoxes()).isEmpty();
            assertThat(printedControls()).isEmpty();
            assertThat(overflowing()).isEmpty();
            assertThat(browser.executeScript("return document.querySelector('main code.consent-url').getClientRects().length > 0"))
                    .isEqualTo(true);
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        }
    }
}
