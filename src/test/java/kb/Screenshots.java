package kb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Not a test: the screenshots {@code scripts/screenshots.sh} takes, through the same server and
 * Chromium as the browser tests. Its name is outside surefire's patterns, so {@code mvn verify}
 * never runs it; {@code -Dtest=Screenshots -Dkb.screenshots=DIR} does.
 */
class Screenshots {
    private static final String ARTICLE = "/pt/erros-de-conexao-caixa-de-entrada-calendario";
    private static final List<String[]> PAGES = List.of(
            new String[] {"home", "/en/"},
            new String[] {"article", ARTICLE},
            new String[] {"article-consent", ARTICLE + "#tenant-admin-consent"},
            new String[] {"article-deep", "/en/inbox-calendar-connection-errors#google-advanced-protection"},
            new String[] {"consent-url", "/en/admin-consent?tenant=contoso.onmicrosoft.com"},
            new String[] {"consent-refusal", "/pt/admin-consent?tenant=contoso"},
            new String[] {"search", "/en/search?q=need+admin+approval"},
            new String[] {"search-question", "/pt/search?q=por+que+minha+caixa+de+entrada+mostra+um+endere%C3%A7o+estranho"},
            new String[] {"search-nothing", "/en/search?q=zzxqjv"},
            new String[] {"feedback", ARTICLE + "#feedback"},
            new String[] {"feedback-no", ARTICLE + "?feedback=no#feedback"},
            new String[] {"feedback-sent", "/en/inbox-calendar-connection-errors?feedback=sent#feedback"},
            new String[] {"privacy", "/en/privacy"},
            new String[] {"insights", "/insights?lang=en"},
            new String[] {"insights-pt", "/insights?lang=pt&content=pt&days=90"});

    /**
     * {@code -Dkb.screenshots.base=http://localhost:7373 -Dkb.screenshots.pages=home=/en/;category=/en/mail}: only
     * those pages of a site already running (a large corpus, say), on a phone and a desktop, light and dark.
     */
    @Test
    void takeFromARunningSite() throws IOException, InterruptedException {
        String base = System.getProperty("kb.screenshots.base");
        if (base == null) {
            return;
        }
        Path out = Path.of(System.getProperty("kb.screenshots", "/tmp/kb-screenshots"));
        Files.createDirectories(out);
        for (String[] size : new String[][] {{"phone", "375", "740"}, {"desktop", "1280", "900"}}) {
            ChromeDriver browser = size[0].equals("phone") ? Browser.phone()
                    : Browser.open(Integer.parseInt(size[1]), Integer.parseInt(size[2]));
            try {
                for (String scheme : List.of("light", "dark")) {
                    media(browser, "", scheme);
                    for (String page : System.getProperty("kb.screenshots.pages", "home=/en/").split(";")) {
                        String[] named = page.split("=", 2);
                        browser.get(base + named[1]);
                        Thread.sleep(400);
                        shot(browser, out.resolve(named[0] + "-" + size[0] + "-" + scheme + ".png"));
                    }
                }
            } finally {
                browser.quit();
            }
        }
    }

    @Test
    void take() throws IOException, InterruptedException {
        if (System.getProperty("kb.screenshots.base") != null) {
            return;
        }
        Path out = Path.of(System.getProperty("kb.screenshots", "/tmp/kb-screenshots"));
        Files.createDirectories(out);
        TestServer server = TestServer.shared();
        kb.insights.Seed.answersAndSearches(server);
        // -Dkb.screenshots.only=feedback,insights takes only the pages whose names start so.
        List<String> only = List.of(System.getProperty("kb.screenshots.only", "").split(",")).stream()
                .filter(x -> !x.isBlank()).toList();
        for (String[] size : new String[][] {{"phone", "375", "740"}, {"desktop", "1280", "900"}}) {
            ChromeDriver browser = size[0].equals("phone") ? Browser.phone()
                    : Browser.open(Integer.parseInt(size[1]), Integer.parseInt(size[2]));
            try {
                for (String scheme : List.of("light", "dark")) {
                    media(browser, "", scheme);
                    authorize(browser);
                    for (String[] page : PAGES) {
                        if (!only.isEmpty() && only.stream().noneMatch(page[0]::startsWith)) {
                            continue;
                        }
                        browser.get(server.base() + page[1]);
                        Thread.sleep(400);
                        Path file = out.resolve(page[0] + "-" + size[0] + "-" + scheme + ".png");
                        if (page[0].startsWith("insights") || page[0].startsWith("privacy")) {
                            wholePage(browser, file);
                        } else {
                            shot(browser, file);
                        }
                    }
                    if (!only.isEmpty()) {
                        continue;
                    }
                    // The answer the script shows after the admin pauses, in the article on a phone.
                    browser.get(server.base() + ARTICLE + "#tenant-admin-consent");
                    browser.findElement(By.cssSelector(".article-body input[name=tenant]")).sendKeys("contoso.onmicrosoft.com");
                    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(
                            By.cssSelector(".article-body .consent-answer")).isEmpty());
                    Thread.sleep(800);
                    shot(browser, out.resolve("consent-typed-" + size[0] + "-" + scheme + ".png"));
                }
                if (size[0].equals("desktop") && only.isEmpty()) {
                    for (String scheme : List.of("light", "dark")) {
                        for (String[] page : List.of(new String[] {"article", ARTICLE},
                                new String[] {"consent-url", "/pt/admin-consent?tenant=contoso.onmicrosoft.com"})) {
                            media(browser, "print", scheme);
                            browser.get(server.base() + page[1]);
                            Map<String, Object> pdf = browser.executeCdpCommand("Page.printToPDF",
                                    Map.of("printBackground", true, "preferCSSPageSize", true));
                            Files.write(out.resolve("print-" + page[0] + "-" + scheme + ".pdf"),
                                    Base64.getDecoder().decode((String) pdf.get("data")));
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                browser.quit();
            }
        }
    }

    /** The insights page's credentials on every request this browser sends to the test server. */
    private static void authorize(ChromeDriver browser) {
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(("admin:" + TestServer.INSIGHTS_PASSWORD).getBytes(StandardCharsets.UTF_8)))));
    }

    private static void media(ChromeDriver browser, String type, String scheme) {
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", type,
                "features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /** The whole page, not only the viewport: for pages read top to bottom, such as /insights. */
    private static void wholePage(ChromeDriver browser, Path file) throws IOException {
        Number width = (Number) browser.executeScript("return document.documentElement.clientWidth");
        Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight");
        Map<String, Object> png = browser.executeCdpCommand("Page.captureScreenshot", Map.of("captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Files.write(file, Base64.getDecoder().decode((String) png.get("data")));
    }

    private static void shot(ChromeDriver browser, Path file) throws IOException {
        Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
    }
}
