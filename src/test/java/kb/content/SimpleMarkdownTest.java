package kb.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The reader of plain Markdown ({@link SimpleMarkdown}) against the general path (flexmark's
 * HTML, then jsoup's parse, sanitizer and serializer): for every article it writes, the page's
 * HTML, the sections, the intro and the links are the same, and it leaves to flexmark what it
 * cannot tell apart for certain.
 */
class SimpleMarkdownTest {
    private final MarkdownRenderer renderer = new MarkdownRenderer(Set.of("admin-consent"));

    /** Whether the reader wrote it; if so, it wrote what the general path writes. */
    private boolean sameAsSanitized(String markdown) {
        MarkdownRenderer.Rendered simple = renderer.renderSimple(markdown);
        if (simple == null) {
            return false;
        }
        MarkdownSamples.assertSameOutput(simple, renderer.renderSanitized(markdown), markdown);
        return true;
    }

    @Test
    void aTypicalArticleIsReadWithoutFlexmarkAsTheSanitizerWouldHaveIt() {
        String md = """
                Connecting can fail. This article explains *why* and what to do; see **below**.

                ## Before you start {#before}

                - Grant `Mail.ReadWrite` to the app.
                - Read [the guide](/en/find-tenant-id#next-step) first, or [**this one**](https://example.com/a?b=1&c=2).

                ### Errors

                1. **Sign in.** Then try again.
                2. Ask your admin about OFFICE_ERROR_TIMEOUT (it's in the log).

                ```yaml
                tenant: contoso.example  # a <comment> & more
                ```

                Spread over
                two lines, with a * star and `code`.

                # Before you start
                """;
        MarkdownRenderer.Rendered simple = renderer.renderSimple(md);
        assertThat(simple).isNotNull();
        assertThat(simple.sections()).extracting(Section::id).containsExactly("before", "errors", "before-you-start-2");
        assertThat(simple.sections().get(0).aliasIds()).containsExactly("before-you-start");
        assertThat(simple.links()).containsExactly("/en/find-tenant-id#next-step", "https://example.com/a?b=1&c=2");
        assertThat(sameAsSanitized(md)).isTrue();
        assertThat(renderer.render(md)).isEqualTo(simple);
    }

    /** Code is code: braces, addresses, entities and stars in it are not read, on either path. */
    @Test
    void codeSpansAndFencesKeepWhatTheyHoldAsWritten() {
        for (String md : List.of(
                "Type `{#id}` or `{.class}` as is.",
                "Mail `help@example.com` or open `https://example.com/a?b=1&c=2` and `www.example.com`.",
                "Entities `&amp;`, escapes `a\\*b` and stars `**` stay.",
                "```\n{{< admin-consent >}}\n<b>&amp;</b> https://example.com **x**\n```\n",
                "```sh\n    indented\n\ttabbed\n```\n")) {
            assertThat(sameAsSanitized(md)).as(md).isTrue();
        }
    }

    @Test
    void whatItCannotTellApartForCertainIsLeftToFlexmark() {
        for (String md : List.of(
                "Some <b>raw</b> HTML.",
                "[click](javascript:alert(1))",
                "[titled](/a \"title\")",
                "An &amp; entity, or AT&T.",
                "![image](/a.png)",
                "| a | b |\n| --- | --- |\n| 1 | 2 |",
                "Bare https://example.com link, www.example.com or help@example.com.",
                "{{< admin-consent >}}",
                "A paragraph naming `{{< admin-consent >}}`, which could be one.",
                "## Heading {.with-class}",
                "## Closed heading ##",
                "Paragraph {#para-id}",
                "    indented code",
                "A paragraph\n  with an indented line.",
                "A lazy list\n- item",
                "A setext heading\n---",
                "Trailing blanks  \nmake a break.",
                "Escaped \\*star\\*.",
                "snake_case is fine, _emphasis_ is not.",
                "***both***",
                "**unclosed",
                "*a **b* c**",
                "- loose\n\n- list",
                "- item\ncontinued lazily",
                "- item\n\n  more of the item",
                "3. starts at three",
                "* star bullet",
                "***",
                "> quoted",
                "```\nnever closed",
                "```\ncode\n  ```",
                "[ref]\n\n[ref]: /somewhere",
                "[text] [not a link]",
                "``double`` backticks",
                "` spaced `",
                "Text with a\u00a0no-break space.",
                "Carriage\r\nreturn.")) {
            assertThat(renderer.renderSimple(md)).as(md).isNull();
            MarkdownRenderer.Rendered rendered = renderer.render(md);
            assertThat(rendered.html()).as(md).isEqualTo(renderer.renderSanitized(md).html());
        }
    }

    @Test
    void theShippedArticlesRenderAsTheSanitizerWouldHaveThem() throws IOException, FrontMatter.Invalid {
        int simple = 0;
        try (Stream<Path> files = Files.walk(Path.of("content"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).toList()) {
                if (sameAsSanitized(FrontMatter.parse(Files.readString(f)).body())) {
                    simple++;
                }
            }
        }
        System.out.printf("SimpleMarkdownTest: %d shipped articles read without flexmark%n", simple);
        assertThat(simple).as("shipped articles read without flexmark").isPositive();
    }

    /** Random articles from the authors' vocabulary, the odd and the wrong included. */
    @Test
    void randomArticlesAreWrittenAsTheSanitizerWouldHaveThem() {
        assertThat(writtenOf(MarkdownSamples::article)).as("articles the reader wrote").isGreaterThan(FUZZ_COUNT / 200);
    }

    /** Random articles of what the reader reads, so that most are compared. */
    @Test
    void randomPlainArticlesAreWrittenAsTheSanitizerWouldHaveThem() {
        assertThat(writtenOf(MarkdownSamples::plainArticle)).as("articles the reader wrote").isGreaterThan(FUZZ_COUNT / 4);
    }

    private static final int FUZZ_COUNT = Integer.getInteger("kb.fuzz.count", 4000);

    /** How many of {@link #FUZZ_COUNT} generated articles the reader wrote, each compared. */
    private int writtenOf(java.util.function.Function<Random, String> articles) {
        Random random = new Random(Long.getLong("kb.fuzz.seed", 20261203L));
        int written = 0;
        for (int i = 0; i < FUZZ_COUNT; i++) {
            if (sameAsSanitized(articles.apply(random))) {
                written++;
            }
        }
        return written;
    }

    /**
     * Every article of a generated corpus ({@code -Dkb.bench.corpus=/tmp/kb-bench/c10000}, see
     * bench/README.md), when there is one: the same on both paths, and how many took this one.
     */
    @Test
    void aBenchCorpusRendersAsTheSanitizerWouldHaveIt() throws IOException, FrontMatter.Invalid {
        String corpus = System.getProperty("kb.bench.corpus");
        Assumptions.assumeTrue(corpus != null, "no -Dkb.bench.corpus");
        int all = 0;
        int simple = 0;
        try (Stream<Path> files = Files.walk(Path.of(corpus, "content"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).toList()) {
                all++;
                if (sameAsSanitized(FrontMatter.parse(Files.readString(f)).body())) {
                    simple++;
                }
            }
        }
        System.out.printf("SimpleMarkdownTest: %d of %d articles read without flexmark%n", simple, all);
        assertThat(simple).isPositive();
    }
}
