package kb.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kb.Browser;
import kb.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Every kind of page, in both languages and in the light and dark colour schemes, has no axe-core
 * violations in real Chromium, and breaks no rule of the Content-Security-Policy (the JSON-LD blocks
 * included: they are data, which the browser never runs).
 */
class AccessibilityBrowserTest {
    /** Records CSP violations from the first moment of each page, before any page script runs. */
    private static final String LISTEN_FOR_CSP = "window.__cspViolations = [];"
            + "document.addEventListener('securitypolicyviolation', function (e) {"
            + "  window.__cspViolations.push(e.violatedDirective + ' blocked ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber);"
            + "});";

    static final TestServer server = TestServer.shared();
    static final ChromeDriver browser = Browser.shared();

    @BeforeAll
    static void start() {
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", LISTEN_FOR_CSP));
    }


    /**
     * Only violations come back (the passes of every rule are a large answer nobody reads), and axe
     * runs in the page itself (legacy mode) rather than finishing in a second blank window, which
     * only matters for cross-origin frames: the site has none.
     */
    private static AxeBuilder axe() {
        AxeRunOptions options = new AxeRunOptions();
        options.setResultTypes(List.of("violations"));
        return new AxeBuilder().withOptions(options).disableIframeTesting().setLegacyMode(true);
    }

    private static void colourScheme(String scheme) {
        browser.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /** The page is loaded once and checked in each scheme: the media query switches without a reload. */
    @ParameterizedTest
    @FieldSource("kb.PageTypes#URLS")
    void pageHasNoAxeViolationsInLightAndDarkAndNoCspViolations(String path) {
        check(server, path);
    }

    @ParameterizedTest
    @FieldSource("kb.PageTypes#BROWSE_URLS")
    void browsingPageHasNoAxeViolationsInLightAndDarkAndNoCspViolations(String path) {
        check(kb.BrowseContent.server(), path);
    }

    @ParameterizedTest
    @FieldSource("kb.PageTypes#SPANISH_URLS")
    void spanishPageHasNoAxeViolationsInLightAndDarkAndNoCspViolations(String path) {
        check(kb.SpanishContent.server(), path);
    }

    private static void check(TestServer server, String path) {
        colourScheme("light");
        browser.get(server.base() + path);
        assertThat(cspViolations()).as("CSP violations on " + path).isEmpty();
        List<String> violations = new ArrayList<>();
        for (String scheme : List.of("light", "dark")) {
            colourScheme(scheme);
            assertThat(browser.executeScript("return matchMedia('(prefers-color-scheme: dark)').matches"))
                    .isEqualTo(scheme.equals("dark"));
            Results results = axe().analyze(browser);
            assertThat(results.isErrored()).as("axe failed on " + path + ": " + results.getErrorMessage()).isFalse();
            describe(results.getViolations()).forEach(v -> violations.add(scheme + ": " + v));
        }
        assertThat(violations).as("axe-core violations on " + path).isEmpty();
    }

    /** The support team's pages, with the test servers' credentials sent by the browser for the check only. */
    @ParameterizedTest
    @FieldSource("kb.PageTypes#INSIGHTS_URLS")
    void insightsPageHasNoAxeViolationsInLightAndDark(String path) {
        kb.insights.Seed.answersAndSearches(server);
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString(("admin:" + TestServer.INSIGHTS_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
        try {
            pageHasNoAxeViolationsInLightAndDarkAndNoCspViolations(path);
        } finally {
            browser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
        }
    }

    /** So the page checks cannot pass because axe checks nothing. */
    @Test
    void axeReportsAnImageWithoutTextAndLowContrast() {
        colourScheme("dark");
        browser.get(server.base() + "/en/");
        browser.executeScript("var main = document.querySelector('main');"
                + "main.appendChild(document.createElement('img')).src = '/static/none.png';"
                + "var p = main.appendChild(document.createElement('p')); p.textContent = 'faint';"
                + "p.style.color = '#777'; p.style.background = '#888';");
        Results results = axe().analyze(browser);
        assertThat(results.getViolations()).extracting(Rule::getId).contains("image-alt", "color-contrast");
    }

    /** So the CSP check cannot pass because nothing is listening. */
    @Test
    void theCspListenerHearsABlockedInlineScript() {
        browser.get(server.base() + "/en/");
        browser.executeScript("var s = document.createElement('script'); s.textContent = 'window.ran = 1'; document.body.appendChild(s);");
        assertThat(cspViolations()).hasSize(1).first().asString().startsWith("script-src");
        assertThat(browser.executeScript("return window.ran === undefined")).isEqualTo(true);
    }

    @SuppressWarnings("unchecked")
    private static List<String> cspViolations() {
        return (List<String>) browser.executeScript("return window.__cspViolations || ['listener missing']");
    }

    private static List<String> describe(List<Rule> violations) {
        List<String> lines = new ArrayList<>();
        for (Rule rule : violations) {
            for (CheckedNode node : rule.getNodes()) {
                lines.add(rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at " + node.getTarget()
                        + "\n      " + node.getHtml() + "\n      " + String.valueOf(node.getFailureSummary()).replace("\n", " / "));
            }
        }
        return lines;
    }
}
