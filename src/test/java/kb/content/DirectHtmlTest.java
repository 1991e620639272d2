package kb.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The one-walk writer ({@link DirectHtml}) against the general path (flexmark's HTML, then
 * jsoup's parse, sanitizer and serializer): for every article it writes, the page's HTML, the
 * sections, the intro and the links are the same, and it leaves to the general path what only
 * the sanitizer may decide.
 */
class DirectHtmlTest {
    private final MarkdownRenderer renderer = new MarkdownRenderer(Set.of("admin-consent"));

    private void sameAsSanitized(String markdown) {
        MarkdownRenderer.Rendered direct = renderer.renderDirect(markdown);
        if (direct == null) {
            return;
        }
        MarkdownSamples.assertSameOutput(direct, renderer.renderSanitized(markdown), markdown);
    }

    @Test
    void aTypicalArticleIsWrittenInOneWalkAsTheSanitizerWouldHaveIt() {
        String md = """
                Connecting can fail. This article explains *why* & what to do; see **below**.

                ## Before you start {#before}

                - Grant `Mail.ReadWrite` to the app.
                - Read [the guide](/en/find-tenant-id#next-step "Next step") first.

                ### Errors

                1. **Sign in.** Then try again.

                2. Ask your admin: <https://example.com> is not a link here.

                ```yaml
                tenant: contoso.example  # a <comment> & more
                ```

                > Note: the old name still shows
                > in some places.

                ---

                ## Before you start
                """;
        MarkdownRenderer.Rendered direct = renderer.renderDirect(md.replace("<https://example.com>", "example.com"));
        assertThat(direct).isNotNull();
        assertThat(direct.sections()).extracting(Section::id).containsExactly("before", "errors", "before-you-start-2");
        assertThat(direct.sections().get(0).aliasIds()).containsExactly("before-you-start");
        sameAsSanitized(md.replace("<https://example.com>", "example.com"));
    }

    @Test
    void whatOnlyTheSanitizerMayDecideTakesTheGeneralPath() {
        for (String md : List.of(
                "Some <b>raw</b> HTML.",
                "<div onclick=\"x()\">block</div>",
                "[click](javascript:alert(1))",
                "[data](data:text/html;base64,AAAA)",
                "An &amp; entity.",
                "![image](/a.png)",
                "| a | b |\n| --- | --- |\n| 1 | 2 |",
                "Bare https://example.com link.",
                "{{< admin-consent >}}",
                "## Heading {.with-class}",
                "Paragraph {#para-id}",
                "    indented code",
                "Text with a\u00a0no-break space.",
                "Carriage\r\nreturn.")) {
            assertThat(renderer.renderDirect(md)).as(md).isNull();
            assertThat(renderer.render(md).html()).as(md).isEqualTo(renderer.renderSanitized(md).html());
        }
    }

    @Test
    void theShippedArticlesRenderAsBefore() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("content"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).toList()) {
                String body = FrontMatter.parse(Files.readString(f)).body();
                MarkdownRenderer.Rendered rendered = renderer.render(body);
                MarkdownRenderer.Rendered sanitized = renderer.renderSanitized(body);
                assertThat(rendered.html()).as(f.toString()).isEqualTo(sanitized.html());
                assertThat(rendered.sections()).as(f.toString()).isEqualTo(sanitized.sections());
                assertThat(rendered.intro()).as(f.toString()).isEqualTo(sanitized.intro());
                assertThat(rendered.links()).as(f.toString()).isEqualTo(sanitized.links());
            } 
        } catch (FrontMatter.Invalid e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Thousands of articles put together at random from what authors write (and what they get
     * wrong): wherever the one walk writes an article, it writes what the sanitizer would.
     */
    @Test
    void randomArticlesAreWrittenAsTheSanitizerWouldHaveThem() {
        Random random = new Random(Long.getLong("kb.fuzz.seed", 20261202L));
        int written = 0;
        int n = Integer.getInteger("kb.fuzz.count", 4000);
        for (int i = 0; i < n; i++) {
            String md = MarkdownSamples.article(random);
            if (renderer.renderDirect(md) != null) {
                written++;
            }
            sameAsSanitized(md);
        }
        // Most of them are plain enough for the one walk: the comparison above is not vacuous.
        assertThat(written).isGreaterThan(n / 3);
    }
}
