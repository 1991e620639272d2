package kb.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import kb.ContentFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Internal links and #fragments that lead nowhere are reported with the file and line an author can fix. */
class LinkCheckerTest {
    @TempDir
    Path dir;

    private final ContentLoader loader = new ContentLoader(Set.of("admin-consent"), Set.of("/", "/admin-consent", "/search"));

    private void write(String path, String text) throws IOException {
        ContentFiles.write(dir, path, text);
    }

    private List<String> reported() {
        return loader.load(dir).brokenLinks().stream().map(BrokenLink::toString).toList();
    }

    @Test
    void aPlainSitePathIsReadAsResolvingItWould() throws IOException {
        write("en/a/page.md", "---\ntitle: Page\n---\n\nText.\n");
        Article from = loader.load(dir).article("/en/a/page").orElseThrow();
        List<String> plain = List.of("/en/target", "/en/target#real", "/en/target/", "/en/a/b/#x-y_z", "/en/t?x=1&y=2#frag",
                "/en/t#frag?with=query", "/", "/en", "/en/~user", "/en/t.html");
        for (String href : plain) {
            assertThat(LinkChecker.isPlainPath(href)).as(href).isTrue();
            assertThat(LinkChecker.parse(from, href)).as(href).isEqualTo(LinkChecker.parseUri(from, href));
        }
        // Anything resolving or decoding could change goes the long way.
        for (String href : List.of("/en/./t", "/en/a/../t", "/en//t", "/en/t%20x", "/en/t+x", "/en/t#a#b", "relative", "#here",
                "/en/ção", "/en/t x")) {
            assertThat(LinkChecker.isPlainPath(href)).as(href).isFalse();
        }
    }

    @Test
    void aLinkToNoPageAndAFragmentToNoSectionAreReportedWithFileAndLine() throws IOException {
        write("en/target.md", """
                ---
                title: Target
                aliases: ["/en/old-target/"]
                ---

                ## Real section {#real}

                Text.
                """);
        write("en/guide.md", """
                ---
                title: Guide
                ---

                Intro with [a good link](/en/target#real).

                ## Here {#here}

                A [missing page](/en/nowhere) and
                a [missing section](/en/target#gone).
                Same page: [fine](#here), [broken](#nope).
                """);
        assertThat(reported()).containsExactly(
                "en/guide.md:9: broken link /en/nowhere (no article, alias, category or page at /en/nowhere)",
                "en/guide.md:10: broken link /en/target#gone (no section #gone in /en/target)",
                "en/guide.md:11: broken link #nope (no section #nope on this page)");
    }

    @Test
    void linksThatLandSomewhereAreNotReported() throws IOException {
        write("pt/alvo.md", """
                ---
                title: Alvo
                aliases: ["/pt/antigo/"]
                ---

                ## Seção explícita {#explicita}

                ## Outra seção
                """);
        write("en/ok.md", """
                ---
                title: Fine
                ---

                [home](/pt/) [home without slash](/en) [article](/pt/alvo) [slash](/pt/alvo/)
                [alias](/pt/antigo/#explicita) [generated id](/pt/alvo#outra-secao)
                [alias id of an explicit heading](/pt/alvo#secao-explicita) [bare hash](#)
                [consent](/en/admin-consent) [search](/en/search?q=tenant) [external](https://example.com/en/nowhere)
                [mail](mailto:help@example.com) [static](/static/css/site.css) [encoded](/pt/alvo#expl%69cita)
                """);
        assertThat(reported()).isEmpty();
    }

    @Test
    void theSameBrokenLinkTwiceIsReportedAtEachLine() throws IOException {
        write("en/twice.md", "---\ntitle: Twice\n---\n\n[a](/en/gone)\n\n[b](/en/gone)\n");
        assertThat(reported()).containsExactly(
                "en/twice.md:5: broken link /en/gone (no article, alias, category or page at /en/gone)",
                "en/twice.md:7: broken link /en/gone (no article, alias, category or page at /en/gone)");
    }

    @Test
    void relativeLinksAreResolvedAgainstTheArticleUrl() throws IOException {
        write("en/folder/a.md", "---\ntitle: A\n---\n\n[sibling](b) [gone](c#x)\n");
        write("en/folder/b.md", "---\ntitle: B\n---\n\nText.\n");
        assertThat(reported()).containsExactly(
                "en/folder/a.md:5: broken link c#x (no article, alias, category or page at /en/folder/c)");
    }

    @Test
    void linksToCategoriesAndTagsResolveAndUnknownOnesAreReported() throws IOException {
        write("en/mail/inbox.md", """
                ---
                title: Inbox
                tags: ["Office 365"]
                ---

                See [mail](/en/mail/), [page two](/en/mail?page=2), [the tag](/en/tags/office-365) and [all tags](/en/tags).
                Broken: [no category](/en/calendar), [no tag](/en/tags/gmail), [no tag here](/pt/tags/office-365).
                """);
        assertThat(new ContentLoader(Set.of(), Set.of("/", "/tags")).load(dir).brokenLinks()).extracting(BrokenLink::href)
                .containsExactly("/en/calendar", "/en/tags/gmail", "/pt/tags/office-365");
    }

    @Test
    void aLinkWithAUrlSchemeIsRecognisedByItsLettersAndColon() {
        assertThat(java.util.stream.Stream.of("https://x.y", "mailto:a@b", "tel:+1", "svn+ssh://h", "ms-settings:x", "A1.b-c+d:x"))
                .allMatch(LinkChecker::hasScheme);
        assertThat(java.util.stream.Stream.of("", "/pt/a:b", "1http://x", "#a:b", "a b:c", "relative/path", "?q=a:b", "ação:x"))
                .noneMatch(LinkChecker::hasScheme);
    }
}
