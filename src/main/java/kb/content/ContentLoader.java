package kb.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the content folder into a {@link Library}. A file that cannot be served is reported with
 * its path and reason and left out; it never stops the others from loading.
 */
public final class ContentLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ContentLoader.class);
    private static final long MAX_FILE_BYTES = 2L * 1024 * 1024;
    /** A folder's description, as in Hugo: not an article. */
    static final String INDEX = "_index.md";

    private final MarkdownRenderer renderer;
    private final Set<String> sitePages;
    private final ArticleStore store;
    /** What the last link check found and parsed: a reload checks only the links the change can reach. */
    private final LinkChecker.Memory links = new LinkChecker.Memory();
    /** The folders' descriptions as the last load read them. */
    private volatile IndexFiles lastIndexFiles;
    /** Whether the first load leaves its link check for later ({@link #deferFirstLinkCheck}). */
    private volatile boolean deferFirstCheck;

    /**
     * A loader whose link check knows only articles and language homes: a link to any other page
     * of the site is reported as broken.
     *
     * @param knownEmbeds shortcode names the site can fill in, such as {@code admin-consent}
     */
    public ContentLoader(Set<String> knownEmbeds) {
        this(knownEmbeds, Set.of("/"));
    }

    /**
     * @param knownEmbeds shortcode names the site can fill in, such as {@code admin-consent}
     * @param sitePages   pages other than articles that links may point at, as the path after
     *                    {@code /<lang>}: {@code "/"}, {@code "/admin-consent"}, …
     */
    public ContentLoader(Set<String> knownEmbeds, Set<String> sitePages) {
        this(knownEmbeds, sitePages, ArticleStore.NONE);
    }

    /**
     * @param store where articles are kept between loads and runs: a file it already holds, with
     *              the same size and modification time (or, failing that, the same bytes), is not
     *              parsed again
     */
    public ContentLoader(Set<String> knownEmbeds, Set<String> sitePages, ArticleStore store) {
        this.renderer = new MarkdownRenderer(knownEmbeds);
        this.sitePages = Set.copyOf(sitePages);
        this.store = store;
    }

    /** Loads every {@code <lang>/**}{@code /*.md} under the folder; logs each problem once. */
    public Library load(Path contentDir) {
        return load(contentDir, Library.EMPTY);
    }

    /**
     * Loads the folder again after a change. A file that used to load and is now broken keeps its
     * last good version, so an author's half-finished edit never takes an article down.
     */
    public Library load(Path contentDir, Library previous) {
        return load(contentDir, previous, null);
    }

    /**
     * Loads the folder again after a change to the given paths (absolute, as a folder watcher
     * reports them): only those files are read; every other article is the previous load's. When
     * the change may reach beyond single articles (a folder, an {@code _index.md}, the languages
     * file) or {@code changed} is null, every file is looked at, as {@link #load(Path, Library)} does.
     */
    public Library load(Path contentDir, Library previous, Set<Path> changed) {
        LanguagesFile.Result languagesFile = LanguagesFile.read(contentDir, previous.languages());
        Languages languages = languagesFile.languages();
        // Every file is looked at: the folder is listed (a stat per entry) while the store opens
        // what it took in before (on a warm start, its metadata: the two take about as long).
        java.util.concurrent.CompletableFuture<List<Path>> listing = changed == null
                ? java.util.concurrent.CompletableFuture.supplyAsync(() -> markdownFiles(contentDir), ContentLoader::listOnItsOwn)
                : null;
        store.prepare(languages);
        Set<Path> touched = articlesTouched(contentDir, previous, changed);
        if (touched != null && languagesFile.problem().isEmpty() && languages.equals(previous.languages())) {
            Library edited = edited(contentDir, previous, touched, languages);
            if (edited != null) {
                return edited;
            }
        }
        collations++;
        List<Path> files;
        // The whole folder's Markdown files, articles and _index.md alike, when every file is looked at.
        List<Path> listed = touched != null ? null : listing != null ? listing.join() : markdownFiles(contentDir);
        if (listed != null) {
            files = listed.stream().filter(f -> !isIndex(f)).map(contentDir::relativize).toList();
        } else {
            // The previous files, the touched ones that exist now, and the ones that had problems (read again, to report them again).
            List<Path> relative = sortedSources(previous);
            previous.problems().forEach(p -> place(relative, p.file(), true));
            for (Path t : touched) {
                place(relative, t, Files.isRegularFile(contentDir.resolve(t)));
            }
            touched.addAll(previous.problems().stream().map(Problem::file).toList());
            files = relative.stream().filter(r -> r.toString().endsWith(".md") && !isIndex(r)).toList();
        }
        // Relative to the content folder, in file order.
        List<Outcome> outcomes = EveryCore.map(files, languagesInTurn(files), relative -> {
            Optional<Article> same = touched == null || touched.contains(relative) ? Optional.empty() : previous.bySource(relative);
            return same.isPresent() && languages.contains(same.get().lang())
                    ? new Outcome(same, List.of(), previous.fingerprint(relative))
                    : read(contentDir, contentDir.resolve(relative), previous, languages);
        });
        store.keptAll();

        List<Problem> problems = new ArrayList<>();
        languagesFile.problem().ifPresent(problems::add);
        // In file order (the files are listed sorted): the first file to claim a URL or a translation keeps it.
        Map<String, Article> byUrl = new java.util.LinkedHashMap<>();
        Map<String, Path> claimedBy = new HashMap<>();
        byte[] everyFile = new byte[FINGERPRINT];
        Map<Path, byte[]> fingerprints = new HashMap<>();
        for (Outcome o : outcomes) {
            problems.addAll(o.problems());
            xor(everyFile, o.fingerprint());
            if (o.problems().isEmpty()) {
                o.article().ifPresent(a -> fingerprints.put(a.source(), o.fingerprint()));
            }
            Optional<Article> article = o.article();
            if (article.isEmpty() && !o.problems().isEmpty()) {
                article = previous.bySource(o.problems().get(0).file());
                article.ifPresent(a -> LOG.warn("content: still serving the last good version of {}", a.source()));
            }
            article.ifPresent(a -> {
                Path earlier = claimedBy.putIfAbsent(a.url(), a.source());
                if (earlier != null) {
                    problems.add(new Problem(a.source(), "two files claim the URL " + a.url() + ": this one and " + earlier));
                } else {
                    byUrl.put(a.url(), a);
                }
            });
        }
        List<Article> articles = dropDuplicateTranslations(byUrl, problems);
        Map<String, String> aliases = aliases(articles, byUrl.keySet(), problems);
        // Folders' _index.md files: read again only when the change may concern them.
        IndexFiles indexFiles = listed != null ? indexFiles(contentDir, listed)
                : lastIndexFiles != null ? lastIndexFiles : indexFiles(contentDir, markdownFiles(contentDir));
        lastIndexFiles = indexFiles;
        problems.addAll(indexFiles.problems());
        Map<Path, FrontMatter> indexes = indexFiles.indexes();
        List<Category> categories = categories(languages, articles, indexes, problems);
        problems.sort(Comparator.comparing(p -> p.file().toString()));
        for (Problem p : problems) {
            LOG.warn("content problem: {}", p);
        }
        Library.Delta delta = Library.delta(previous, articles);
        Library unchecked = Library.after(previous, delta, languages, articles, categories, aliases, problems);
        return checked(contentDir, unchecked, touched == null ? null : delta,
                new Sources(null, articles.stream().map(Article::source).toList(), articles, everyFile), false,
                java.util.Collections.unmodifiableMap(fingerprints), version(everyFile, indexFiles));
    }

    /**
     * The links of a loaded library checked (all of them, or with {@code delta} only those that
     * lead to what came or went), and its version: what a load ends with.
     *
     * @param files        the library's articles in file order, and their sources
     * @param sameSources  whether the files are the previous load's, only edited: then only the links
     *                     the edits can reach are checked again
     */
    private Library checked(Path contentDir, Library unchecked, Library.Delta delta, Sources files,
            boolean sameSources, Map<Path, byte[]> fingerprints, MessageDigest version) {
        boolean defer = deferFirstCheck && lastSources == null;
        List<BrokenLink> broken = List.of();
        if (!defer) {
            LinkChecker checker = new LinkChecker(unchecked, sitePages, links, delta == null ? null : changedPaths(delta));
            // Only the links an edit can reach (all of them when none was checked yet).
            broken = sameSources && delta != null
                    ? checker.checkEdited(contentDir, delta.come().stream().map(Article::source).collect(Collectors.toSet()))
                    : checker.check(contentDir);
        }
        LOG.info("loaded {} articles ({}) from {}, {} problem(s), {}", files.articles().size(),
                unchecked.languages().codes().stream().map(l -> l + "=" + unchecked.articles(l).size()).collect(Collectors.joining(", ", "{", "}")),
                contentDir, unchecked.problems().size(), defer ? "links checked once the site answers" : broken.size() + " broken link(s)");
        return recorded(unchecked, broken, files, fingerprints, HexFormat.of().formatHex(version.digest()).substring(0, 16));
    }

    /** A library with what its link check found, reported, and kept as the last load for the next reload to start from. */
    private Library recorded(Library unchecked, List<BrokenLink> broken, Sources files, Map<Path, byte[]> fingerprints, String version) {
        for (BrokenLink b : broken) {
            LOG.warn("content problem: {}", b);
        }
        Library loaded = unchecked.checked(broken, fingerprints, version);
        // The articles are in file order, and so their sources sorted: the next reload starts from them.
        lastSources = new Sources(loaded, files.sorted(), files.articles(), files.files());
        return loaded;
    }

    /**
     * The first load leaves its link check to {@link #checkOwedLinks}: nothing served depends on
     * it (broken links are reported, not hidden), and at a start it is a fifth of the load's work,
     * which can wait until the site answers. A load before that checks every link itself.
     */
    public void deferFirstLinkCheck() {
        deferFirstCheck = true;
    }

    /**
     * The link check the first load left undone ({@link #deferFirstLinkCheck}), reported as a
     * load's is; the callers serialize it with the loads, as they serialize loads.
     *
     * @param served what the last load made, as served
     * @return {@code served} with what the check found; null when no check is owed (done, or made
     *         by a load since, or {@code served} is not the last load's)
     */
    public Library checkOwedLinks(Path contentDir, Library served) {
        Sources last = lastSources;
        if (links.checkedOnce() || last == null || last.library() != served) {
            return null;
        }
        long started = System.nanoTime();
        List<BrokenLink> broken = new LinkChecker(served, sitePages, links, null).check(contentDir);
        LOG.info("checked the links of {} articles in {} ms: {} broken link(s)", last.articles().size(),
                (System.nanoTime() - started) / 1_000_000, broken.size());
        return recorded(served, broken, last, served.fingerprints(), served.version());
    }

    /**
     * A reload after files were only edited, the common case by far: each touched file was an
     * article of the previous load and still reads as one, at the same URL, in the same language,
     * with the same translation key and aliases, and no file had a problem before or has one now.
     * Then nothing else can have changed: which file claims each URL and translation, the aliases
     * and the categories are the previous load's. Only the touched files are read, and the rest is
     * patched, as the full collation would find it. Null when that is not so (the full collation
     * decides then; the files read here are not parsed again).
     */
    private Library edited(Path contentDir, Library previous, Set<Path> touched, Languages languages) {
        Sources last = lastSources;
        if (last == null || last.library() != previous || !previous.problems().isEmpty()
                || touched.size() > EDITED_LIMIT || lastIndexFiles == null || !lastIndexFiles.problems().isEmpty()) {
            return null;
        }
        if (touched.isEmpty()) {
            return previous; // an editor's temporary file came and went, say
        }
        List<Article> articles = new ArrayList<>(last.articles());
        PatchedMap.Change<Path, byte[]> fingerprints = new PatchedMap.Change<>();
        List<Article> come = new ArrayList<>();
        Set<Article> gone = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Path t : touched) {
            Optional<Article> before = previous.bySource(t);
            int at = java.util.Collections.binarySearch(last.sorted(), t);
            if (before.isEmpty() || at < 0) {
                return null;
            }
            // A file that is gone reads as a problem.
            Outcome o = read(contentDir, contentDir.resolve(t), previous, languages);
            if (!o.problems().isEmpty() || o.article().isEmpty() || !sameClaims(before.get(), o.article().get())) {
                return null;
            }
            fingerprints.put(t, o.fingerprint());
            if (o.article().get() != before.get()) {
                articles.set(at, o.article().get());
                come.add(o.article().get());
                gone.add(before.get());
            }
        }
        Map<Path, byte[]> patched = fingerprints.apply(previous.fingerprints());
        byte[] everyFile = last.files().clone();
        for (Path t : touched) {
            xor(everyFile, previous.fingerprint(t));
            xor(everyFile, patched.get(t));
        }
        Library.Delta delta = new Library.Delta(come, gone);
        // The same files: the sorted sources stand.
        return checked(contentDir, Library.edited(previous, delta), delta, new Sources(null, last.sorted(), articles, everyFile), true, patched,
                version(everyFile, lastIndexFiles));
    }

    /** How many loads collated every file (the others were {@link #edited} ones). */
    int collations() {
        return collations;
    }

    private volatile int collations;

    /** More edited files at once than this and a reload collates every file. */
    private static final int EDITED_LIMIT = 64;

    /** Whether two versions of a file claim the same: URL, language, translation and aliases. */
    private static boolean sameClaims(Article before, Article now) {
        return before.url().equals(now.url()) && before.lang().equals(now.lang()) && before.source().equals(now.source())
                && before.translationKey().equals(now.translationKey()) && before.aliases().equals(now.aliases());
    }

    /**
     * A library's sources sorted and its articles in that order (file order), so a reload after an
     * edit sorts nothing; {@code library} is null until the library is made. {@code files} is every
     * file's fingerprint combined (see {@link #xor}), problem files' included: what the content
     * version is made of.
     */
    private record Sources(Library library, List<Path> sorted, List<Article> articles, byte[] files) {}

    /** How long a file's fingerprint is: a SHA-256 of its path and bytes. */
    private static final int FINGERPRINT = 32;

    /**
     * Adds a file's fingerprint to, or takes it from, the fingerprints of a set of files: their
     * exclusive or, the same in any order, so that an edit takes the file's old fingerprint out
     * and puts its new one in instead of digesting every file's again. (Each fingerprint covers
     * its file's path, so no two files' cancel out.)
     */
    private static void xor(byte[] files, byte[] fingerprint) {
        for (int i = 0; i < FINGERPRINT; i++) {
            files[i] ^= fingerprint[i];
        }
    }

    /** The content version: the files' fingerprints and what of the folders' index files goes into it. */
    private static MessageDigest version(byte[] files, IndexFiles indexFiles) {
        MessageDigest version = sha256();
        version.update(files);
        indexFiles.digested().forEach(version::update);
        return version;
    }

    private volatile Sources lastSources;

    /** The sources of a library, sorted, in a list the caller may change. */
    private List<Path> sortedSources(Library library) {
        Sources last = lastSources;
        if (last != null && last.library() == library) {
            return new ArrayList<>(last.sorted());
        }
        List<Path> sorted = new ArrayList<>(library.sources());
        java.util.Collections.sort(sorted);
        return sorted;
    }

    /** Puts a path into a sorted list, or takes it out, keeping it sorted. */
    private static void place(List<Path> sorted, Path path, boolean present) {
        int at = java.util.Collections.binarySearch(sorted, path);
        if (present && at < 0) {
            sorted.add(-at - 1, path);
        } else if (!present && at >= 0) {
            sorted.remove(at);
        }
    }

    /**
     * The article files among the changed paths, relative to the content folder; null when a change
     * may reach further (a folder, an {@code _index.md}, the languages file, an unknown set) and
     * every file must be looked at. Other files (an editor's temporary files, synonyms, UI strings)
     * are no article's.
     */
    private Set<Path> articlesTouched(Path contentDir, Library previous, Set<Path> changed) {
        if (changed == null || previous.sources().isEmpty()) {
            return null;
        }
        Set<Path> touched = new java.util.HashSet<>();
        for (Path path : changed) {
            Path relative = contentDir.toAbsolutePath().relativize(path.toAbsolutePath());
            String name = relative.getFileName() == null ? "" : relative.getFileName().toString();
            if (relative.startsWith("..") || name.equals(INDEX) || name.equals(LanguagesFile.NAME) || Files.isDirectory(path)) {
                return null;
            }
            if (name.endsWith(".md")) {
                touched.add(relative);
            } else if (!Files.exists(path) && holdsArticles(previous, relative)) {
                return null; // a folder of articles went away
            }
        }
        return touched;
    }

    /**
     * Whether a path (relative) is a folder above articles of the library; an editor's temporary
     * file that came and went is not. The sorted sources are searched: those whose path begins
     * with the folder's name sort together, from the name itself.
     */
    private boolean holdsArticles(Library library, Path relative) {
        Sources last = lastSources;
        if (last == null || last.library() != library) {
            return library.sources().stream().anyMatch(s -> s.startsWith(relative));
        }
        List<Path> sorted = last.sorted();
        int at = java.util.Collections.binarySearch(sorted, relative);
        String name = relative.toString();
        for (int i = at >= 0 ? at : -at - 1; i < sorted.size() && sorted.get(i).toString().startsWith(name); i++) {
            if (sorted.get(i).startsWith(relative)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The URLs and aliases of the articles that came, went or changed since the previous load:
     * the links that lead to them are checked again.
     */
    private static Set<String> changedPaths(Library.Delta delta) {
        Set<String> paths = new java.util.HashSet<>();
        delta.come().forEach(a -> addPaths(a, paths));
        delta.gone().forEach(a -> addPaths(a, paths));
        return paths;
    }

    private static void addPaths(Article a, Set<String> paths) {
        paths.add(a.url());
        for (String alias : a.aliases()) {
            normalizeAlias(alias).ifPresent(paths::add);
        }
    }

    /**
     * The files' indexes with each language folder's files taken in turn (the first of each, then
     * the second of each...), each folder's in file order. Every language's analysis chain runs
     * from the first seconds of a build: taken one language after the other, the JIT compiled
     * the indexing path for the first language's filters alone, then threw that code away and
     * compiled it again once the second language's began, midway (bench/ANALYSIS.md).
     */
    static int[] languagesInTurn(List<Path> files) {
        Map<Path, List<Integer>> byFolder = new java.util.LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            byFolder.computeIfAbsent(files.get(i).getName(0), f -> new ArrayList<>()).add(i);
        }
        int[] order = new int[files.size()];
        int k = 0;
        for (int round = 0; k < order.length; round++) {
            for (List<Integer> folder : byFolder.values()) {
                if (round < folder.size()) {
                    order[k++] = folder.get(round);
                }
            }
        }
        return order;
    }

    private static boolean isIndex(Path file) {
        return file.getFileName().toString().equals(INDEX);
    }

    /**
     * The {@code _index.md} of each folder below a language folder, by folder (relative to the
     * content folder), taken from the folder's listed Markdown files; one that cannot be read is
     * reported and its folder gets the default title.
     */
    private static IndexFiles indexFiles(Path contentDir, List<Path> listed) {
        Map<Path, FrontMatter> indexes = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        List<byte[]> digested = new ArrayList<>();
        for (Path file : listed.stream().filter(ContentLoader::isIndex).toList()) {
            Path relative = contentDir.relativize(file);
            digested.add(relative.toString().getBytes(StandardCharsets.UTF_8));
            if (relative.getNameCount() < 3) {
                continue; // beside the language folders or at the top of one: no category to describe
            }
            try {
                byte[] bytes = readBytes(file);
                digested.add(bytes);
                indexes.put(relative.getParent(), FrontMatter.parseIndex(decode(bytes)));
            } catch (FrontMatter.Invalid e) {
                problems.add(new Problem(relative, e.getMessage()));
            }
        }
        return new IndexFiles(Map.copyOf(indexes), List.copyOf(problems), List.copyOf(digested));
    }

    /**
     * What the folders' {@code _index.md} files gave.
     *
     * @param digested what of them goes into the content version: each path, and the bytes of each that was read
     */
    private record IndexFiles(Map<Path, FrontMatter> indexes, List<Problem> problems, List<byte[]> digested) {}

    /**
     * Every folder below a language folder that holds articles (or an {@code _index.md}) is a
     * category at the URL its path gives. One whose URL is an article's, or a page of the site's, is
     * reported and left out: the article or page keeps the URL.
     */
    private List<Category> categories(Languages languages, List<Article> articles, Map<Path, FrontMatter> indexes, List<Problem> problems) {
        java.util.TreeSet<Path> folders = new java.util.TreeSet<>();
        for (Article a : articles) {
            for (int i = 2; i < a.source().getNameCount(); i++) {
                folders.add(a.source().subpath(0, i));
            }
        }
        for (Path folder : indexes.keySet()) {
            for (int i = 2; i <= folder.getNameCount(); i++) {
                folders.add(folder.subpath(0, i));
            }
        }
        Map<String, Article> articleAt = new HashMap<>();
        articles.forEach(a -> articleAt.put(a.url(), a));
        Map<String, Category> byUrl = new java.util.LinkedHashMap<>();
        for (Path folder : folders) {
            String lang = folder.getName(0).toString();
            if (!languages.contains(lang)) {
                continue; // its files are reported as articles in an unknown language
            }
            FrontMatter index = indexes.get(folder);
            Path where = index == null ? folder : folder.resolve(INDEX);
            StringBuilder url = new StringBuilder("/").append(lang);
            for (int i = 1; i < folder.getNameCount(); i++) {
                url.append('/').append(HeadingIds.slug(folder.getName(i).toString()));
            }
            String u = url.toString();
            if (u.contains("//") || u.endsWith("/")) {
                problems.add(new Problem(where, "the folder name leaves nothing usable in a URL; its articles are listed one level up"));
            } else if (articleAt.containsKey(u)) {
                problems.add(new Problem(where, "the category URL " + u + " is also the URL of the article "
                        + articleAt.get(u).source() + "; the article is served there and the folder has no category page"));
            } else if (sitePages.contains(u.substring(1 + lang.length()))) {
                problems.add(new Problem(where, "the category URL " + u + " is a page of the site; rename the folder"));
            } else if (byUrl.containsKey(u)) {
                if (index != null) {
                    problems.add(new Problem(where, "the category URL " + u + " is already the folder "
                            + byUrl.get(u).folder() + "'s; this _index.md is not used"));
                }
            } else {
                String title = index == null || index.title().isEmpty()
                        ? Category.titleFromFolder(folder.getFileName().toString()) : index.title();
                byUrl.put(u, index == null
                        ? new Category(lang, u, title, "", Integer.MAX_VALUE, "", folder)
                        : new Category(lang, u, title, index.description(), index.weight(), index.translationKey(), folder));
            }
        }
        return List.copyOf(byUrl.values());
    }

    /** What one file gave, and a fingerprint of its path and bytes for the content version. */
    private record Outcome(Optional<Article> article, List<Problem> problems, byte[] fingerprint) {}

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void listOnItsOwn(Runnable listing) {
        Thread thread = new Thread(listing, "content-list");
        thread.setDaemon(true);
        thread.start();
    }

    private static List<Path> markdownFiles(Path contentDir) {
        if (!Files.isDirectory(contentDir)) {
            LOG.warn("content folder {} does not exist; serving no articles", contentDir);
            return List.of();
        }
        // The walk has each entry's attributes already: no second stat per file to ask what it is
        // (a link is still followed to what it points to, as before).
        try (Stream<Path> walk = Files.find(contentDir, Integer.MAX_VALUE, (p, attributes) ->
                p.getFileName().toString().endsWith(".md")
                        && (attributes.isRegularFile() || attributes.isSymbolicLink() && Files.isRegularFile(p)))) {
            return walk.sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            LOG.error("cannot list content folder {}: {}", contentDir, e.getMessage());
            return List.of();
        }
    }

    private Outcome read(Path contentDir, Path file, Library previous, Languages languages) {
        Path relative = contentDir.relativize(file);
        MessageDigest digest = sha256();
        digest.update(relative.toString().getBytes(StandardCharsets.UTF_8));
        try {
            BasicFileAttributes attributes = attributes(file);
            long size = attributes.size();
            long modified = attributes.lastModifiedTime().toMillis();
            Optional<ArticleStore.Stored> stored = store.stored(relative)
                    .filter(s -> languages.contains(s.article().lang()));
            // Taken in before and not touched since: not even read (as Hugo and make decide).
            if (stored.isPresent() && stored.get().size() == size && stored.get().modified() == modified) {
                return new Outcome(Optional.of(stored.get().article()), List.of(), stored.get().fingerprint());
            }
            byte[] bytes = readBytes(file, size);
            digest.update(bytes);
            byte[] fingerprint = digest.digest();
            if (stored.isPresent() && MessageDigest.isEqual(stored.get().fingerprint(), fingerprint)) {
                return new Outcome(Optional.of(stored.get().article()), List.of(), fingerprint);
            }
            // An unchanged file is not parsed and rendered again: reloads cost what changed.
            Optional<Article> unchanged = previous.bySource(relative)
                    .filter(a -> languages.contains(a.lang()))
                    .filter(a -> MessageDigest.isEqual(previous.fingerprint(relative), fingerprint));
            if (unchanged.isPresent()) {
                return new Outcome(unchanged, List.of(), fingerprint);
            }
            Article parsed = parse(relative, decode(bytes), languages);
            return new Outcome(Optional.of(store.keep(parsed, size, modified, fingerprint)), List.of(), fingerprint);
        } catch (FrontMatter.Invalid e) {
            return new Outcome(Optional.empty(), List.of(new Problem(relative, e.getMessage())), digest.digest());
        } catch (RuntimeException e) {
            // A renderer bug on one odd file must not take the site down; say which file.
            LOG.error("content file {} could not be rendered", relative, e);
            return new Outcome(Optional.empty(), List.of(new Problem(relative, "could not be rendered: " + e)), digest.digest());
        }
    }

    private static BasicFileAttributes attributes(Path file) throws FrontMatter.Invalid {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new FrontMatter.Invalid("cannot be read: " + e.getClass().getSimpleName());
        }
    }

    private static byte[] readBytes(Path file) throws FrontMatter.Invalid {
        return readBytes(file, attributes(file).size());
    }

    private static byte[] readBytes(Path file, long size) throws FrontMatter.Invalid {
        try {
            if (size > MAX_FILE_BYTES) {
                throw new FrontMatter.Invalid("larger than " + MAX_FILE_BYTES / 1024 / 1024 + " MiB");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new FrontMatter.Invalid("cannot be read: " + e.getClass().getSimpleName());
        }
    }

    private static String decode(byte[] bytes) throws FrontMatter.Invalid {
        // The String constructor's decoding makes the text without a buffer between; it puts U+FFFD
        // in place of what is not UTF-8, so only a text holding that character is decoded again to
        // tell one written so from bytes that are not text. A NUL byte decodes to U+0000 and nothing
        // else does, so the text is searched for it (the JDK's scan), not each byte in a loop here.
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\u0000') >= 0) {
            throw new FrontMatter.Invalid("binary file (contains NUL bytes), not Markdown text");
        }
        if (text.indexOf('\uFFFD') < 0) {
            return text;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new FrontMatter.Invalid("not UTF-8 text");
        }
    }

    Article parse(Path relative, String text, Languages languages) throws FrontMatter.Invalid {
        String lang = relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
        if (!languages.contains(lang)) {
            throw new FrontMatter.Invalid(relative.getNameCount() > 1
                    ? "unknown language folder '" + lang + "' (expected one of " + languages.codes() + ")"
                    : "not inside a language folder (" + String.join(" or ", languages.codes().stream().map(c -> "content/" + c + "/").toList()) + ")");
        }
        FrontMatter fm = FrontMatter.parse(text);
        String url = url(relative, fm.slug());
        MarkdownRenderer.Rendered body = renderer.render(fm.body());
        for (String warning : body.warnings()) {
            LOG.warn("content warning: {}: {}", relative, warning);
        }
        return new Article(lang, url, fm.title(), fm.description(), fm.lastmod(), fm.translationKey(),
                fm.aliases(), fm.tags(), fm.weight(), body.html(), body.intro(), body.sections(), body.links(), relative);
    }

    /** {@code pt/Conexão/Erros Comuns.md} becomes {@code /pt/conexao/erros-comuns}. */
    private static String url(Path relative, Optional<String> slug) throws FrontMatter.Invalid {
        StringBuilder url = new StringBuilder("/").append(relative.getName(0));
        int last = relative.getNameCount() - 1;
        for (int i = 1; i <= last; i++) {
            String name = relative.getName(i).toString();
            if (i == last) {
                name = slug.orElse(name.substring(0, name.length() - ".md".length()));
            }
            String segment = HeadingIds.slug(name);
            if (segment.isEmpty()) {
                throw new FrontMatter.Invalid("'" + name + "' leaves nothing usable in a URL");
            }
            url.append('/').append(segment);
        }
        return url.toString();
    }

    private static List<Article> dropDuplicateTranslations(Map<String, Article> byUrl, List<Problem> problems) {
        Map<String, Article> seen = new HashMap<>();
        List<Article> kept = new ArrayList<>();
        for (Article a : List.copyOf(byUrl.values())) {
            if (!a.translationKey().isEmpty()) {
                Article earlier = seen.putIfAbsent(a.lang() + "\0" + a.translationKey(), a);
                if (earlier != null) {
                    problems.add(new Problem(a.source(), "translationKey '" + a.translationKey()
                            + "' is already used in '" + a.lang() + "' by " + earlier.source()));
                    byUrl.remove(a.url());
                    continue;
                }
            }
            kept.add(a);
        }
        return kept;
    }

    private static Map<String, String> aliases(List<Article> articles, Set<String> urls, List<Problem> problems) {
        Map<String, String> aliases = new HashMap<>();
        for (Article a : articles) {
            for (String raw : a.aliases()) {
                Optional<String> alias = normalizeAlias(raw);
                if (alias.isEmpty()) {
                    problems.add(new Problem(a.source(), "alias '" + raw + "' is not a site path like /pt/old-name"));
                } else if (urls.contains(alias.get()) || aliases.containsKey(alias.get())) {
                    problems.add(new Problem(a.source(), "alias '" + raw + "' is already the URL or alias of another article"));
                } else {
                    aliases.put(alias.get(), a.url());
                }
            }
        }
        return aliases;
    }

    /** An alias must stay on this site: one leading slash, plain path segments, no dot segments. */
    static Optional<String> normalizeAlias(String raw) {
        String path = raw.strip();
        if (!path.startsWith("/") || path.startsWith("//") || path.contains("\\") || path.contains("?") || path.contains("#")) {
            return Optional.empty();
        }
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        for (String segment : path.substring(1).split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || !segment.matches("[\\p{L}\\p{N}._~%-]+")) {
                return Optional.empty();
            }
        }
        return Optional.of(path);
    }
}
