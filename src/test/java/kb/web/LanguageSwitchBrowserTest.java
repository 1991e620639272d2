package kb.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import kb.Browser;
import kb.ContentFiles;
import kb.TestServer;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    private void switchLanguage(String toPath) {
        browser.findElement(By.cssSelector(".lang-switch a")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains(toPath));
    }

    @Test
    void anOldLinkToTheGeneratedPortugueseIdKeepsItsSectionInEnglish() {
        // The heading has an explicit id; the id its words made before still lands on it.
        browser.get(server.base() + SiteTest.PT + "#erro-interacao-necessaria");
        assertThat(browser.findElement(By.id("erro-interacao-necessaria")).findElement(By.xpath("..")).getAttribute("id"))
                .isEqualTo("interaction-required");
        switchLanguage(SiteTest.EN);
        assertThat(browser.getCurrentUrl()).isEqualTo(server.base() + SiteTest.EN + "#interaction-required");
        assertAtTopOfView("interaction-required");
    }

    @Test
    void switchingLanguageOnAResultsPageSearchesTheSameWords() {
        browser.get(server.base() + "/pt/search?q=conex%C3%A3o");
        switchLanguage("/en/search");
        assertThat(browser.getCurrentUrl()).isEqualTo(server.base() + "/en/search?q=conex%C3%A3o");
        assertThat(browser.findElement(By.id("site-search")).getAttribute("value")).isEqualTo("conexão");
    }

    /** Articles whose headings have no explicit ids, so each language's ids come from its own words. */
    @Nested
    class GeneratedIds {
        static final String FILLER = "Texto de exemplo para ocupar a tela. ".repeat(60);
        static TestServer own;

        @BeforeAll
        static void start(@TempDir Path content) throws IOException {
            ContentFiles.write(content, "pt/passos.md", article("Passos", "steps", """
                    ## Primeiro passo

                    %1$s

                    ## Segundo passo

                    %1$s

                    ### Detalhe do segundo passo

                    %1$s

                    ## Terceiro passo

                    %1$s
                    """.formatted(FILLER)));
            ContentFiles.write(content, "en/steps.md", article("Steps", "steps", """
                    ## First step

                    %1$s

                    ## Second step

                    %1$s

                    ### Detail of the second step

                    %1$s

                    ## Third step

                    %1$s
                    """.formatted(FILLER)));
            ContentFiles.write(content, "pt/configurar.md", article("Configurar", "setup", """
                    ## Preparação {#prepare}

                    %1$s

                    ### Observação só em português

                    %1$s

                    ## Conclusão {#finish}

                    %1$s
                    """.formatted(FILLER)));
            ContentFiles.write(content, "en/setup.md", article("Set up", "setup", """
                    ## Preparation {#prepare}

                    %1$s

                    ## Finish {#finish}

                    %1$s
                    """.formatted(FILLER)));
            own = new TestServer(content);
        }

        @AfterAll
        static void stop() {
            own.close();
        }

        private static String article(String title, String key, String body) {
            return "---\ntitle: \"" + title + "\"\ntranslationKey: " + key + "\n---\n\n" + body;
        }

        @Test
        void aGeneratedIdLandsOnTheSectionAtTheSamePlaceOfTheTranslation() {
            browser.get(own.base() + "/pt/passos#detalhe-do-segundo-passo");
            switchLanguage("/en/steps");
            assertThat(browser.getCurrentUrl()).isEqualTo(own.base() + "/en/steps#detail-of-the-second-step");
            assertAtTopOfView("detail-of-the-second-step");
        }

        @Test
        void theSectionScrolledToIsMappedTheSameWay() {
            browser.get(own.base() + "/en/steps");
            browser.executeScript("document.getElementById('third-step').scrollIntoView()");
            switchLanguage("/pt/passos");
            assertThat(browser.getCurrentUrl()).isEqualTo(own.base() + "/pt/passos#terceiro-passo");
        }

        @Test
        void aSectionTheTranslationLacksLandsOnTheEnclosingSectionItHas() {
            browser.get(own.base() + "/pt/configurar#observacao-so-em-portugues");
            switchLanguage("/en/setup");
            assertThat(browser.getCurrentUrl()).isEqualTo(own.base() + "/en/setup#prepare");
            assertAtTopOfView("prepare");
        }

        @Test
        void withoutJavaScriptTheSwitchStillReachesTheTranslatedArticle() {
            // A #fragment never reaches the server: the plain link leads to the top of the translation.
            Document page = own.page("/pt/passos");
            String href = page.select(".lang-switch a").attr("href");
            assertThat(href).isEqualTo("/en/steps");
            assertThat(own.get(href).statusCode()).isEqualTo(200);
            assertThat(page.select(".lang-switch a").attr("data-section-ids"))
                    .isEqualTo("first-step second-step detail-of-the-second-step third-step");
        }
    }
}
