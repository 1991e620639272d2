package kb.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import kb.PageTypes;
import kb.TestServer;
import nu.validator.validation.SimpleDocumentValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/** Every kind of page, in both languages, is valid HTML by the Nu Html Checker (the W3C's validator), run in-process. */
class HtmlValidityTest {
    static final TestServer server = TestServer.shared();
    static SimpleDocumentValidator validator;
    static final Messages MESSAGES = new Messages();

    /** What the checker says about the page being checked. */
    static final class Messages implements ErrorHandler {
        final List<String> errors = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();

        @Override
        public void warning(SAXParseException e) {
            warnings.add(format(e));
        }

        @Override
        public void error(SAXParseException e) {
            errors.add(format(e));
        }

        @Override
        public void fatalError(SAXParseException e) {
            errors.add(format(e));
        }

        private static String format(SAXParseException e) {
            return e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        validator = new SimpleDocumentValidator(true, false, false);
        validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", MESSAGES);
        validator.setUpValidatorAndParsers(MESSAGES, true, false);
    }


    private static List<String> errorsIn(String html, String name) throws Exception {
        MESSAGES.errors.clear();
        MESSAGES.warnings.clear();
        InputSource in = new InputSource(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        in.setEncoding("UTF-8");
        in.setSystemId(name);
        validator.checkHtmlInputSource(in);
        MESSAGES.warnings.forEach(w -> System.out.println("Nu warning on " + name + ": " + w));
        return List.copyOf(MESSAGES.errors);
    }

    @ParameterizedTest
    @FieldSource("kb.PageTypes#URLS")
    void pageHasNoHtmlErrors(String path) throws Exception {
        assertValid(server, path, server.get(path));
    }

    @ParameterizedTest
    @FieldSource("kb.PageTypes#BROWSE_URLS")
    void browsingPageHasNoHtmlErrors(String path) throws Exception {
        kb.TestServer browse = kb.BrowseContent.server();
        assertValid(browse, path, browse.get(path));
    }

    @ParameterizedTest
    @FieldSource("kb.PageTypes#SPANISH_URLS")
    void spanishPageHasNoHtmlErrors(String path) throws Exception {
        kb.TestServer spanish = kb.SpanishContent.server();
        assertValid(spanish, path, spanish.get(path));
    }

    /** The support team's pages, with answers and searches to show (behind HTTP Basic, so not in PageTypes.URLS). */
    @ParameterizedTest
    @FieldSource("kb.PageTypes#INSIGHTS_URLS")
    void insightsPageHasNoHtmlErrors(String path) throws Exception {
        kb.insights.Seed.answersAndSearches(server);
        assertValid(server, path, server.insights(path));
    }

    private static void assertValid(kb.TestServer on, String path, HttpResponse<String> page) throws Exception {
        assertThat(page.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
        assertThat(errorsIn(page.body(), on.base() + path)).as("Nu Html Checker errors on " + path + "\n" + page.body()).isEmpty();
    }

    /** The results page of near misses, which the shipped content cannot produce yet (see SearchResultsViewTest). */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"pt", "en"})
    void theCloseMatchesPageHasNoHtmlErrors(String lang) throws Exception {
        String html = SearchResultsViewTest.closeMatchesPage(lang);
        assertThat(errorsIn(html, "close-matches-" + lang)).as(html).isEmpty();
    }

    /** So a silent checker cannot pass every page. */
    @Test
    void theCheckerReportsAnInvalidPage() throws Exception {
        String bad = "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>t</title></head>"
                + "<body><main></main><main></main><a href='a b'>x</a><img src=x></body></html>";
        assertThat(errorsIn(bad, "bad.html")).hasSizeGreaterThanOrEqualTo(3);
    }
}
