package kb.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import kb.ContentFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentLoaderTest {
    @TempDir
    Path dir;

    private final ContentLoader loader = new ContentLoader(Set.of("admin-consent"));

    private void write(String path, String text) throws IOException {
        ContentFiles.write(dir, path, text);
    }

    private static String article(String title, String extra) {
        return "---\ntitle: \"" + title + "\"\n" + extra + "---\n\n## Seção {#secao}\n\nTexto.\n";
    }

    private String reasonFor(Library library, String path) {
        return library.problems().stream()
                .filter(p -> p.file().equals(Path.of(path)))
                .map(Problem::reason)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no problem reported for " + path + ": " + library.problems()));
    }

    @Test
    void readsFrontMatterFieldsAndBuildsTheUrlFromThePath() throws IOException {
        write("pt/conexao/Erros Comuns.md", """
                ---
                title: "Erros: os comuns"
                description: Um resumo.
                lastmod: 2024-10-04
                translationKey: erros
                tags: [office-365, gmail]
                weight: 3
                aliases: ["/pt/antigo/", "/pt/velho"]
                ---
                Corpo.
                """);
        Library library = loader.load(dir);
        assertThat(library.problems()).isEmpty();
        Article a = library.article("/pt/conexao/erros-comuns").orElseThrow();
        assertThat(a.title()).isEqualTo("Erros: os comuns");
        assertThat(a.description()).isEqualTo("Um resumo.");
        assertThat(a.lastmod()).contains(LocalDate.of(2024, 10, 4));
        assertThat(a.tags()).containsExactly("office-365", "gmail");
        assertThat(a.weight()).isEqualTo(3);
        assertThat(library.redirectFor("/pt/antigo")).contains("/pt/conexao/erros-comuns");
        assertThat(library.redirectFor("/pt/velho")).contains("/pt/conexao/erros-comuns");
    }

    @Test
    void slugReplacesTheLastSegment() throws IOException {
        write("en/guides/long-file-name.md", article("Guide", "slug: short\n"));
        assertThat(loader.load(dir).article("/en/guides/short")).isPresent();
    }

    @Test
    void aLinkToAnArticleFileIsAnArticleAndAFolderNamedLikeOneIsNot() throws IOException {
        write("shared/guide.md", article("Guia", ""));
        java.nio.file.Files.createDirectories(dir.resolve("pt"));
        java.nio.file.Files.createSymbolicLink(dir.resolve("pt/guia.md"), dir.resolve("shared/guide.md"));
        java.nio.file.Files.createDirectories(dir.resolve("pt/notas.md"));
        write("pt/notas.md/dentro.md", article("Dentro", ""));
        Library library = loader.load(dir);
        assertThat(library.article("/pt/guia")).isPresent();
        assertThat(library.all()).anyMatch(a -> a.title().equals("Dentro"));
        assertThat(library.problems()).noneMatch(p -> p.file().equals(Path.of("pt/notas.md")));
    }

    @Test
    void linksTranslationsByKey() throws IOException {
        write("pt/a.md", article("A pt", "translationKey: k\n"));
        write("en/a-en.md", article("A en", "translationKey: k\n"));
        Library library = loader.load(dir);
        Article pt = library.article("/pt/a").orElseThrow();
        assertThat(library.translation(pt, "en").map(Article::url)).contains("/en/a-en");
    }

    @Test
    void eachBrokenFileIsReportedByPathAndTheRestIsServed() throws IOException {
        write("pt/good.md", article("Bom", ""));
        write("pt/bad-yaml.md", "---\ntitle: [unclosed\n---\nx\n");
        write("pt/no-title.md", "---\ndescription: sem título\n---\nx\n");
        write("pt/blank-title.md", "---\ntitle: \"  \"\n---\nx\n");
        write("pt/no-front-matter.md", "# Só texto\n");
        write("pt/unclosed.md", "---\ntitle: x\n");
        write("pt/bad-date.md", article("Data", "lastmod: ontem\n"));
        write("fr/article.md", article("Français", ""));
        write("loose.md", article("Solto", ""));
        Files.write(dir.resolve("pt/binary.md"), new byte[] {'-', '-', '-', '\n', 0, 1, 2, (byte) 0xff});
        Files.write(dir.resolve("pt/latin1.md"), "---\ntitle: a\u00e7\u00e3o\n---\n".getBytes(StandardCharsets.ISO_8859_1));
        // UTF-8 text that holds the replacement character itself is text.
        write("pt/replacement.md", article("Caractere \uFFFD", ""));

        Library library = loader.load(dir);

        assertThat(library.article("/pt/good")).isPresent();
        assertThat(library.article("/pt/replacement").orElseThrow().title()).isEqualTo("Caractere \uFFFD");
        assertThat(library.all()).hasSize(2);
        assertThat(reasonFor(library, "pt/bad-yaml.md")).contains("bad YAML");
        assertThat(reasonFor(library, "pt/no-title.md")).contains("no title");
        assertThat(reasonFor(library, "pt/blank-title.md")).contains("no title");
        assertThat(reasonFor(library, "pt/no-front-matter.md")).contains("no front matter");
        assertThat(reasonFor(library, "pt/unclosed.md")).contains("not closed");
        assertThat(reasonFor(library, "pt/bad-date.md")).contains("YYYY-MM-DD");
        assertThat(reasonFor(library, "fr/article.md")).contains("unknown language folder 'fr'");
        assertThat(reasonFor(library, "loose.md")).contains("not inside a language folder");
        assertThat(reasonFor(library, "pt/binary.md")).contains("binary");
        assertThat(reasonFor(library, "pt/latin1.md")).contains("UTF-8");
        assertThat(library.problems()).hasSize(10);
    }

    @Test
    void twoFilesClaimingOneUrlKeepTheFirstAndReportTheOther() throws IOException {
        write("en/a.md", article("First", ""));
        write("en/b.md", article("Second", "slug: a\n"));
        Library library = loader.load(dir);
        assertThat(library.article("/en/a").orElseThrow().title()).isEqualTo("First");
        assertThat(reasonFor(library, "en/b.md")).contains("two files claim the URL /en/a");
    }

    @Test
    void aliasesThatWouldLeaveTheSiteOrClashAreRefused() throws IOException {
        write("en/a.md", article("A", "aliases: [\"https://evil.example/\", \"//evil.example\", \"/en/../x\", \"/en/b\"]\n"));
        write("en/b.md", article("B", ""));
        Library library = loader.load(dir);
        assertThat(library.redirectFor("/en/b")).isEmpty();
        assertThat(library.problems()).hasSize(4).allSatisfy(p -> assertThat(p.file()).isEqualTo(Path.of("en/a.md")));
    }

    @Test
    void aMissingContentFolderServesNothingInsteadOfFailing() {
        Library library = loader.load(dir.resolve("nope"));
        assertThat(library.all()).isEmpty();
    }

    @Test
    void listsAreOrderedByWeightThenNewest() throws IOException {
        write("en/old.md", article("Old", "lastmod: 2020-01-01\n"));
        write("en/new.md", article("New", "lastmod: 2024-01-01\n"));
        write("en/pinned.md", article("Pinned", "weight: 1\nlastmod: 2019-01-01\n"));
        assertThat(loader.load(dir).articles("en")).extracting(Article::title).containsExactly("Pinned", "New", "Old");
    }

    @Test
    void theShippedContentLoadsWithoutProblemsAndHasTheContractAnchorsInBothLanguages() {
        Library library = loader.load(Path.of("content"));
        assertThat(library.problems()).isEmpty();
        for (String lang : library.languages().codes()) {
            Article seed = library.articles(lang).stream()
                    .filter(a -> a.translationKey().equals("inbox-calendar-connection-errors"))
                    .findFirst().orElseThrow();
            assertThat(seed.lastmod()).contains(LocalDate.of(2024, 10, 4));
            for (String id : new String[] {"required-permissions", "mailbox-not-found", "rest-api-not-enabled",
                    "outlook-alias", "interaction-required", "admin-approval-required", "tenant-admin-consent",
                    "google-advanced-protection"}) {
                assertThat(seed.section(id)).as(lang + " #" + id).isPresent();
            }
        }
    }

    @Test
    void foldersBecomeCategoriesTitledByTheirIndexMdOrTheirName() throws IOException {
        write("pt/dispositivos-moveis/android.md", article("Android", ""));
        write("pt/Conexão/Erros/a.md", article("A", ""));
        write("pt/Conexão/_index.md", "---\ntitle: \"Conexões\"\ndescription: Tudo sobre conectar.\nweight: 2\ntranslationKey: conn\n---\nTexto.\n");
        write("pt/so-indice/_index.md", "Sem front matter: o título vem da pasta.\n");
        write("pt/top.md", article("No topo", ""));
        Library library = loader.load(dir);
        Catalog catalog = library.catalog();
        assertThat(library.problems()).isEmpty();
        assertThat(library.all()).extracting(Article::url)
                .containsExactlyInAnyOrder("/pt/dispositivos-moveis/android", "/pt/conexao/erros/a", "/pt/top");
        assertThat(catalog.category("/pt/dispositivos-moveis").orElseThrow().title()).isEqualTo("Dispositivos moveis");
        Category conexao = catalog.category("/pt/conexao").orElseThrow();
        assertThat(conexao.title()).isEqualTo("Conexões");
        assertThat(conexao.description()).isEqualTo("Tudo sobre conectar.");
        assertThat(conexao.weight()).isEqualTo(2);
        assertThat(conexao.translationKey()).isEqualTo("conn");
        assertThat(catalog.category("/pt/so-indice").orElseThrow().title()).isEqualTo("So indice");
        assertThat(catalog.subcategories(conexao)).extracting(Category::url).containsExactly("/pt/conexao/erros");
        assertThat(catalog.articleCount(conexao)).isEqualTo(1);
        assertThat(catalog.topCategories("pt")).extracting(Category::url)
                .containsExactly("/pt/conexao", "/pt/dispositivos-moveis", "/pt/so-indice");
        assertThat(catalog.topArticles("pt")).extracting(Article::url).containsExactly("/pt/top");
        assertThat(catalog.trail("/pt/conexao/erros/a")).extracting(Category::title).containsExactly("Conexões", "Erros");
    }

    @Test
    void aCategoryWhoseUrlIsAnArticlesIsReportedAndTheArticleKeepsTheUrl() throws IOException {
        write("en/guide.md", article("The guide", ""));
        write("en/guide/part-one.md", article("Part one", ""));
        write("en/search/x.md", article("X", ""));
        write("en/bad/_index.md", "---\ntitle: [unclosed\n---\n");
        write("en/bad/y.md", article("Y", ""));
        Library library = new ContentLoader(Set.of(), Set.of("/", "/search")).load(dir);
        assertThat(reasonFor(library, "en/guide")).contains("/en/guide is also the URL of the article en/guide.md");
        assertThat(reasonFor(library, "en/search")).contains("/en/search is a page of the site");
        assertThat(reasonFor(library, "en/bad/_index.md")).contains("bad YAML");
        assertThat(library.catalog().category("/en/guide")).isEmpty();
        assertThat(library.article("/en/guide").orElseThrow().title()).isEqualTo("The guide");
        // Its articles are still served, listed one level up; the broken _index.md leaves the folder's own title.
        assertThat(library.article("/en/guide/part-one")).isPresent();
        assertThat(library.catalog().topArticles("en")).extracting(Article::url).contains("/en/guide", "/en/guide/part-one");
        assertThat(library.catalog().category("/en/bad").orElseThrow().title()).isEqualTo("Bad");
    }
}
