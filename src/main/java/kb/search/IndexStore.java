package kb.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kb.content.Article;
import kb.content.ArticleCodec;
import kb.content.ArticleStore;
import kb.content.Language;
import kb.content.Section;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One language's index, kept between changes and between runs: Lucene's directory (on disk in the
 * data folder, or in memory) holding, for each article file, its searchable documents (the article
 * and each section), the article itself (kept {@link Article#slim() slim} in memory, its body on
 * disk), what the file was when taken in (size, time, digest), the error codes it names and the
 * words it uses. A changed file replaces its documents in one atomic block; {@link #publish}
 * opens a near-real-time reader and gives an immutable {@link LanguageIndex} over it, and
 * {@link #commit} (later, off the reload's path) makes it what the next run starts from.
 *
 * <p>{@link #keep} may be called from several threads at once (the loader's); {@link #publish} and
 * {@link #close} from one thread at a time; {@link #commit} from any thread.
 */
final class IndexStore implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(IndexStore.class);
    /** How much the writer buffers before it writes a segment (tests ask for less, to make several). */
    static final double BUFFER_MB = 48;
    /** Every document of a file: how its documents are replaced or deleted together. Also sorted doc values. */
    static final String PATH = "path";
    /** The words document only, by path: the article's word counts. */
    static final String WORDS_OF = "words_of";
    /** Doc values: the section's position in its article; {@link #WHOLE} for the article, {@link #NONE} for the words document. */
    static final String SECTION = "section";
    static final long WHOLE = -1;
    static final long NONE = -2;
    private static final String META = "meta";
    private static final String BODY = "stored_body";
    private static final String FILE = "file";
    private static final String CODES = "codes";
    private static final String WORDS = "stored_words";
    /**
     * A section document's text, as a doc value: snippets are cut from it without reading the
     * article's body, and reading it decompresses nothing (stored fields do, a block at a time).
     */
    static final String SECTION_TEXT = "section_text";
    /** Commit data: what wrote the index (see {@link #stamp}), and the language's word counts. */
    static final String STAMP_KEY = "kb.stamp";
    private static final String WORDS_KEY = "kb.words";

    private static final FieldType TEXT = TextField.TYPE_NOT_STORED;
    /**
     * Body text also keeps each term's offsets in its postings: a snippet finds its marks there
     * instead of analysing the section's text again for every hit shown (a fifth of a search's work).
     */
    private static final FieldType BODY_TEXT = bodyText();

    private final Analysis analysis;
    private final String stamp;
    private final Directory directory;
    private final IndexWriter writer;
    private final ThreadLocal<WordCounts.Target> targets = ThreadLocal.withInitial(() -> new WordCounts.Target(null));
    private final Map<Path, ArticleStore.Stored> known = new ConcurrentHashMap<>();
    private final Map<Path, List<ErrorCodes.Found>> codes = new ConcurrentHashMap<>();
    /**
     * The files that name each code: where a code's place can be, when it must be found again
     * among all of them (its place's own file changed). Made the first time that happens, not at
     * start, and kept up to date from then on.
     */
    private volatile Map<String, Set<Path>> namedBy;
    /** The codes named or no longer named by a file since the last publish: their places are found again. */
    private final Set<String> codesChanged = ConcurrentHashMap.newKeySet();
    /** The files whose codes were set since the last publish: the only ones that can take a code's place. */
    private final Set<Path> codesTouched = ConcurrentHashMap.newKeySet();
    /** The error codes of the last publish, to change only where files changed; null before the first. */
    private volatile ErrorCodes publishedCodes;
    /**
     * Keeps exclude a commit (they hold it shared; publish and commit hold it alone): a commit
     * must write the documents and the word counts of one and the same publish.
     */
    private final java.util.concurrent.locks.ReadWriteLock gate = new java.util.concurrent.locks.ReentrantReadWriteLock();
    /** Whether a publish changed the index since the last commit. */
    private boolean uncommitted;
    /** The build's segments are served unmerged: {@link #mergeBuildSegments} has yet to merge them. */
    private volatile boolean mergeOwed;
    /** They were merged since the last publish, which is to serve them so. */
    private boolean merged;
    private boolean closed;
    /**
     * Files kept since the last publish, with their word counts ({@link WordCounts#toBytes}), which
     * the total gets when published; during a build, with none ({@link #BUILT}): the total got them already.
     */
    private final Map<Path, byte[]> pending = new ConcurrentHashMap<>();
    /** What {@link #pending} holds for a file a build kept: its words went straight into the total. */
    private static final byte[] BUILT = new byte[0];
    /**
     * The published word counts of every article; during a build, also those of every article kept
     * since (each keep adds its own, holding the total's lock, where holding each article's counts
     * until the publish held tens of megabytes at 10,000 articles, and added them all on one thread).
     */
    private final WordCounts words;
    /** A build kept a file twice, or kept one it no longer serves: its first publish counts the words again from the index. */
    private volatile boolean recount;
    /** Each segment's entries, by its core: a segment never changes, only which of its documents live. */
    private final Map<Object, Entry[]> segments = new HashMap<>();
    /** What the last publish opened; null while a fresh index is built (see {@link #building}). */
    private volatile DirectoryReader reader;
    private Vocabulary vocabulary;
    private LanguageIndex published;
    private Synonyms publishedSynonyms;

    /**
     * Opens the index in the directory, or makes it empty when told to start over.
     *
     * @param fresh whether to start with an empty index whatever the directory holds
     * @param bufferMB how much the writer buffers before it writes a segment ({@link #BUFFER_MB})
     * @throws IOException when the directory holds an index that cannot be read (the caller starts over)
     */
    IndexStore(Language language, Directory directory, String stamp, boolean fresh, double bufferMB) throws IOException {
        this.analysis = new Analysis(language.code(), language.analysis());
        this.stamp = stamp;
        this.directory = directory;
        IndexWriterConfig config = new IndexWriterConfig(analysis.forIndex(targets))
                .setOpenMode(fresh ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)
                .setRAMBufferSizeMB(bufferMB)
                .setUseCompoundFile(false)
                .setCodec(new PlainStoredCodec())
                .setCommitOnClose(false)
                // A commit after an edit does not wait for small segments to be merged.
                .setMaxFullFlushMergeWaitMillis(0);
        this.writer = new IndexWriter(directory, config);
        boolean done = false;
        try {
            if (fresh) {
                this.words = new WordCounts();
            } else {
                Map<String, String> data = writer.getLiveCommitData() == null ? Map.of() : toMap(writer.getLiveCommitData());
                if (!stamp.equals(data.get(STAMP_KEY))) {
                    throw new IOException("written by " + data.get(STAMP_KEY) + ", not " + stamp);
                }
                this.words = WordCounts.fromBytes(data.getOrDefault(WORDS_KEY, "").getBytes(StandardCharsets.UTF_8));
                // From the commit, not from the writer: see publishLocked.
                this.reader = DirectoryReader.open(directory);
                readKnown(reader);
            }
            done = true;
        } finally {
            if (!done) {
                writer.rollback();
            }
        }
    }

    private static Map<String, String> toMap(Iterable<Map.Entry<String, String>> data) {
        Map<String, String> map = new HashMap<>();
        data.forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    /**
     * The articles, their files and their codes, from the article documents of a reopened index:
     * doc values, read in one pass without touching the stored bodies.
     */
    private void readKnown(DirectoryReader reader) throws IOException {
        for (LeafReaderContext leaf : reader.leaves()) {
            LeafReader r = leaf.reader();
            BinaryDocValues meta = r.getBinaryDocValues(META);
            BinaryDocValues file = r.getBinaryDocValues(FILE);
            BinaryDocValues found = r.getBinaryDocValues(CODES);
            Bits live = r.getLiveDocs();
            if (meta == null || file == null || found == null) {
                continue;
            }
            for (int doc = meta.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = meta.nextDoc()) {
                if ((live != null && !live.get(doc)) || !file.advanceExact(doc) || !found.advanceExact(doc)) {
                    continue;
                }
                BytesRef m = meta.binaryValue();
                Article article = ArticleCodec.readMeta(m.bytes, m.offset, m.length);
                BytesRef fb = file.binaryValue();
                ByteBuffer f = ByteBuffer.wrap(fb.bytes, fb.offset, fb.length);
                long size = f.getLong();
                long modified = f.getLong();
                byte[] fingerprint = new byte[f.remaining()];
                f.get(fingerprint);
                known.put(article.source(), new ArticleStore.Stored(article, size, modified, fingerprint));
                BytesRef codes = found.binaryValue();
                setCodes(article.source(), ErrorCodes.fromBytes(codes.bytes, codes.offset, codes.length));
            }
        }
    }

    /** What this index holds for a file (path relative to the content folder). */
    Optional<ArticleStore.Stored> stored(Path relative) {
        return Optional.ofNullable(known.get(relative));
    }

    /** How many files this index holds. */
    int size() {
        return known.size();
    }

    /** Indexes a parsed article (with its body) in place of what its file gave before; returns it slim. */
    Article keep(Article article, long size, long modified, byte[] fingerprint) {
        gate.readLock().lock();
        try {
            return keepLocked(article, size, modified, fingerprint);
        } finally {
            gate.readLock().unlock();
        }
    }

    private Article keepLocked(Article article, long size, long modified, byte[] fingerprint) {
        Article slim = article.slim();
        List<ErrorCodes.Found> found = ErrorCodes.in(article);
        WordCounts.Target target = targets.get();
        WordCounts counted = target.nextArticle(); // used up by the end of this keep (bytes kept are a copy)
        target.into = counted;
        try {
            Iterable<Document> docs = documents(article, size, modified, fingerprint, found, counted);
            if (known.containsKey(slim.source())) {
                writer.updateDocuments(new Term(PATH, key(slim)), docs);
            } else {
                writer.addDocuments(docs); // nothing to replace: a first start adds without buffering deletes
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            target.into = null;
        }
        ArticleStore.Stored before = known.put(slim.source(), new ArticleStore.Stored(slim, size, modified, fingerprint));
        setCodes(slim.source(), found);
        if (reader == null) {
            // A build: nothing published to take away. A file kept twice before the first publish
            // (changed while the build read it) has its first counts in the total too.
            synchronized (words) {
                words.add(counted, 1);
            }
            recount |= before != null;
            pending.put(slim.source(), BUILT);
        } else {
            pending.put(slim.source(), counted.bytes());
        }
        return slim;
    }

    private static String key(Article article) {
        return article.source().toString();
    }

    /**
     * The article's documents: its own, one per section, and last the words document, made only
     * once the others are analyzed (the writer takes a block's documents one at a time), so that
     * it holds the words they counted.
     */
    private Iterable<Document> documents(Article article, long size, long modified, byte[] fingerprint,
            List<ErrorCodes.Found> found, WordCounts counted) throws IOException {
        String path = key(article);
        List<Document> docs = new ArrayList<>(article.sections().size() + 1);
        Document whole = new Document();
        common(whole, path, WHOLE, article, null);
        whole.add(new Field(Analysis.HEADING, article.title(), TEXT));
        whole.add(new Field(Analysis.BODY, article.description(), BODY_TEXT));
        whole.add(new Field(Analysis.BODY, article.intro(), BODY_TEXT));
        // What a restart reads of every article: doc values, apart from the stored (compressed) body.
        whole.add(new BinaryDocValuesField(META, new BytesRef(ArticleCodec.meta(article))));
        whole.add(new BinaryDocValuesField(FILE, new BytesRef(ByteBuffer.allocate(16 + fingerprint.length)
                .putLong(size).putLong(modified).put(fingerprint).array())));
        whole.add(new BinaryDocValuesField(CODES, new BytesRef(ErrorCodes.toBytes(found))));
        whole.add(new StoredField(BODY, article.html()));
        docs.add(whole);
        ReplayedTokens title = ReplayedTokens.of(writer.getAnalyzer(), Analysis.CONTEXT, article.title());
        // The headings a section sits under, nearest last: "Grant consent for the whole tenant"
        // is about admin consent because it sits under "Need admin approval".
        List<Section> sections = article.sections();
        ReplayedTokens[] headings = new ReplayedTokens[sections.size()];
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < sections.size(); i++) {
            Section section = sections.get(i);
            while (!open.isEmpty() && sections.get(open.peekLast()).level() >= section.level()) {
                open.removeLast();
            }
            Document doc = new Document();
            common(doc, path, i, article, section);
            doc.add(new Field(Analysis.CONTEXT, title, TEXT));
            for (int parent : open) {
                doc.add(new Field(Analysis.CONTEXT, headings[parent], TEXT));
            }
            open.addLast(i);
            headings[i] = ReplayedTokens.of(writer.getAnalyzer(), Analysis.CONTEXT, section.heading());
            doc.add(new Field(Analysis.HEADING, section.heading(), TEXT));
            doc.add(new Field(Analysis.BODY, section.text(), BODY_TEXT));
            // What a snippet is cut from: read for the few sections a results page shows.
            doc.add(new BinaryDocValuesField(SECTION_TEXT, utf8(section.text())));
            docs.add(doc);
        }
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next <= docs.size();
            }

            @Override
            public Document next() {
                if (next < docs.size()) {
                    return docs.get(next++);
                }
                if (next++ == docs.size()) {
                    Document doc = new Document();
                    doc.add(new StringField(PATH, path, Field.Store.NO));
                    doc.add(new SortedDocValuesField(PATH, utf8(path)));
                    doc.add(new NumericDocValuesField(SECTION, NONE));
                    doc.add(new StringField(WORDS_OF, path, Field.Store.NO));
                    doc.add(new StoredField(WORDS, counted.bytes()));
                    return doc;
                }
                throw new NoSuchElementException();
            }
        };
    }

    /**
     * What {@code new BytesRef(text)} holds, in an array as long as it: that constructor makes room
     * for three bytes a char, and {@link String#getBytes} for two of Latin-1 text with an accent
     * before it copies what it wrote; the length first is one more pass over the text.
     */
    private static BytesRef utf8(String text) {
        byte[] bytes = new byte[org.apache.lucene.util.UnicodeUtil.calcUTF16toUTF8Length(text, 0, text.length())];
        org.apache.lucene.util.UnicodeUtil.UTF16toUTF8(text, 0, text.length(), bytes, 0);
        return new BytesRef(bytes);
    }

    private static void common(Document doc, String path, long section, Article article, Section s) {
        doc.add(new StringField(PATH, path, Field.Store.NO));
        doc.add(new SortedDocValuesField(PATH, utf8(path)));
        doc.add(new NumericDocValuesField(SECTION, section));
        String key = new Entry(article, s, (int) section).key();
        if (key != null) {
            doc.add(new StringField(Analysis.KEY, key, Field.Store.NO));
        }
    }

    /**
     * Makes what was kept since the last call, and the removal of every file not served, visible:
     * opens a near-real-time reader that sees it, and gives the index over it. Unchanged, it gives
     * the same index as before. Nothing waits for the disk here: {@link #commit} does that later.
     *
     * @param served the articles of this language the library serves, in its order
     */
    LanguageIndex publish(List<Article> served, Synonyms synonyms) throws IOException {
        gate.writeLock().lock();
        try {
            return publishLocked(served, synonyms);
        } finally {
            gate.writeLock().unlock();
        }
    }

    /**
     * Writes the documents the writer buffered as segments, and has the system put their files on
     * disk, ahead of the commit that a publish makes (which then finds them written); a failure
     * is left for that commit to meet. Beside keeps and publishes: the writer takes care of both.
     */
    void writeAhead() {
        try {
            writer.flush();
            List<String> files = new ArrayList<>();
            for (String name : directory.listAll()) {
                if (!name.equals(IndexWriter.WRITE_LOCK_NAME)) {
                    files.add(name);
                }
            }
            directory.sync(files);
        } catch (IOException | RuntimeException e) {
            LOG.debug("search index {}: writing ahead of the commit stopped ({})", analysis.lang(), e.toString());
        }
    }

    /**
     * Whether the index is, or may be, in the several large segments a build leaves: the writer
     * writes one each time its buffer fills. Served so, a search looks each term up, and makes its
     * scorers, once per segment; merged into one, under load at 10,000 articles a language, a third
     * more searches a second. So they are merged after the first publish after a start has served them
     * ({@link #mergeBuildSegments}): after a build from nothing, or when the start took in enough
     * changed files to write large segments of their own; a few seconds of a build that takes a
     * minute. The small segments of edits are left to Lucene's merge policy.
     */
    private boolean inBuildSegments() {
        if (reader == null) {
            return true; // a build from nothing: merging what is already one segment costs nothing
        }
        int large = 0;
        for (org.apache.lucene.index.LeafReaderContext leaf : reader.leaves()) {
            large += leaf.reader().maxDoc() * LARGE_SEGMENT >= reader.maxDoc() ? 1 : 0;
        }
        return large > 1;
    }

    /**
     * Merges the segments a build left into one ({@link #inBuildSegments}), when the first publish
     * served them as they were: the site answers a few seconds sooner, and the next publish serves
     * the merged index. Runs beside searches and edits, without the publish's lock (the writer
     * merges while it takes in documents); closing the index abandons it.
     *
     * @return whether segments were merged, for a publish to serve
     */
    boolean mergeBuildSegments() throws IOException {
        if (!mergeOwed) {
            return false;
        }
        long started = System.nanoTime();
        writer.forceMerge(1);
        gate.writeLock().lock();
        try {
            mergeOwed = false;
            merged = true;
        } finally {
            gate.writeLock().unlock();
        }
        LOG.info("search index {}: the build's segments merged into one in {} ms", analysis.lang(), (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    /** The synonyms the last publish searched with; null before the first. */
    Synonyms publishedSynonyms() {
        return publishedSynonyms;
    }

    /** A segment holding at least one document in this many is one a build wrote, not an edit's. */
    private static final int LARGE_SEGMENT = 20;

    /**
     * Whether the index is being built from nothing (every file parsed): a fresh start until its
     * first publish opens a reader. Asked from other threads (the first load's heap budget).
     */
    boolean building() {
        return reader == null;
    }

    /**
     * Writes what the last publish made visible to disk, with its word counts and stamp, so that
     * the next run starts from it; does nothing when that is already so, or when files were kept
     * since (their publish will call again). Until then a restart finds the previous commit and
     * takes in again the files changed since, as it does after a crash.
     *
     * @return whether a commit was written
     */
    boolean commit() throws IOException {
        gate.writeLock().lock();
        try {
            return !closed && commitLocked();
        } finally {
            gate.writeLock().unlock();
        }
    }

    private boolean commitLocked() throws IOException {
        if (!uncommitted || !pending.isEmpty()) {
            return false;
        }
        writer.setLiveCommitData(Map.of(STAMP_KEY, stamp,
                WORDS_KEY, new String(words.toBytes(), StandardCharsets.UTF_8)).entrySet());
        writer.commit();
        uncommitted = false;
        return true;
    }

    private LanguageIndex publishLocked(List<Article> served, Synonyms synonyms) throws IOException {
        // The files served are the ones held when there are as many and each is held (an edit's
        // publish): nothing is gone, and no set of the served files is made.
        boolean same = known.size() == served.size();
        for (int i = 0; same && i < served.size(); i++) {
            same = known.containsKey(served.get(i).source());
        }
        Set<Path> servedPaths;
        List<Path> gone = new ArrayList<>();
        if (same) {
            servedPaths = known.keySet();
        } else {
            servedPaths = new HashSet<>();
            for (Article a : served) {
                servedPaths.add(a.source());
            }
            for (Path p : known.keySet()) {
                if (!servedPaths.contains(p)) {
                    gone.add(p);
                }
            }
        }
        boolean changed = reader == null || !gone.isEmpty() || !pending.isEmpty() || merged;
        merged = false;
        if (!changed && published != null && synonyms.equals(publishedSynonyms)) {
            return published;
        }
        // The words whose counts change, as written: what the vocabulary is patched for.
        Set<String> changedWords = new HashSet<>();
        recount |= reader == null && !gone.isEmpty();
        for (Path p : gone) {
            writer.deleteDocuments(new Term(PATH, p.toString()));
            subtractPublished(p, changedWords);
            known.remove(p);
            setCodes(p, null);
            pending.remove(p);
        }
        for (Map.Entry<Path, byte[]> e : pending.entrySet()) {
            if (reader == null) {
                continue; // a build: its keeps added the words, and the vocabulary is made whole below
            }
            subtractPublished(e.getKey(), changedWords);
            WordCounts added = WordCounts.fromBytes(e.getValue());
            words.add(added, 1);
            added.forEach((word, count) -> changedWords.add(word));
        }
        pending.clear();
        uncommitted |= changed;
        boolean build = published == null && inBuildSegments();
        DirectoryReader next;
        if (build || mergeOwed) {
            // Served from a commit until the build's segments are merged (see mergeBuildSegments):
            // a reader the writer gives is the one its merge then reads through, mapped whole
            // into the process's memory, where a merge of committed segments reads them with
            // plain reads (SearchEngine.directory).
            if (changed) {
                commitLocked();
            }
            next = reader == null ? DirectoryReader.open(directory) : DirectoryReader.openIfChanged(reader);
        } else if (reader == null) {
            next = DirectoryReader.open(writer);
        } else {
            // Nothing changed (a warm start's first publish): the reader the start opened stays,
            // where asking the writer would open every segment a second time.
            next = changed ? DirectoryReader.openIfChanged(reader, writer) : null;
        }
        if (build) {
            mergeOwed = (next != null ? next : reader).leaves().size() > 1;
        }
        DirectoryReader previous = reader;
        if (next != null) {
            reader = next;
        }
        if (recount) {
            countWordsAgain(reader);
            recount = false;
            if (!uncommitted) {
                // The build's commit above wrote the total before it was counted again.
                uncommitted = true;
                commitLocked();
            }
        }
        if (vocabulary == null) {
            vocabulary = Vocabulary.of(words);
        } else if (!changedWords.isEmpty()) {
            vocabulary = vocabulary.patched(words, changedWords);
        }
        publishedSynonyms = synonyms;
        published = new LanguageIndex(analysis, reader, entries(reader), vocabulary, new QueryFactory(analysis, synonyms, reader),
                errorCodes(served, servedPaths));
        if (next != null && previous != null) {
            Retirement.later(previous);
        }
        return published;
    }

    /**
     * What a file names now (null: nothing, it is gone). Once codes have been placed, the codes it
     * names or named are noted to be placed again, and the files naming each code follow.
     */
    private void setCodes(Path path, List<ErrorCodes.Found> found) {
        List<ErrorCodes.Found> before = found == null ? codes.remove(path) : codes.put(path, found);
        if (publishedCodes == null) {
            return; // the first publish places every code
        }
        codesTouched.add(path);
        Map<String, Set<Path>> byCode = namedBy;
        if (before != null) {
            for (ErrorCodes.Found f : before) {
                codesChanged.add(f.code());
                if (byCode != null) {
                    byCode.computeIfPresent(f.code(), (code, paths) -> {
                        paths.remove(path);
                        return paths.isEmpty() ? null : paths;
                    });
                }
            }
        }
        if (found != null) {
            for (ErrorCodes.Found f : found) {
                codesChanged.add(f.code());
                if (byCode != null) {
                    byCode.computeIfAbsent(f.code(), code -> ConcurrentHashMap.newKeySet()).add(path);
                }
            }
        }
    }

    /**
     * Where each code is explained, in the library's order: worked out for every article the first
     * time, afterwards only for the codes that changed files name or named. A code whose place is
     * in a file that did not change is placed among that file and the changed ones that name it
     * (the files between are as they were, and none of them came first); only a code whose
     * place's file changed is placed again among every file that names it.
     */
    private ErrorCodes errorCodes(List<Article> served, Set<Path> servedPaths) {
        ErrorCodes result;
        if (publishedCodes == null || codesChanged.size() > Math.max(1000, served.size() / 10)) {
            result = ErrorCodes.of(served, a -> codes.get(a.source()));
        } else if (codesChanged.isEmpty()) {
            result = publishedCodes;
        } else {
            Map<String, List<ErrorCodes.Named>> named = new HashMap<>();
            for (String code : codesChanged) {
                List<ErrorCodes.Named> where = new ArrayList<>();
                Path placed = publishedCodes.find(code).map(p -> p.article().source()).orElse(null);
                Set<Path> candidates;
                if (placed != null && codesTouched.contains(placed)) {
                    candidates = namedBy().getOrDefault(code, Set.of());
                } else {
                    candidates = new HashSet<>();
                    if (placed != null) {
                        candidates.add(placed);
                    }
                    for (Path path : codesTouched) {
                        if (names(codes.get(path), code)) {
                            candidates.add(path);
                        }
                    }
                }
                for (Path path : candidates) {
                    List<ErrorCodes.Found> found = codes.get(path);
                    Optional<ArticleStore.Stored> stored = stored(path);
                    if (found != null && servedPaths.contains(path) && stored.isPresent()) {
                        where.add(new ErrorCodes.Named(stored.get().article(), found));
                    }
                }
                named.put(code, where);
            }
            result = publishedCodes.with(named, kb.content.Library.LIST_ORDER);
        }
        codesChanged.clear();
        codesTouched.clear();
        publishedCodes = result;
        return result;
    }

    private static boolean names(List<ErrorCodes.Found> found, String code) {
        if (found != null) {
            for (ErrorCodes.Found f : found) {
                if (f.code().equals(code)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The files that name each code, made from what every file names the first time it is needed. */
    private Map<String, Set<Path>> namedBy() {
        Map<String, Set<Path>> byCode = namedBy;
        if (byCode == null) {
            byCode = new ConcurrentHashMap<>();
            for (Map.Entry<Path, List<ErrorCodes.Found>> e : codes.entrySet()) {
                for (ErrorCodes.Found f : e.getValue()) {
                    byCode.computeIfAbsent(f.code(), code -> ConcurrentHashMap.newKeySet()).add(e.getKey());
                }
            }
            namedBy = byCode;
        }
        return byCode;
    }

    /**
     * Makes the total the words of the files the reader holds, from each one's words document: for
     * a build that took one file in twice or no longer serves one, whose first counts it cannot take away.
     */
    private void countWordsAgain(DirectoryReader reader) throws IOException {
        words.clear();
        for (LeafReaderContext leaf : reader.leaves()) {
            org.apache.lucene.index.Terms files = leaf.reader().terms(WORDS_OF);
            if (files == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            org.apache.lucene.index.StoredFields stored = leaf.reader().storedFields();
            org.apache.lucene.index.TermsEnum each = files.iterator();
            org.apache.lucene.index.PostingsEnum docs = null;
            while (each.next() != null) {
                docs = each.postings(docs, org.apache.lucene.index.PostingsEnum.NONE);
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        BytesRef b = stored.document(doc, Set.of(WORDS)).getBinaryValue(WORDS);
                        if (b != null) {
                            words.addWritten(BytesRef.deepCopyOf(b).bytes);
                        }
                    }
                }
            }
        }
    }

    /** Takes the words of the published version of a file, if it had one, from the total, and notes them in {@code changed}. */
    private void subtractPublished(Path path, Set<String> changed) throws IOException {
        if (reader == null) {
            return;
        }
        IndexSearcher searcher = new IndexSearcher(reader);
        TopDocs top = searcher.search(new TermQuery(new Term(WORDS_OF, path.toString())), 1);
        if (top.scoreDocs.length == 0) {
            return;
        }
        BytesRef b = searcher.storedFields().document(top.scoreDocs[0].doc, Set.of(WORDS)).getBinaryValue(WORDS);
        if (b != null) {
            WordCounts published = WordCounts.fromBytes(BytesRef.deepCopyOf(b).bytes);
            words.add(published, -1);
            published.forEach((word, count) -> changed.add(word));
        }
    }

    /** The entry of each document of the reader; null for words documents and files no longer held. */
    private Entry[] entries(DirectoryReader reader) throws IOException {
        Entry[] all = new Entry[reader.maxDoc()];
        Map<Object, Entry[]> stillUsed = new HashMap<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            Object core = leaf.reader().getCoreCacheHelper().getKey();
            Entry[] entries = segments.get(core);
            if (entries == null) {
                entries = segmentEntries(leaf.reader());
            }
            stillUsed.put(core, entries);
            System.arraycopy(entries, 0, all, leaf.docBase, entries.length);
        }
        segments.clear();
        segments.putAll(stillUsed);
        return all;
    }

    private Entry[] segmentEntries(LeafReader leaf) throws IOException {
        Entry[] entries = new Entry[leaf.maxDoc()];
        SortedDocValues paths = leaf.getSortedDocValues(PATH);
        NumericDocValues sections = leaf.getNumericDocValues(SECTION);
        if (paths == null || sections == null) {
            return entries;
        }
        Article[] byOrd = new Article[paths.getValueCount()];
        boolean[] looked = new boolean[byOrd.length];
        Bits live = leaf.getLiveDocs();
        for (int doc = sections.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = sections.nextDoc()) {
            long section = sections.longValue();
            if (section == NONE || (live != null && !live.get(doc)) || !paths.advanceExact(doc)) {
                continue;
            }
            int ord = paths.ordValue();
            if (!looked[ord]) {
                looked[ord] = true;
                ArticleStore.Stored s = known.get(Path.of(paths.lookupOrd(ord).utf8ToString()));
                byOrd[ord] = s == null ? null : s.article();
            }
            Article article = byOrd[ord];
            if (article == null) {
                continue;
            }
            if (section == WHOLE) {
                entries[doc] = new Entry(article, null, -1);
            } else if (section >= 0 && section < article.sections().size()) {
                entries[doc] = new Entry(article, article.sections().get((int) section), (int) section);
            }
        }
        return entries;
    }

    private static FieldType bodyText() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    /**
     * The texts of the sections the documents stand for (doc values: no search, no decompression),
     * in the order asked; null for a document without one and for a negative number (none asked).
     * Read in the documents' order, so that one iterator of each segment's doc values serves them all.
     */
    static String[] sectionTexts(org.apache.lucene.index.IndexReader reader, int[] docs) throws IOException {
        String[] texts = new String[docs.length];
        Integer[] order = new Integer[docs.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingInt(i -> docs[i]));
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = null;
        BinaryDocValues values = null;
        for (int i : order) {
            int doc = docs[i];
            if (doc < 0) {
                continue;
            }
            LeafReaderContext in = leaves.get(ReaderUtil.subIndex(doc, leaves));
            if (in != leaf || (values != null && values.docID() > doc - in.docBase)) {
                leaf = in;
                values = in.reader().getBinaryDocValues(SECTION_TEXT);
            }
            if (values != null && values.advanceExact(doc - in.docBase)) {
                texts[i] = values.binaryValue().utf8ToString();
            }
        }
        return texts;
    }

    /**
     * The body of an article this index holds, read from the given reader (the one its searches
     * use): the HTML stored with the article's own document, each section's text from its section's.
     */
    static Article withBody(DirectoryReader reader, Article article) throws IOException {
        if (article.hasBody()) {
            return article;
        }
        // The article's documents: its own (the body), one per section, and its words.
        int n = article.sections().size();
        IndexSearcher searcher = new IndexSearcher(reader);
        TopDocs docs = searcher.search(new TermQuery(new Term(PATH, key(article))), n + 2);
        int whole = -1;
        int[] sectionDocs = new int[n];
        java.util.Arrays.fill(sectionDocs, -1);
        for (var hit : docs.scoreDocs) {
            LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(hit.doc, reader.leaves()));
            NumericDocValues section = leaf.reader().getNumericDocValues(SECTION);
            if (section == null || !section.advanceExact(hit.doc - leaf.docBase)) {
                continue;
            }
            long i = section.longValue();
            if (i == WHOLE) {
                whole = hit.doc;
            } else if (i >= 0 && i < n) {
                sectionDocs[(int) i] = hit.doc;
            }
        }
        if (whole < 0) {
            throw new IOException("no stored body for " + article.source());
        }
        String[] texts = sectionTexts(reader, sectionDocs);
        for (int i = 0; i < n; i++) {
            if (texts[i] == null) {
                throw new IOException("no text for section " + i + " of " + article.source());
            }
        }
        String html = searcher.storedFields().document(whole, Set.of(BODY)).get(BODY);
        if (html == null) {
            throw new IOException("an article document without " + BODY);
        }
        return ArticleCodec.withBody(article, html, List.of(texts));
    }

    @Override
    public void close() throws IOException {
        gate.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                try {
                    commitLocked();
                } finally {
                    try {
                        writer.close(); // commits nothing more (commitOnClose false), and stops a merge under way
                    } finally {
                        directory.close();
                    }
                }
            }
        } finally {
            gate.writeLock().unlock();
        }
    }
}
