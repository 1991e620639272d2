package kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import kb.content.Article;
import kb.content.ArticleStore;
import kb.content.ContentLoader;
import kb.content.Languages;
import kb.content.Library;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index kept in the data folder: work grows with what changed. An edit parses and indexes one
 * file; a restart with the same files parses none; files changed while the site was stopped are
 * the only ones redone; a data folder that cannot be read is built again.
 */
class PersistentIndexTest {
    @TempDir
    Path content;
    @TempDir
    Path data;
    @TempDir
    Path crashes;

    /** The engine as the loader sees it, counting the files handed over (parsed and indexed). */
    private static final class Counting implements ArticleStore {
        final SearchEngine engine;
        final List<Path> parsed = new ArrayList<>();

        Counting(SearchEngine engine) {
            this.engine = engine;
        }

        @Override
        public void prepare(Languages languages) {
            engine.prepare(languages);
        }

        @Override
        public Optional<Stored> stored(Path relative) {
            return engine.stored(relative);
        }

        @Override
        public synchronized Article keep(Article parsed, long size, long modified, byte[] fingerprint) {
            this.parsed.add(parsed.source());
            return engine.keep(parsed, size, modified, fingerprint);
        }

        @Override
        public void keptAll() {
            engine.keptAll();
        }
    }

    /** One run of the site: an engine on the data folder and a loader that asks it. */
    private final class Run implements AutoCloseable {
        final Counting store;
        final ContentLoader loader;
        Library library;
        SearchIndex index;

        Run() {
            this(SearchEngine.onDisk(data.resolve("index")));
        }

        Run(SearchEngine engine) {
            store = new Counting(engine);
            loader = new ContentLoader(Set.of(), Set.of("/"), store);
        }

        Run load() {
            library = loader.load(content);
            index = store.engine.publish(library, content);
            return this;
        }

        Run reload(Path... changed) {
            Set<Path> paths = Set.of(Stream.of(changed).map(p -> content.resolve(p).toAbsolutePath()).toArray(Path[]::new));
            library = loader.load(content, library, paths);
            index = store.engine.publish(library, content);
            return this;
        }

        List<String> urls(String query, String lang) {
            return index.search(query, lang, 10).results().stream().map(SearchHit::url).toList();
        }

        @Override
        public void close() {
            store.engine.close();
        }
    }

    private void write(String path, String title, String body) throws IOException {
        Path file = content.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "---\ntitle: \"" + title + "\"\n---\n\nIntro.\n\n## Seção {#secao}\n\n" + body + "\n", StandardCharsets.UTF_8);
    }

    private void threeArticlesAndTwoHundredTopics() throws IOException {
        threeArticles();
        for (int i = 0; i < 200; i++) {
            write("pt/t" + i + ".md", "Tópico " + i, "O calendário " + i + " da equipe não sincroniza com a caixa de entrada.");
        }
    }

    /** A run whose index writes a segment every few articles, as 48 MB do at 10,000 articles. */
    private Run inSmallSegments() {
        return new Run(SearchEngine.onDisk(data.resolve("index"), Runnable::run, 0.05)).load();
    }

    private void threeArticles() throws IOException {
        write("pt/a.md", "Calendário compartilhado", "O calendário da equipe não sincroniza.");
        write("pt/b.md", "Caixa de entrada", "Mensagens presas na caixa de saída.");
        write("en/c.md", "Shared calendar", "The team calendar does not sync.");
    }

    @Test
    void errorCodesArePlacedAfterEditsAsAFreshBuildPlacesThem() throws Exception {
        java.util.Random random = new java.util.Random(7);
        String[] codes = {"AADSTS50020", "AADSTS65001", "OFFICE_ERROR_ONE", "OFFICE_ERROR_TWO", "REST_API_NOT_ENABLED"};
        java.util.function.IntFunction<String> article = n -> {
            StringBuilder text = new StringBuilder("---\ntitle: \"T" + random.nextInt(5) + "\"\nweight: " + random.nextInt(3) + "\n---\n\n");
            if (random.nextInt(3) == 0) {
                text.append("Intro names ").append(codes[random.nextInt(codes.length)]).append(".\n\n");
            }
            for (int s = 0; s < 2; s++) {
                text.append("## Part ").append(s).append(" {#p").append(s).append("}\n\nFirst ")
                        .append(random.nextBoolean() ? codes[random.nextInt(codes.length)] : "nothing").append(".\n\nLater ")
                        .append(codes[random.nextInt(codes.length)]).append(".\n\n");
            }
            return text.toString();
        };
        for (int n = 0; n < 12; n++) {
            Files.createDirectories(content.resolve("en"));
            Files.writeString(content.resolve("en/a" + n + ".md"), article.apply(n), StandardCharsets.UTF_8);
        }
        try (Run run = new Run().load()) {
            for (int step = 0; step < 40; step++) {
                // One to three files at a time: a code's place may move between two changed files.
                Set<Path> edited = new java.util.LinkedHashSet<>();
                for (int e = 1 + random.nextInt(3); e > 0; e--) {
                    edited.add(Path.of("en/a" + random.nextInt(14) + ".md"));
                }
                for (Path e : edited) {
                    if (random.nextInt(5) == 0) {
                        Files.deleteIfExists(content.resolve(e));
                    } else {
                        Files.writeString(content.resolve(e), article.apply(step), StandardCharsets.UTF_8);
                    }
                }
                run.reload(edited.toArray(Path[]::new));
                SearchIndex fresh = SearchIndex.build(new ContentLoader(Set.of(), Set.of("/")).load(content), content);
                for (String code : codes) {
                    assertThat(run.index.urlForErrorCode("en", code)).as("%s after step %d", code, step)
                            .isEqualTo(fresh.urlForErrorCode("en", code));
                }
            }
        }
    }

    /**
     * A build adds each file's words to its language's total as it keeps the file, so a file kept
     * twice before the first publish (changed while the build read it), or kept and then no longer
     * served, must not leave its first words counted: the vocabulary is the one a build of the
     * final files makes.
     */
    @Test
    void aFileChangedOrRemovedWhileTheBuildReadsItLeavesOnlyWhatIsServedInTheVocabulary() throws Exception {
        threeArticles();
        write("pt/d.md", "Quarentena", "A quarentena do antispam retém a mensagem do calendário.");
        List<Runnable> commitsAsked = new ArrayList<>(); // never run: only the build's own commit is written
        try (Run run = new Run(SearchEngine.onDisk(data.resolve("index"), commitsAsked::add))) {
            run.library = run.loader.load(content);
            write("pt/a.md", "Calendário compartilhado", "O calendário da equipe sincroniza de novo.");
            run.library = run.loader.load(content, run.library, Set.of(content.resolve("pt/a.md").toAbsolutePath()));
            Files.delete(content.resolve("pt/d.md"));
            run.library = run.loader.load(content, run.library, Set.of(content.resolve("pt/d.md").toAbsolutePath()));
            assertThat(run.store.engine.building()).as("nothing published yet: one build").isTrue();
            run.index = run.store.engine.publish(run.library, content);

            LanguageIndex built = run.index.languageIndex("pt");
            assertThat(built.knows("quarentena")).as("the removed file's word").isFalse();
            assertThat(built.knows("antispam")).isFalse();
            assertThat(built.wordCount("novo")).isEqualTo(1);

            sameVocabulary(built);
            // And so does a restart after a crash, which reads the total from the build's own commit.
            Path crashed = crashedCopy("build");
            try (Run restarted = new Run(SearchEngine.onDisk(crashed.resolve("index"))).load()) {
                assertThat(restarted.store.parsed).isEmpty();
                sameVocabulary(restarted.index.languageIndex("pt"));
            }
        }
    }

    /** The Portuguese vocabulary of a build of the content as it is now, in a data folder of its own. */
    private void sameVocabulary(LanguageIndex built) {
        try (Run control = new Run(SearchEngine.onDisk(crashes.resolve("fresh"))).load()) {
            LanguageIndex expected = control.index.languageIndex("pt");
            assertThat(built.vocabularySize()).isEqualTo(expected.vocabularySize());
            for (String word : List.of("calendário", "equipe", "sincroniza", "novo", "mensagens", "caixa", "entrada")) {
                assertThat(built.wordCount(word)).as(word).isEqualTo(expected.wordCount(word));
            }
        }
    }

    @Test
    void anEditParsesAndIndexesOnlyTheEditedFile() throws Exception {
        threeArticles();
        try (Run run = new Run().load()) {
            assertThat(run.store.parsed).hasSize(3);
            assertThat(run.index.languageIndex("pt").reader().numDocs()).as("2 articles: each itself, its section, its words").isEqualTo(6);
            run.store.parsed.clear();

            write("pt/b.md", "Caixa de entrada", "Mensagens presas na caixa de saída; quarentena do antispam.");
            run.reload(Path.of("pt/b.md"));

            assertThat(run.store.parsed).containsExactly(Path.of("pt/b.md"));
            assertThat(run.urls("quarentena", "pt")).containsExactly("/pt/b#secao");
            assertThat(run.urls("sincroniza", "pt")).contains("/pt/a#secao");
            // The edited file's documents replaced its old ones: as many live documents as before.
            assertThat(run.index.languageIndex("pt").reader().numDocs()).isEqualTo(6);
            // Its old documents are gone: the word it no longer has finds only the other article.
            write("pt/b.md", "Caixa de entrada", "Sem mensagens.");
            run.reload(Path.of("pt/b.md"));
            assertThat(run.urls("quarentena", "pt")).isEmpty();
            assertThat(run.index.full(run.library.article("/pt/b").orElseThrow()).html()).contains("Sem mensagens.");
        }
    }

    @Test
    void anArticleReadBackFromTheIndexIsTheArticleAsParsedWithItsHtmlAndEverySectionsText() throws Exception {
        // The shipped articles: headings at several levels, an intro, code, lists, links.
        try (Stream<Path> files = Files.walk(TestContent.SHIPPED)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = content.resolve(TestContent.SHIPPED.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
        // Parsed in memory with the same settings as the runs' loader: every article whole.
        Library parsed = new ContentLoader(Set.of(), Set.of("/")).load(content);
        try (Run first = new Run().load()) {
            assertThat(first.library.all()).hasSameSizeAs(parsed.all());
        }
        try (Run second = new Run().load()) {
            assertThat(second.store.parsed).isEmpty();
            for (Article original : parsed.all()) {
                Article slim = second.library.article(original.url()).orElseThrow();
                assertThat(slim.hasBody()).isFalse();
                Article full = second.index.full(slim);
                assertThat(full.html()).isEqualTo(original.html());
                assertThat(full.sections()).isEqualTo(original.sections());
            }
        }
    }

    @Test
    void aRestartWithTheSameFilesParsesNothingAndServesTheSame() throws Exception {
        threeArticles();
        List<String> before;
        String html;
        try (Run first = new Run().load()) {
            before = first.urls("calendário", "pt");
            html = first.index.full(first.library.article("/pt/a").orElseThrow()).html();
        }
        try (Run second = new Run().load()) {
            assertThat(second.store.parsed).isEmpty();
            assertThat(second.urls("calendário", "pt")).isEqualTo(before);
            // Snippets are cut from the stored section text, the article being slim in memory.
            assertThat(second.index.search("sincroniza", "pt", 10).results().get(0).snippet()).contains("<mark>sincroniza</mark>");
            Article a = second.library.article("/pt/a").orElseThrow();
            assertThat(a.hasBody()).as("the library holds the article slim").isFalse();
            assertThat(second.index.full(a).html()).isEqualTo(html);
            // Typos are corrected against the words the first run counted.
            assertThat(second.index.search("calendaro", "pt", 10).suggestion()).isEqualTo("calendário");
            assertThat(second.index.urlForErrorCode("pt", "NOT_A_CODE_HERE")).isEmpty();
        }
    }

    @Test
    void onlyAStartFromNothingSaysItIsBuildingAndOnlyUntilItPublishes() throws Exception {
        threeArticles();
        try (Run run = new Run()) {
            run.library = run.loader.load(content);
            assertThat(run.store.engine.building()).as("every file parsed, nothing published yet").isTrue();
            run.index = run.store.engine.publish(run.library, content);
            assertThat(run.store.engine.building()).isFalse();
            write("pt/novo.md", "Novo", "Um artigo novo.");
            run.reload(Path.of("pt/novo.md"));
            assertThat(run.store.engine.building()).as("an edit").isFalse();
        }
        try (Run warm = new Run()) {
            warm.library = warm.loader.load(content);
            assertThat(warm.store.engine.building()).as("a start that reads the index it left").isFalse();
        }
    }

    /**
     * Once a build has handed over every file, each language's buffered documents are written while
     * the loader makes its library (the publish's commit finds them written), and the publish
     * serves them as it would have.
     */
    @Test
    void aBuildWritesItsDocumentsBeforeItsPublishAndThePublishServesThem() throws Exception {
        threeArticles();
        try (Run run = new Run()) {
            run.library = run.loader.load(content);
            Path pt = data.resolve("index").resolve("pt");
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (segmentFiles(pt) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(segmentFiles(pt)).as("segments written before the publish").isPositive();
            assertThat(run.store.engine.building()).isTrue();
            run.index = run.store.engine.publish(run.library, content);
            assertThat(run.urls("sincroniza", "pt")).containsExactly("/pt/a#secao");
            assertThat(run.urls("sync", "en")).containsExactly("/en/c#secao");
        }
    }

    private static long segmentFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".si")).count();
        }
    }

    @Test
    void aBuildIsServedAsWrittenThenInOneSegmentAndAnEditsSegmentIsLeftToLucene() throws Exception {
        threeArticlesAndTwoHundredTopics();
        List<String> built;
        try (Run run = inSmallSegments()) {
            assertThat(run.index.languageIndex("pt").reader().leaves()).as("served as the build wrote it").hasSizeGreaterThan(1);
            List<String> unmerged = run.urls("calendário sincroniza", "pt");
            // An edit before the merge is served at once, and merged with the rest.
            write("pt/t3.md", "Tópico 3", "O calendário três agora sincroniza.");
            run.reload(Path.of("pt/t3.md"));
            assertThat(run.urls("calendário três", "pt")).first().isEqualTo("/pt/t3#secao");
            unmerged = run.urls("calendário sincroniza", "pt");
            SearchIndex served = run.index;
            assertThat(run.store.engine.mergeBuildSegments()).isTrue();
            assertThat(served.search("calendário sincroniza", "pt", 10).results()).as("the served index, while and after the merge")
                    .extracting(SearchHit::url).isEqualTo(unmerged);
            run.index = run.store.engine.publish(run.library, content);
            assertThat(run.index.languageIndex("pt").reader().leaves()).hasSize(1);
            assertThat(run.store.engine.mergeBuildSegments()).as("merged once").isFalse();
            built = run.urls("calendário sincroniza", "pt");
            assertThat(built).isEqualTo(unmerged).contains("/pt/a#secao");
            assertThat(run.urls("calendário três", "pt")).first().isEqualTo("/pt/t3#secao");
            write("pt/t7.md", "Tópico 7", "O calendário sete agora sincroniza.");
            run.reload(Path.of("pt/t7.md"));
            assertThat(run.index.languageIndex("pt").reader().leaves()).as("the edit's own segment").hasSize(2);
        }
        try (Run second = new Run().load()) {
            assertThat(second.store.parsed).isEmpty();
            assertThat(second.index.languageIndex("pt").reader().leaves()).as("an edit's segment is not merged at a start").hasSize(2);
            assertThat(second.urls("calendário sete", "pt")).first().isEqualTo("/pt/t7#secao");
        }
    }

    @Test
    void theMergedIndexIsServedWithTheSynonymsItWasPublishedWith() throws Exception {
        threeArticlesAndTwoHundredTopics();
        Path synonyms = content.resolve("synonyms/pt.txt");
        Files.createDirectories(synonyms.getParent());
        Files.writeString(synonyms, "agenda, calendário\n", StandardCharsets.UTF_8);
        try (Run run = inSmallSegments()) {
            assertThat(run.urls("agenda da equipe", "pt")).contains("/pt/a#secao");
            assertThat(run.store.engine.mergeBuildSegments()).isTrue();
            // The folder's synonyms change meanwhile: that is a reload's to take in, with its version.
            Files.delete(synonyms);
            run.index = run.store.engine.republish(run.library);
            assertThat(run.index.languageIndex("pt").reader().leaves()).hasSize(1);
            assertThat(run.urls("agenda da equipe", "pt")).contains("/pt/a#secao");
        }
    }

    @Test
    void closingBeforeOrDuringTheMergeKeepsWhatWasServedForTheNextStart() throws Exception {
        threeArticlesAndTwoHundredTopics();
        List<String> served;
        try (Run run = inSmallSegments()) {
            served = run.urls("calendário sincroniza", "pt");
            // Closed before the merge ran.
        }
        try (Run second = inSmallSegments()) {
            assertThat(second.store.parsed).as("nothing parsed again").isEmpty();
            assertThat(second.urls("calendário sincroniza", "pt")).isEqualTo(served);
            assertThat(second.index.languageIndex("pt").reader().leaves()).as("still as the build wrote it").hasSizeGreaterThan(1);
            // Closed while it merges, or just after: either way nothing is lost.
            Thread merging = new Thread(second.store.engine::mergeBuildSegments);
            merging.start();
            second.close();
            merging.join();
        }
        try (Run third = new Run().load()) {
            assertThat(third.store.parsed).isEmpty();
            assertThat(third.urls("calendário sincroniza", "pt")).isEqualTo(served);
        }
    }

    /** The data folder as a crash would leave it now: its files, without the writer's lock. */
    private Path crashedCopy(String name) throws IOException {
        Path copy = crashes.resolve(name);
        // The writer may be writing meanwhile: a temporary file of its, gone since the listing (or
        // while it is listed), is skipped; no commit names it.
        Files.walkFileTree(data, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(Path dir, java.nio.file.attribute.BasicFileAttributes attrs)
                    throws IOException {
                Files.createDirectories(copy.resolve(data.relativize(dir).toString()));
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFile(Path f, java.nio.file.attribute.BasicFileAttributes attrs) throws IOException {
                if (!f.getFileName().toString().equals("write.lock")) {
                    try {
                        Files.copy(f, copy.resolve(data.relativize(f).toString()));
                    } catch (java.nio.file.NoSuchFileException e) {
                        // gone since the listing
                    }
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                if (e instanceof java.nio.file.NoSuchFileException) {
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        return copy;
    }

    @Test
    void anEditIsServedBeforeItIsCommittedAndACrashBeforeTheCommitCostsOnlyThatFile() throws Exception {
        threeArticles();
        List<Runnable> asked = new ArrayList<>();
        try (Run run = new Run(SearchEngine.onDisk(data.resolve("index"), asked::add)).load()) {
            assertThat(asked).as("the publish asked for a commit").isNotEmpty();
            asked.forEach(Runnable::run);
            asked.clear();

            write("pt/b.md", "Caixa de entrada", "Mensagens presas na quarentena.");
            run.reload(Path.of("pt/b.md"));
            assertThat(run.urls("quarentena", "pt")).as("served before any commit").containsExactly("/pt/b#secao");
            Path beforeCommit = crashedCopy("before");
            asked.forEach(Runnable::run);
            Path afterCommit = crashedCopy("after");

            try (Run restarted = new Run(SearchEngine.onDisk(beforeCommit.resolve("index"))).load()) {
                assertThat(restarted.store.parsed).as("only the file changed since the last commit").containsExactly(Path.of("pt/b.md"));
                assertThat(restarted.urls("quarentena", "pt")).containsExactly("/pt/b#secao");
            }
            try (Run restarted = new Run(SearchEngine.onDisk(afterCommit.resolve("index"))).load()) {
                assertThat(restarted.store.parsed).isEmpty();
                assertThat(restarted.urls("quarentena", "pt")).containsExactly("/pt/b#secao");
                // The committed word counts are the edit's: its new word is known to typo correction.
                assertThat(restarted.index.search("quarentenna", "pt", 10).suggestion()).isEqualTo("quarentena");
            }
        }
    }

    @Test
    void filesChangedAddedOrRemovedWhileStoppedAreTheOnlyOnesRedone() throws Exception {
        threeArticles();
        try (Run first = new Run().load()) {
            assertThat(first.store.parsed).hasSize(3);
        }
        write("pt/a.md", "Calendário compartilhado", "Agora fala de delegação.");
        write("pt/d.md", "Novo artigo", "Sobre delegação também.");
        Files.delete(content.resolve("en/c.md"));
        try (Run second = new Run().load()) {
            assertThat(second.store.parsed).containsExactlyInAnyOrder(Path.of("pt/a.md"), Path.of("pt/d.md"));
            assertThat(second.urls("delegação", "pt")).containsExactlyInAnyOrder("/pt/a#secao", "/pt/d#secao");
            assertThat(second.urls("calendar", "en")).noneMatch(u -> u.startsWith("/en/"));
            assertThat(second.library.article("/en/c")).isEmpty();
        }
    }

    @Test
    void anUnreadableDataFolderIsBuiltAgainNotACrash() throws Exception {
        threeArticles();
        try (Run first = new Run().load()) {
            assertThat(first.urls("calendário", "pt")).isNotEmpty();
        }
        // Every file of the Portuguese index overwritten with garbage, the English one deleted.
        try (Stream<Path> files = Files.list(data.resolve("index/pt"))) {
            for (Path f : files.toList()) {
                Files.write(f, "not an index".getBytes(StandardCharsets.UTF_8));
            }
        }
        try (Stream<Path> files = Files.walk(data.resolve("index/en"))) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
        try (Run second = new Run().load()) {
            assertThat(second.store.parsed).hasSize(3);
            assertThat(second.urls("sincroniza", "pt")).contains("/pt/a#secao");
            assertThat(second.urls("sync", "en")).contains("/en/c#secao");
        }
        try (Run third = new Run().load()) {
            assertThat(third.store.parsed).as("the rebuilt folder is used by the next start").isEmpty();
        }
    }
}
