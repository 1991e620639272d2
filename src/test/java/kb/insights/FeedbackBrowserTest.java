package kb.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import kb.Browser;
import kb.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A reader answers "Was this article helpful?" in real Chromium, with JavaScript (in place) and on a
 * phone without it (the form and its 303), and searches: the answers and the settled searches land
 * in the database.
 */
class FeedbackBrowserTest {
    static final String PT = "/pt/erros-de-conexao-caixa-de-entrada-calendario";
    static final String EN = "/en/inbox-calendar-connection-errors";
    static final TestServer server = TestServer.shared();
    static final ChromeDriver browser = Browser.shared();
    static final String db = Db.sqlite(server.dataDir());
    private static ChromeDriver phoneWithoutScript;

    @AfterAll
    static void stop() {
        if (phoneWithoutScript != null) {
            phoneWithoutScript.quit();
        }
    }

    static WebDriverWait waiting(ChromeDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    @Test
    void withoutJavaScriptOnAPhoneTheFormsPostAndTheArticleComesBackThanked() {
        phoneWithoutScript = Browser.phone(true);
        ChromeDriver p = phoneWithoutScript;
        p.get(server.base() + PT);
        WebElement feedback = p.findElement(By.id("feedback"));
        // In the flow after the text, never over it.
        assertThat(p.executeScript("return getComputedStyle(arguments[0]).position", feedback)).isEqualTo("static");
        assertThat(p.findElement(By.cssSelector("form.feedback-details")).isDisplayed()).isFalse();
        p.findElement(By.cssSelector("form.feedback-vote button[value=no]")).click();
        waiting(p).until(d -> d.getCurrentUrl().endsWith(PT + "?feedback=no#feedback"));
        assertThat(p.findElement(By.cssSelector("#feedback .feedback-status")).getText()).isEqualTo("Obrigado por responder.");
        assertThat(p.findElement(By.cssSelector("form.feedback-vote")).isDisplayed()).isFalse();
        assertThat((Boolean) p.executeScript("var r = document.getElementById('feedback').getBoundingClientRect();"
                + "return r.top >= 0 && r.top < innerHeight")).as("landed on #feedback").isTrue();
        p.findElement(By.xpath("//form[contains(@class,'feedback-details')]//label[contains(., 'desatualizado')]")).click();
        p.findElement(By.id("feedback-comment")).sendKeys("sem JavaScript: a tela mudou");
        p.findElement(By.cssSelector("form.feedback-details button[type=submit]")).click();
        waiting(p).until(d -> d.getCurrentUrl().endsWith(PT + "?feedback=sent#feedback"));
        assertThat(p.findElement(By.cssSelector("#feedback .feedback-status")).getText())
                .isEqualTo("Obrigado: sua resposta nos ajuda a melhorar este artigo.");
        List<List<Object>> rows = Db.await(db, Duration.ofSeconds(20), r -> !r.isEmpty(),
                "SELECT helpful, reason, lang FROM votes WHERE article = ? AND comment_text = ?", PT, "sem JavaScript: a tela mudou");
        assertThat(rows.get(0)).containsExactly(0, "outdated", "pt");
    }

    @Test
    void withJavaScriptTheAnswerIsSentInPlaceAndALaterAnswerReplacesIt() {
        browser.get(server.base() + EN);
        String url = browser.getCurrentUrl();
        browser.findElement(By.cssSelector("form.feedback-vote button[value=yes]")).click();
        WebElement status = browser.findElement(By.cssSelector("#feedback .feedback-status"));
        waiting(browser).until(d -> status.getText().equals("Thank you! We are glad it helped."));
        assertThat(browser.getCurrentUrl()).isEqualTo(url);
        assertThat(status.getAttribute("role")).isEqualTo("status");
        assertThat(browser.findElement(By.cssSelector("form.feedback-vote")).isDisplayed()).isFalse();
        assertThat(browser.switchTo().activeElement()).isEqualTo(status);

        // The same reader thinks again: No, then the details, all in place.
        browser.get(server.base() + EN);
        browser.findElement(By.cssSelector("form.feedback-vote button[value=no]")).click();
        WebElement details = browser.findElement(By.cssSelector("form.feedback-details"));
        waiting(browser).until(d -> details.isDisplayed());
        assertThat(browser.findElement(By.cssSelector("#feedback .feedback-status")).getText()).isEqualTo("Thank you for answering.");
        assertThat(browser.switchTo().activeElement().getAttribute("name")).isEqualTo("reason");
        browser.findElement(By.xpath("//form[contains(@class,'feedback-details')]//label[contains(., 'hard to understand')]")).click();
        browser.findElement(By.id("feedback-comment")).sendKeys("with JavaScript: <b>unclear</b> ☺");
        details.findElement(By.cssSelector("button[type=submit]")).click();
        waiting(browser).until(d -> !details.isDisplayed());
        assertThat(browser.findElement(By.cssSelector("#feedback .feedback-status")).getText())
                .isEqualTo("Thank you: your answer helps us improve this article.");
        assertThat(browser.getCurrentUrl()).isEqualTo(url);
        List<List<Object>> rows = Db.await(db, Duration.ofSeconds(20), r -> !r.isEmpty(),
                "SELECT helpful, reason, reader FROM votes WHERE article = ? AND comment_text = ?", EN, "with JavaScript: <b>unclear</b> ☺");
        assertThat(rows.get(0).subList(0, 2)).containsExactly(0, "unclear");
        // Yes, No and the details came from one reader on one day: one row.
        assertThat(Db.rows(db, "SELECT COUNT(*) FROM votes WHERE article = ? AND reader = ?", EN, rows.get(0).get(2)).get(0).get(0))
                .isEqualTo(1);
    }

    @Test
    void instantSearchRecordsTheQueryTheReaderSettledOnAndTheResultOpened() {
        browser.get(server.base() + "/en/");
        WebElement box = browser.findElement(By.id("site-search"));
        for (char c : "calendar".toCharArray()) {
            box.sendKeys(String.valueOf(c));
            sleep(60);
        }
        waiting(browser).until(d -> !d.findElements(By.cssSelector("#site-search-listbox li[data-url]")).isEmpty()
                && "calendar".equals(d.findElement(By.id("site-search")).getAttribute("value")));
        sleep(400); // the last keystroke's answer is the one on screen
        String opened = browser.findElement(By.cssSelector("#site-search-listbox li[data-url]")).getAttribute("data-url");
        browser.findElement(By.cssSelector("#site-search-listbox li[data-url]")).click();
        waiting(browser).until(d -> !d.getCurrentUrl().endsWith("/en/"));
        List<List<Object>> rows = Db.await(db, Duration.ofSeconds(20), r -> !r.isEmpty(),
                "SELECT id, results FROM searches WHERE source = 'instant' AND query_text = 'calendar'");
        Db.awaitCount(db, 1, "SELECT COUNT(*) FROM search_clicks WHERE search_id = ? AND click_position = 1 AND url = ?",
                rows.get(0).get(0), opened);
        // Not each keystroke: none of the prefixes typed on the way.
        assertThat(Db.rows(db, "SELECT query_text FROM searches WHERE source IN ('instant', 'api') AND query_text IN"
                + " ('c', 'ca', 'cal', 'cale', 'calen', 'calend', 'calenda')")).isEmpty();
    }

    @Test
    void theResultsPageRecordsWhichResultWasOpenedAndAtWhatPosition() {
        browser.get(server.base() + "/en/search?q=admin+consent+tenant");
        String id = browser.findElement(By.cssSelector("[data-search-id]")).getAttribute("data-search-id");
        List<WebElement> cards = browser.findElements(By.cssSelector(".result-group"));
        assertThat(cards).isNotEmpty();
        WebElement link = cards.get(cards.size() - 1).findElement(By.cssSelector("a[href]"));
        String href = link.getAttribute("href").substring(server.base().length());
        link.click();
        Db.awaitCount(db, 1, "SELECT COUNT(*) FROM search_clicks WHERE search_id = ? AND click_position = ? AND url = ?", id,
                cards.size(), href);
        Db.awaitCount(db, 1, "SELECT COUNT(*) FROM searches WHERE id = ? AND source = 'page' AND query_text = 'admin consent tenant'", id);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
