package kb.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import kb.content.Article;
import kb.content.ArticleCodec;
import kb.content.ArticleStore;
import kb.content.Language;
import kb.content.Languages;
import kb.content.Library;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.NIOFSDirectory;
import org.apache.lucene.store.NoLockFactory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site's search index and article store, kept up to date file by file: one {@link IndexStore}
 * per language, under {@code <data>/index/<lang>/} (or in memory). The content loader asks it
 * which files it already holds and hands it every file it parses; {@link #publish} then makes one
 * consistent {@link SearchIndex} of what was handed over. An index folder that cannot be read, or
 * was written by another version of the site, is emptied and built again, never a crash.
 */
public final class SearchEngine implements ArticleStore, Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(SearchEngine.class);
    /** Bumped whenever what the index holds changes shape; an index of another version is built again. */
    private static final int VERSION = 4;

    private final Path folder;
    private final Map<String, IndexStore> stores = new ConcurrentHashMap<>();
    private final Map<String, String> analysisOf = new ConcurrentHashMap<>();
    /**
     * Commits run here, after a publish has already answered: an edit becomes visible without
     * waiting for the disk. One thread, and at most one commit waiting, however many publishes.
     */
    private final java.util.concurrent.Executor commits;
    /** The thread {@link #commits} runs on, when the engine made it: stopped by {@link #close}. */
    private final java.util.concurrent.ExecutorService committer;

    /** What each index's writer buffers before it writes a segment ({@link IndexStore#BUFFER_MB}). */
    private final double bufferMB;

    private SearchEngine(Path folder, java.util.concurrent.Executor commits, java.util.concurrent.ExecutorService committer,
            double bufferMB) {
        this.folder = folder;
        this.commits = commits;
        this.committer = committer;
        this.bufferMB = bufferMB;
    }

    /** Keeps the index in {@code folder} (made when missing): a restart with the same files does no work. */
    public static SearchEngine onDisk(Path folder) {
        java.util.concurrent.ExecutorService committer = new java.util.concurrent.ThreadPoolExecutor(1, 1, 0,
                java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.ArrayBlockingQueue<>(1), runnable -> {
                    Thread thread = new Thread(runnable, "index-commit");
                    thread.setDaemon(true);
                    return thread;
                }, new java.util.concurrent.ThreadPoolExecutor.DiscardPolicy());
        return new SearchEngine(folder, committer, committer, IndexStore.BUFFER_MB);
    }

    /** As {@link #onDisk(Path)}, with the commits a publish asks for run by {@code commits} (tests run them when they choose). */
    static SearchEngine onDisk(Path folder, java.util.concurrent.Executor commits) {
        return onDisk(folder, commits, IndexStore.BUFFER_MB);
    }

    /** As above, each index writing a segment every {@code bufferMB} of documents (tests make several). */
    static SearchEngine onDisk(Path folder, java.util.concurrent.Executor commits, double bufferMB) {
        return new SearchEngine(folder, commits, null, bufferMB);
    }

    /** Keeps the index in memory: every start indexes everything, and nothing is committed for a next run. */
    public static SearchEngine inMemory() {
        return new SearchEngine(null, commit -> { }, null, IndexStore.BUFFER_MB);
    }

    /**
     * Opens each language's index, before the loader asks about files: a language whose analysis
     * changed, or whose folder cannot be read, starts empty (its files are then parsed again).
     */
    @Override
    public synchronized void prepare(Languages languages) {
        List<Language> toOpen = new ArrayList<>();
        for (Language language : languages.all()) {
            if (!language.analysis().equals(analysisOf.get(language.code()))) {
                toOpen.add(language);
            }
        }
        // In parallel: a restart reads each language's articles from its index.
        toOpen.parallelStream().forEach(language -> {
            IndexStore old = stores.remove(language.code());
            if (old != null) {
                closeQuietly(old);
            }
            stores.put(language.code(), open(language));
            analysisOf.put(language.code(), language.analysis());
        });
    }

    private IndexStore open(Language language) {
        String stamp = "kb-index " + VERSION + ", article format " + ArticleCodec.FORMAT + ", analysis "
                + language.analysis() + ", code " + codeStamp();
        if (folder == null) {
            try {
                return new IndexStore(language, new ByteBuffersDirectory(), stamp, true, bufferMB);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path dir = folder.resolve(language.code());
        try {
            Files.createDirectories(dir);
            boolean exists;
            try (Directory probe = FSDirectory.open(dir)) {
                exists = org.apache.lucene.index.DirectoryReader.indexExists(probe);
            }
            if (exists) {
                Directory directory = directory(dir);
                try {
                    IndexStore store = new IndexStore(language, directory, stamp, false, bufferMB);
                    LOG.info("search index {}: {} files taken in before, from {}", language.code(), store.size(), dir);
                    return store;
                } catch (LockObtainFailedException e) {
                    directory.close();
                    throw new IllegalStateException("the index folder " + dir + " is in use by another process: "
                            + "each replica needs a data folder of its own (--data)", e);
                } catch (IOException | RuntimeException e) {
                    directory.close();
                    LOG.warn("search index {}: {} cannot be used ({}); building it again", language.code(), dir, e.toString());
                }
            }
            empty(dir);
            return new IndexStore(language, directory(dir), stamp, true, bufferMB);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the search index in " + dir, e);
        }
    }

    /**
     * The index folder as Lucene's default directory (memory-mapped), except that merges and the
     * stored pages read through the page cache with positional reads: a merge reads every segment
     * it merges once, and mapped, all of it would count in the process's resident memory, 250–350
     * MiB at the end of a cold start at 10,000 articles per language (bench/ANALYSIS.md); and the
     * pages, stored as they are ({@link PlainStoredCodec}), are read one at a time when the site has
     * not kept a page's bytes itself, so a crawler that reads every page leaves none of them mapped.
     * Searches keep the mapping.
     */
    static Directory directory(Path dir) throws IOException {
        Directory nio = new NIOFSDirectory(dir, NoLockFactory.INSTANCE);
        return new FilterDirectory(FSDirectory.open(dir)) {
            @Override
            public IndexInput openInput(String name, IOContext context) throws IOException {
                return context.context == IOContext.Context.MERGE || IndexFileNames.matchesExtension(name,
                        org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsWriter.FIELDS_EXTENSION)
                        ? nio.openInput(name, context) : in.openInput(name, context);
            }

            @Override
            public void close() throws IOException {
                try (nio) {
                    in.close();
                }
            }
        };
    }

    /**
     * Merges, one language after another, the segments a build from nothing left: its first
     * publish serves them as they are, so that a cold start answers sooner (see
     * {@link IndexStore#mergeBuildSegments}). Runs beside searches and edits; a publish then serves
     * the merged indexes. Not holding the engine's lock, it never delays {@link #close}, which
     * abandons it.
     *
     * @return whether any language's segments were merged
     */
    public boolean mergeBuildSegments() {
        boolean any = false;
        for (Map.Entry<String, IndexStore> store : stores.entrySet()) {
            try {
                any |= store.getValue().mergeBuildSegments();
            } catch (IOException | RuntimeException e) {
                // Closing the index aborts the merge (Lucene's message lists every segment): the cause says enough.
                Throwable cause = e;
                while (cause.getCause() != null) {
                    cause = cause.getCause();
                }
                LOG.info("search index {}: merging the build's segments stopped ({}); the next start merges them",
                        store.getKey(), cause.getClass().getSimpleName());
            }
        }
        return any;
    }

    /**
     * The last publish made again over the index as it is now (its build's segments merged since),
     * with the synonyms it searched with: the same library, nothing read from the content folder.
     */
    public synchronized SearchIndex republish(Library library) {
        Map<String, Synonyms> same = new HashMap<>();
        stores.forEach((lang, store) -> {
            if (store.publishedSynonyms() != null) {
                same.put(lang, store.publishedSynonyms());
            }
        });
        return publish(library, same);
    }

    /** Whether some language's index is being built from nothing: a cold start's load, until it publishes. */
    public boolean building() {
        return stores.values().stream().anyMatch(IndexStore::building);
    }

    /** Deletes everything in the folder (an index that could not be used), keeping the folder. */
    private static void empty(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        }
    }

    /**
     * What built this code: the jar's size and time when running from one, so that a new release
     * renders every article again; "classes" when running from a build folder.
     */
    private static String codeStamp() {
        try {
            Path code = Path.of(SearchEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(code)) {
                return Files.size(code) + "@" + Files.getLastModifiedTime(code).toMillis();
            }
        } catch (URISyntaxException | IOException | RuntimeException e) {
            LOG.debug("no code stamp", e);
        }
        return "classes";
    }

    @Override
    public Optional<Stored> stored(Path relative) {
        if (relative.getNameCount() < 2) {
            return Optional.empty();
        }
        IndexStore store = stores.get(relative.getName(0).toString());
        return store == null ? Optional.empty() : store.stored(relative);
    }

    @Override
    public Article keep(Article parsed, long size, long modified, byte[] fingerprint) {
        IndexStore store = stores.get(parsed.lang());
        if (store == null) {
            throw new IllegalStateException("no index for language " + parsed.lang() + ": prepare was not called with it");
        }
        return store.keep(parsed, size, modified, fingerprint);
    }

    /**
     * During a build from nothing, has each language's index write the documents it buffered, each
     * on a thread of its own, while the loader makes the library on its thread: the publish that
     * follows then commits what is already written, where the languages' last segments were written
     * and put on disk after the library, with nothing else to do meanwhile.
     */
    @Override
    public void keptAll() {
        if (!building()) {
            return;
        }
        stores.forEach((lang, store) -> {
            Thread writing = new Thread(store::writeAhead, "index-write-ahead-" + lang);
            writing.setDaemon(true);
            writing.start();
        });
    }

    /**
     * One consistent search index over what the library serves: files handed over since the last
     * publish become searchable, files the library no longer serves are removed, and a commit of
     * the whole is asked for (it runs after this returns). Languages with no change keep their index as it was.
     */
    public synchronized SearchIndex publish(Library library, Map<String, Synonyms> synonyms) {
        long started = System.nanoTime();
        prepare(library.languages());
        // The languages in parallel: after a first start, each has its last buffered documents to write.
        Map<String, LanguageIndex> byLang = new java.util.concurrent.ConcurrentHashMap<>();
        library.languages().codes().parallelStream().forEach(lang -> {
            try {
                byLang.put(lang, stores.get(lang).publish(library.articles(lang), synonyms.getOrDefault(lang, Synonyms.none())));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot update the search index of " + lang, e);
            }
        });
        SearchIndex index = new SearchIndex(library, byLang);
        LOG.info("search index published in {} ms: {}", (System.nanoTime() - started) / 1_000_000, index.describe());
        commits.execute(this::commit);
        return index;
    }

    /**
     * Writes every language's published index to disk (see {@link IndexStore#commit}); a publish
     * asks for this on its own, and {@link #close} does it last.
     */
    public void commit() {
        long started = System.nanoTime();
        int committed = 0;
        for (Map.Entry<String, IndexStore> store : stores.entrySet()) {
            try {
                committed += store.getValue().commit() ? 1 : 0;
            } catch (IOException | RuntimeException e) {
                LOG.warn("search index {}: commit failed ({}); the next start takes in again what changed since the last one",
                        store.getKey(), e.toString());
            }
        }
        if (committed > 0) {
            LOG.info("search index committed in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Publishes with the synonyms in {@code contentDir/synonyms/<lang>.txt} (a missing file means none). */
    public SearchIndex publish(Library library, Path contentDir) {
        return publish(library, SearchIndex.synonyms(library, contentDir));
    }

    @Override
    public synchronized void close() {
        if (committer != null) {
            committer.shutdown();
            try {
                committer.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stores.values().forEach(SearchEngine::closeQuietly);
        stores.clear();
        analysisOf.clear();
    }

    private static void closeQuietly(IndexStore store) {
        try {
            store.close();
        } catch (IOException | RuntimeException e) {
            LOG.warn("closing a search index: {}", e.toString());
        }
    }
}
