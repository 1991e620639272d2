package kb.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import kb.ContentFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reload after a few edits patches the previous library's lists instead of sorting everything
 * again; what readers see must be exactly what a fresh load of the same files gives: every list
 * in its order, the counts, the tags with their names, the recent articles, the translations.
 */
class PatchedLibraryTest {
    @TempDir
    Path dir;

    private static final String[] FOLDERS = {"", "mail/", "mail/rules/", "security/"};
    private static final String[] TAGS = {"OAuth", "oauth", "Segurança", "seguranca", "mail", "Calendar", "rules"};
    private static final String[] TITLES = {"Alpha", "alpha", "Beta", "Gamma", "Delta", "Zeta", "Étoile", "beta"};

    private String article(Random random, String lang, int n) {
        StringBuilder tags = new StringBuilder();
        for (int i = 0; i < random.nextInt(3); i++) {
            tags.append(i == 0 ? "" : ", ").append('"').append(TAGS[random.nextInt(TAGS.length)]).append('"');
        }
        return "---\ntitle: \"" + TITLES[random.nextInt(TITLES.length)] + " " + random.nextInt(4) + "\"\n"
                + (random.nextBoolean() ? "weight: " + random.nextInt(3) + "\n" : "")
                + (random.nextInt(4) > 0 ? "lastmod: 2024-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + "\n" : "")
                + (random.nextBoolean() ? "translationKey: k" + random.nextInt(12) + "\n" : "")
                + "tags: [" + tags + "]\n---\n\nText " + n + " in " + lang + ".\n";
    }

    private static String path(Random random, String lang, int n) {
        return lang + "/" + FOLDERS[random.nextInt(FOLDERS.length)] + "a" + n + ".md";
    }

    @Test
    void aPatchedLibraryListsExactlyWhatAFreshLoadLists() throws Exception {
        Random random = new Random(42);
        List<String> files = new ArrayList<>();
        for (int n = 0; n < 60; n++) {
            String lang = n % 2 == 0 ? "pt" : "en";
            String path = path(random, lang, n);
            files.add(path);
            ContentFiles.write(dir, path, article(random, lang, n));
        }
        ContentLoader loader = new ContentLoader(Set.of(), Set.of("/"));
        Library library = loader.load(dir);
        int next = 1000;
        for (int step = 0; step < 60; step++) {
            List<Path> changed = new ArrayList<>();
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                int kind = random.nextInt(6);
                if (kind == 0 && files.size() > 10) {
                    String gone = files.remove(random.nextInt(files.size()));
                    Files.deleteIfExists(dir.resolve(gone));
                    changed.add(dir.resolve(gone));
                } else if (kind == 1) {
                    String lang = random.nextBoolean() ? "pt" : "en";
                    String path = path(random, lang, next++);
                    files.add(path);
                    ContentFiles.write(dir, path, article(random, lang, next));
                    changed.add(dir.resolve(path));
                } else if (kind == 2) {
                    // Only the title: the file's folder and translation key stay.
                    String path = files.get(random.nextInt(files.size()));
                    String text = Files.readString(dir.resolve(path));
                    ContentFiles.write(dir, path, text.replaceFirst("title: \"[^\"]*\"", "title: \"" + TITLES[random.nextInt(TITLES.length)] + " " + step + "\""));
                    changed.add(dir.resolve(path));
                } else {
                    String path = files.get(random.nextInt(files.size()));
                    ContentFiles.write(dir, path, article(random, path.substring(0, 2), step));
                    changed.add(dir.resolve(path));
                }
            }
            library = loader.load(dir, library, Set.copyOf(changed));
            Library fresh = new ContentLoader(Set.of(), Set.of("/")).load(dir);
            assertThat(view(library)).as("after step %d", step).isEqualTo(view(fresh));
        }
    }

    @Test
    void aLanguagesFirstArticleIsListedAsRecentAndByItsTags() throws Exception {
        ContentFiles.write(dir, "pt/a.md", "---\ntitle: A\nlastmod: 2024-01-01\n---\n\nTexto.\n");
        ContentLoader loader = new ContentLoader(Set.of(), Set.of("/"));
        Library library = loader.load(dir);
        ContentFiles.write(dir, "en/b.md", "---\ntitle: B\nlastmod: 2024-02-01\n---\n\nText.\n");
        library = loader.load(dir, library, Set.of(dir.resolve("en/b.md")));
        assertThat(urls(library.catalog().recent("en"))).containsExactly("/en/b");
        assertThat(view(library)).isEqualTo(view(new ContentLoader(Set.of(), Set.of("/")).load(dir)));
    }

    @Test
    void aCategorysTranslationFollowsItsArticlesTranslationKeys() throws Exception {
        ContentFiles.write(dir, "pt/seguranca/a.md", "---\ntitle: A\ntranslationKey: a\n---\n\nTexto.\n");
        ContentFiles.write(dir, "pt/seguranca/b.md", "---\ntitle: B\ntranslationKey: b\n---\n\nTexto.\n");
        ContentFiles.write(dir, "en/security/a.md", "---\ntitle: A\ntranslationKey: a\n---\n\nText.\n");
        ContentFiles.write(dir, "en/security/b.md", "---\ntitle: B\ntranslationKey: b\n---\n\nText.\n");
        ContentFiles.write(dir, "en/mail/c.md", "---\ntitle: C\ntranslationKey: c\n---\n\nText.\n");
        ContentFiles.write(dir, "en/mail/d.md", "---\ntitle: D\ntranslationKey: d\n---\n\nText.\n");
        ContentLoader loader = new ContentLoader(Set.of(), Set.of("/"));
        Library library = loader.load(dir);
        assertThat(library.catalog().translation(library.catalog().category("/pt/seguranca").orElseThrow(), "en").map(Category::url))
                .contains("/en/security");
        // Both Portuguese articles now translate articles of mail/: the folder's translation moves there.
        ContentFiles.write(dir, "pt/seguranca/a.md", "---\ntitle: A\ntranslationKey: c\n---\n\nTexto.\n");
        ContentFiles.write(dir, "pt/seguranca/b.md", "---\ntitle: B\ntranslationKey: d\n---\n\nTexto.\n");
        library = loader.load(dir, library, Set.of(dir.resolve("pt/seguranca/a.md"), dir.resolve("pt/seguranca/b.md")));
        Library fresh = new ContentLoader(Set.of(), Set.of("/")).load(dir);
        assertThat(view(library)).isEqualTo(view(fresh));
        assertThat(library.catalog().translation(library.catalog().category("/pt/seguranca").orElseThrow(), "en").map(Category::url))
                .contains("/en/mail");
    }

    @Test
    void editsThatKeepEveryClaimReadOnlyTheEditedFilesAndGiveWhatAFreshLoadGives() throws Exception {
        Random random = new Random(11);
        List<String> files = new ArrayList<>();
        java.util.function.BiFunction<String, Integer, String> text = (lang, n) -> {
            StringBuilder links = new StringBuilder();
            for (int i = 0; i < random.nextInt(3); i++) {
                String to = files.isEmpty() || random.nextInt(4) == 0 ? lang + "/nowhere" + random.nextInt(3)
                        : files.get(random.nextInt(files.size())).replace(".md", "");
                // A section of it, sometimes: whether that is there changes when the other file is edited.
                links.append(" See [this](/").append(to).append(random.nextBoolean() ? "#p" + random.nextInt(3) : "").append(").");
            }
            String tags = random.nextBoolean() ? "\"" + TAGS[random.nextInt(TAGS.length)] + "\"" : "";
            return "---\ntitle: \"" + TITLES[random.nextInt(TITLES.length)] + " " + random.nextInt(4) + "\"\n"
                    + (random.nextBoolean() ? "weight: " + random.nextInt(3) + "\n" : "")
                    + "lastmod: 2024-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + "\n"
                    + "translationKey: k" + n + "\ntags: [" + tags + "]\n---\n\nText" + links + "\n"
                    + "\n## Part {#p" + random.nextInt(3) + "}\n\nMore.\n";
        };
        for (int n = 0; n < 40; n++) {
            for (String lang : List.of("pt", "en")) {
                String path = path(random, lang, n);
                ContentFiles.write(dir, path, text.apply(lang, n));
                files.add(path);
            }
        }
        ContentLoader loader = new ContentLoader(Set.of(), Set.of("/"));
        Library library = loader.load(dir);
        assertThat(library.problems()).isEmpty();
        assertThat(library.brokenLinks()).isNotEmpty();
        int next = 1000;
        for (int step = 0; step < 50; step++) {
            List<Path> changed = new ArrayList<>();
            boolean claimsKept = random.nextInt(4) > 0;
            for (int e = 0; e < 1 + random.nextInt(3); e++) {
                if (claimsKept || random.nextBoolean()) {
                    // Title, weight, date, tags and links change; the file, its URL and translation key stay.
                    String path = files.get(random.nextInt(files.size()));
                    String key = Files.readString(dir.resolve(path)).replaceAll("(?s).*translationKey: k(\\d+).*", "$1");
                    ContentFiles.write(dir, path, text.apply(path.substring(0, 2), Integer.parseInt(key)));
                    changed.add(dir.resolve(path));
                } else {
                    String lang = random.nextBoolean() ? "pt" : "en";
                    String path = path(random, lang, next);
                    ContentFiles.write(dir, path, text.apply(lang, next++));
                    files.add(path);
                    changed.add(dir.resolve(path));
                }
            }
            int collations = loader.collations();
            library = loader.load(dir, library, Set.copyOf(changed));
            Library fresh = new ContentLoader(Set.of(), Set.of("/")).load(dir);
            assertThat(view(library)).as("after step %d", step).isEqualTo(view(fresh));
            if (claimsKept) {
                assertThat(loader.collations()).as("step %d only edited files: no file but those was looked at", step)
                        .isEqualTo(collations);
            }
        }
    }

    /** What readers can see of a library, as text. */
    private static List<String> view(Library library) {
        List<String> out = new ArrayList<>();
        out.add("version " + library.version());
        out.add("problems " + library.problems());
        out.add("broken links " + library.brokenLinks());
        Catalog catalog = library.catalog();
        for (String lang : library.languages().codes()) {
            out.add(lang + " articles " + urls(library.articles(lang)));
            out.add(lang + " top " + urls(catalog.topArticles(lang)));
            out.add(lang + " recent " + urls(catalog.recent(lang)));
            out.add(lang + " tags " + catalog.tags(lang));
            for (Tag tag : catalog.tags(lang)) {
                out.add(lang + " tag " + tag.slug() + " " + urls(catalog.articles(tag)));
            }
            for (Category c : catalog.categories(lang)) {
                out.add(c.url() + " " + catalog.articleCount(c) + " " + urls(catalog.articles(c)) + " " + catalog.subcategories(c));
                for (String other : library.languages().codes()) {
                    out.add(c.url() + " in " + other + " " + catalog.translation(c, other).map(Category::url));
                }
            }
            for (Article a : library.articles(lang)) {
                for (String other : library.languages().codes()) {
                    out.add(a.url() + " in " + other + " " + library.translation(a, other).map(Article::url)
                            + " tags " + catalog.tagsOf(a) + " related " + urls(catalog.related(a)));
                }
            }
        }
        return out;
    }

    private static List<String> urls(List<Article> articles) {
        return articles.stream().map(Article::url).toList();
    }
}
