package kb.consent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Drives the real consent.js in Chromium against a stand-in server: the JDK's HttpServer serving a
 * page with the DOM contract and answering /api/admin-consent through {@link AdminConsent}, so the
 * script is tested without the web layer.
 */
class ConsentScriptBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String SLOW_TENANT = "slow.example.com";

    private static HttpServer server;
    private static ExecutorService requests;
    private static WebDriver browser;
    private static final List<String> apiQueries = new CopyOnWriteArrayList<>();
    private static volatile boolean apiDown;

    @BeforeAll
    static void start() throws IOException {
        AdminConsent consent = new AdminConsent(ConsentSettings::defaults);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/page", exchange -> send(exchange, 200, "text/html", resource("/kb/consent/consent-form.html")));
        server.createContext("/static/js/consent.js", exchange ->
                send(exchange, 200, "text/javascript", resource("/static/js/consent.js")));
        server.createContext("/api/admin-consent", exchange -> answer(exchange, consent));
        server.createContext("/pt/admin-consent", exchange ->
                send(exchange, 200, "text/html", "<p id=no-js>server form</p>".getBytes(StandardCharsets.UTF_8)));
        requests = Executors.newCachedThreadPool(); // a slow answer must not hold up the next one
        server.setExecutor(requests);
        server.start();

        browser = kb.Browser.shared();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
            requests.shutdownNow();
        }
    }

    @BeforeEach
    void openPage() {
        apiQueries.clear();
        apiDown = false;
        browser.get("http://127.0.0.1:" + server.getAddress().getPort() + "/page");
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ConsentScriptBrowserTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static void answer(HttpExchange exchange, AdminConsent consent) throws IOException {
        if (apiDown) {
            exchange.close(); // no status line: the browser sees a network error
            return;
        }
        String query = exchange.getRequestURI().getRawQuery();
        apiQueries.add(query);
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        if (SLOW_TENANT.equals(params.get("tenant"))) {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ConsentAnswer answer = consent.answer(params.get("tenant"));
        Map<String, String> body = new LinkedHashMap<>();
        int status;
        if (answer instanceof ConsentAnswer.Link link) {
            status = 200;
            body.put("tenant", link.tenant().id());
            body.put("url", link.url());
        } else {
            TenantRefusal refusal = (TenantRefusal) answer;
            status = 400;
            body.put("error", refusal.code());
            ResourceBundle messages = ResourceBundle.getBundle("i18n.messages", Locale.forLanguageTag(params.get("lang")));
            body.put("message", messages.getString(refusal.messageKey()) + " " + messages.getString("consent.form.hint"));
        }
        send(exchange, status, "application/json", JSON.writeValueAsBytes(body));
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> {
            List<WebElement> found = d.findElements(by);
            return found.isEmpty() ? null : found.get(0);
        });
    }

    private void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(condition);
    }

    @Test
    void typingATenantShowsItsUrlWithCopyAndAnOpenLink() {
        browser.findElement(By.id("t1")).sendKeys(" {9FA6928C-1437-4D8C-9A2B-4F301D1E15F5} ");
        WebElement url = waitFor(By.cssSelector("#t1-result [data-consent-url]"));
        String expected = ConsentUrlBuilderTest.SEED_TEMPLATE.replace("{TENANT_ID}", "9fa6928c-1437-4d8c-9a2b-4f301d1e15f5");
        assertThat(url.getText()).isEqualTo(expected);
        // Cut into pieces after / & = ? + for wrapping; the pieces are the URL, nothing added.
        assertThat(url.findElements(By.tagName("wbr")).size()).isGreaterThan(20);
        WebElement open = browser.findElement(By.cssSelector("#t1-result a.consent-open"));
        assertThat(open.getAttribute("href")).isEqualTo(expected);
        assertThat(open.getAttribute("target")).isEqualTo("_blank");
        assertThat(open.getAttribute("rel")).isEqualTo("noopener noreferrer");
        assertThat(open.getText()).isEqualTo("Abrir");
        assertThat(browser.findElement(By.cssSelector("#t1-result button.consent-copy")).getText()).isEqualTo("Copiar");
        // One request for the whole burst of keystrokes, in the form's language.
        assertThat(apiQueries).hasSize(1);
        assertThat(apiQueries.get(0)).endsWith("&lang=pt");
    }

    @Test
    void aSlowAnswerToAnOlderInputNeverReplacesTheNewerOne() throws InterruptedException {
        WebElement input = browser.findElement(By.id("t1"));
        input.sendKeys(SLOW_TENANT);
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> apiQueries.size() == 1);
        input.sendKeys(".br");
        WebElement link = waitFor(By.cssSelector("#t1-result [data-consent-url]"));
        assertThat(link.getText()).contains("/slow.example.com.br/");
        Thread.sleep(2000); // past the moment the slow answer would have arrived
        assertThat(browser.findElement(By.cssSelector("#t1-result [data-consent-url]")).getText())
                .contains("/slow.example.com.br/");
    }

    @Test
    void copyChangesTheButtonForTwoSecondsAndAnnouncesIt() {
        browser.findElement(By.id("t1")).sendKeys("contoso.com");
        waitFor(By.cssSelector("#t1-result button.consent-copy")).click();
        WebElement button = browser.findElement(By.cssSelector("#t1-result button.consent-copy"));
        WebElement status = browser.findElement(By.id("t1-status"));
        // Headless Chromium may refuse the clipboard; then the script says so instead of "Copied".
        waitUntil(d -> !button.getText().equals("Copiar"));
        assertThat(button.getText()).isIn("Copiado", "Falhou");
        assertThat(status.getAttribute("textContent")).isEqualTo(button.getText());
        waitUntil(d -> button.getText().equals("Copiar"));
        assertThat(status.getAttribute("textContent")).isEmpty();
    }

    @Test
    void aRefusalShowsTheFormsShortMessageMarksTheFieldAndSaysItOnce() {
        WebElement input = browser.findElement(By.id("t1"));
        input.sendKeys("common");
        WebElement error = waitFor(By.cssSelector("#t1-result p.consent-error"));
        // The form's own short words for the code, not the API's longer message.
        assertThat(error.getText()).isEqualTo("pessoais curto");
        assertThat(error.getAttribute("id")).isEqualTo("t1-error");
        assertThat(input.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(input.getAttribute("aria-describedby")).isEqualTo("t1-error t1-hint");
        assertThat(browser.findElement(By.id("t1-status")).getAttribute("textContent")).isEqualTo("pessoais curto");
        assertThat(browser.findElement(By.id("t2-result")).getText()).isEqualTo("server-rendered");

        input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "contoso.com");
        waitFor(By.cssSelector("#t1-result [data-consent-url]"));
        assertThat(input.getAttribute("aria-invalid")).isNull();
        assertThat(input.getAttribute("aria-describedby")).isEqualTo("t1-hint");
        assertThat(browser.findElement(By.id("t1-status")).getAttribute("textContent")).isEqualTo("Pronta para contoso.com.");
    }

    @Test
    void aCodeTheFormDoesNotKnowShowsTheApisMessage() {
        browser.findElement(By.id("t2")).sendKeys("common");
        WebElement error = waitFor(By.cssSelector("#t2-result p.consent-error"));
        assertThat(error.getText()).contains("personal Microsoft accounts cannot grant admin consent");
    }

    @Test
    void markupInTheAnswerIsShownAsText() {
        browser.findElement(By.id("t1")).sendKeys("<img src=x onerror=alert(1)>");
        WebElement error = waitFor(By.cssSelector("#t1-result p.consent-error"));
        assertThat(error.getText()).contains("Isso não é um ID de locatário");
        assertThat(browser.findElements(By.cssSelector("#t1-result img"))).isEmpty();
    }

    @Test
    void clearingTheInputClearsTheResult() {
        WebElement input = browser.findElement(By.id("t1"));
        input.sendKeys("contoso.com");
        waitFor(By.cssSelector("#t1-result [data-consent-url]"));
        input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
                org.openqa.selenium.Keys.BACK_SPACE);
        waitUntil(d -> d.findElement(By.id("t1-result")).findElements(By.xpath("*")).isEmpty());
    }

    @Test
    void submittingChecksAtOnceWithoutLeavingThePage() {
        WebElement input = browser.findElement(By.id("t1"));
        input.sendKeys("organizations");
        input.submit();
        waitFor(By.cssSelector("#t1-result [data-consent-url]"));
        assertThat(URI.create(browser.getCurrentUrl()).getPath()).isEqualTo("/page");
    }

    @Test
    void whenTheApiIsUnreachableSubmittingFallsBackToThePlainForm() {
        apiDown = true;
        WebElement input = browser.findElement(By.id("t1"));
        input.sendKeys("contoso.com");
        input.submit();
        waitFor(By.id("no-js"));
        assertThat(browser.getCurrentUrl()).contains("/pt/admin-consent?tenant=contoso.com");
    }
}
