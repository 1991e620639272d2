package kb.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import kb.ContentFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reload told which files changed reads only those, yet what depends on them elsewhere follows:
 * a link in an unchanged article to a section that the edit removed is reported, and the report
 * goes away when the section comes back; articles added and removed are listed.
 */
class IncrementalReloadTest {
    @TempDir
    Path dir;

    private final ContentLoader loader = new ContentLoader(Set.of(), Set.of("/"));

    private Set<Path> changed(String... paths) {
        return Set.of(java.util.Arrays.stream(paths).map(p -> dir.resolve(p).toAbsolutePath()).toArray(Path[]::new));
    }

    @Test
    void linksIntoAnEditedArticleAreCheckedAgain() throws Exception {
        ContentFiles.write(dir, "pt/a.md", "---\ntitle: A\n---\n\nVeja [a seção](/pt/b#passos).\n");
        ContentFiles.write(dir, "pt/b.md", "---\ntitle: B\n---\n\n## Passos {#passos}\n\nTexto.\n");
        Library first = loader.load(dir);
        assertThat(first.brokenLinks()).isEmpty();

        ContentFiles.write(dir, "pt/b.md", "---\ntitle: B\n---\n\n## Outros {#outros}\n\nTexto.\n");
        Library second = loader.load(dir, first, changed("pt/b.md"));
        assertThat(second.article("/pt/a")).containsSame(first.article("/pt/a").orElseThrow());
        assertThat(second.brokenLinks()).singleElement()
                .satisfies(b -> assertThat(b.file()).isEqualTo(Path.of("pt/a.md")))
                .satisfies(b -> assertThat(b.reason()).contains("#passos"));

        ContentFiles.write(dir, "pt/b.md", "---\ntitle: B\n---\n\n## Passos {#passos}\n\nDe volta.\n");
        Library third = loader.load(dir, second, changed("pt/b.md"));
        assertThat(third.brokenLinks()).isEmpty();

        Files.delete(dir.resolve("pt/b.md"));
        Library fourth = loader.load(dir, third, changed("pt/b.md"));
        assertThat(fourth.article("/pt/b")).isEmpty();
        assertThat(fourth.brokenLinks()).singleElement().satisfies(b -> assertThat(b.reason()).contains("/pt/b"));

        ContentFiles.write(dir, "pt/c.md", "---\ntitle: C\n---\n\nNovo.\n");
        Library fifth = loader.load(dir, fourth, changed("pt/c.md"));
        assertThat(fifth.articles("pt")).extracting(Article::url).containsExactlyInAnyOrder("/pt/a", "/pt/c");
    }

    @Test
    void aDeferredFirstCheckFindsWhatACheckAtTheLoadWouldHaveAndOnlyOnce() throws Exception {
        ContentFiles.write(dir, "pt/a.md", "---\ntitle: A\n---\n\nVeja [a seção](/pt/b#passos) e [nada](/pt/nada).\n");
        ContentFiles.write(dir, "pt/b.md", "---\ntitle: B\n---\n\n## Outros {#outros}\n\nTexto.\n");
        Library atOnce = new ContentLoader(Set.of(), Set.of("/")).load(dir);
        assertThat(atOnce.brokenLinks()).hasSize(2);

        loader.deferFirstLinkCheck();
        Library first = loader.load(dir);
        assertThat(first.brokenLinks()).isEmpty();
        Library checked = loader.checkOwedLinks(dir, first);
        assertThat(checked.brokenLinks()).isEqualTo(atOnce.brokenLinks());
        assertThat(checked.articles("pt")).isEqualTo(first.articles("pt"));
        assertThat(checked.version()).isEqualTo(first.version());
        assertThat(loader.checkOwedLinks(dir, checked)).isNull();

        // The check leaves what an edit's check needs: the links into the edited article are checked again.
        ContentFiles.write(dir, "pt/b.md", "---\ntitle: B\n---\n\n## Passos {#passos}\n\nTexto.\n");
        Library edited = loader.load(dir, checked, changed("pt/b.md"));
        assertThat(edited.article("/pt/a")).containsSame(first.article("/pt/a").orElseThrow());
        assertThat(edited.brokenLinks()).singleElement().satisfies(b -> assertThat(b.reason()).contains("/pt/nada"));
    }

    @Test
    void anEditBeforeTheDeferredCheckChecksEveryLinkItself() throws Exception {
        ContentFiles.write(dir, "pt/a.md", "---\ntitle: A\n---\n\nVeja [a seção](/pt/b#passos) e [nada](/pt/nada).\n");
        ContentFiles.write(dir, "pt/b.md", "---\ntitle: B\n---\n\n## Passos {#passos}\n\nTexto.\n");
        ContentFiles.write(dir, "pt/c.md", "---\ntitle: C\n---\n\nTexto.\n");
        loader.deferFirstLinkCheck();
        Library first = loader.load(dir);

        ContentFiles.write(dir, "pt/c.md", "---\ntitle: C\n---\n\nOutro texto.\n");
        Library edited = loader.load(dir, first, changed("pt/c.md"));
        assertThat(edited.brokenLinks()).singleElement()
                .satisfies(b -> assertThat(b.file()).isEqualTo(Path.of("pt/a.md")))
                .satisfies(b -> assertThat(b.reason()).contains("/pt/nada"));
        // Owed no more: neither for the first load's library nor for the edit's.
        assertThat(loader.checkOwedLinks(dir, first)).isNull();
        assertThat(loader.checkOwedLinks(dir, edited)).isNull();
    }

    @Test
    void aFolderThatWentAwayTakesItsArticlesWithItAndATemporaryFileChangesNothing() throws Exception {
        ContentFiles.write(dir, "pt/a.md", "---\ntitle: A\n---\n\nTexto.\n");
        // Sorts between pt/novo and pt/novo/b.md: a folder's files are not simply the ones after its name.
        ContentFiles.write(dir, "pt/novo-guia/c.md", "---\ntitle: C\n---\n\nTexto.\n");
        ContentFiles.write(dir, "pt/novo/b.md", "---\ntitle: B\n---\n\nTexto.\n");
        Library first = loader.load(dir);
        int collations = loader.collations();
        // An editor's temporary file, written and renamed away before the reload.
        Library second = loader.load(dir, first, changed("pt/.a.md.swp"));
        assertThat(second.articles("pt")).extracting(Article::url).containsExactlyInAnyOrder("/pt/a", "/pt/novo/b", "/pt/novo-guia/c");
        for (Path f : java.util.List.of(dir.resolve("pt/novo/b.md"), dir.resolve("pt/novo"))) {
            Files.delete(f);
        }
        // The watcher reports the folder, not each file in it.
        Library third = loader.load(dir, second, changed("pt/novo"));
        assertThat(third.articles("pt")).extracting(Article::url).containsExactlyInAnyOrder("/pt/a", "/pt/novo-guia/c");
        assertThat(loader.collations()).as("only the folder's removal looked at every file").isEqualTo(collations + 1);
    }

    @Test
    void aChangeToAFolderLooksAtEveryFile() throws Exception {
        ContentFiles.write(dir, "pt/a.md", "---\ntitle: A\n---\n\nTexto.\n");
        Library first = loader.load(dir);
        // A folder moved in with its files: the watcher reports the folder, not each file.
        ContentFiles.write(dir, "pt/novo/b.md", "---\ntitle: B\n---\n\nTexto.\n");
        Library second = loader.load(dir, first, changed("pt/novo"));
        assertThat(second.article("/pt/novo/b")).isPresent();
    }
}
