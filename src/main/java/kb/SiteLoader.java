package kb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kb.consent.ConsentSettings;
import kb.consent.ConsentSettingsFile;
import kb.content.ContentLoader;
import kb.content.Languages;
import kb.content.LanguagesFile;
import kb.content.Library;
import kb.web.Messages;
import kb.search.SearchEngine;
import kb.search.SearchIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds a {@link Site} from the content folder: articles, consent settings, and their version. */
final class SiteLoader {
    private static final Logger LOG = LoggerFactory.getLogger(SiteLoader.class);
    /** The content's folder of UI strings: {@code i18n/<code>.properties} adds or overrides keys. */
    static final String I18N = "i18n";

    private final Path contentDir;
    /** UI strings already logged as missing: once per key and language for the life of the site, not once per reload. */
    private final Set<String> missingStrings = ConcurrentHashMap.newKeySet();
    private final SearchEngine engine;
    private final ContentLoader loader;

    /** A loader that keeps the index in memory: every start reads and indexes every file. */
    SiteLoader(Path contentDir) {
        this(contentDir, SearchEngine.inMemory());
    }

    /**
     * A loader that keeps the search index, and the articles with it, in {@code dataDir/index}: a
     * start reads only the files that changed since the last run, and a reload only those changed since the last load.
     */
    SiteLoader(Path contentDir, Path dataDir) {
        this(contentDir, SearchEngine.onDisk(dataDir.resolve("index")));
    }

    private SiteLoader(Path contentDir, SearchEngine engine) {
        this.contentDir = contentDir;
        this.engine = engine;
        this.loader = new ContentLoader(kb.web.SitePage.embeds(), kb.web.SitePage.linkTargets(), engine);
    }

    /** Releases the index (its files and lock); the last site loaded must no longer be used. */
    void close() {
        engine.close();
    }

    Path contentDir() {
        return contentDir;
    }

    /**
     * A digest of the files besides articles that change what is served: consent settings, the
     * languages, and each language's synonyms and UI strings.
     */
    private String settingsDigest(Languages languages) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<Path> files = new ArrayList<>(List.of(contentDir.resolve(ConsentSettingsFile.NAME), contentDir.resolve(LanguagesFile.NAME)));
            for (String lang : languages.codes()) {
                files.add(contentDir.resolve("synonyms").resolve(lang + ".txt"));
                files.add(contentDir.resolve(I18N).resolve(lang + ".properties"));
            }
            digest.update(languages.toString().getBytes(StandardCharsets.UTF_8));
            for (Path file : files) {
                digest.update(contentDir.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                if (Files.isRegularFile(file)) {
                    digest.update(Files.readAllBytes(file));
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 8);
        } catch (IOException | NoSuchAlgorithmException e) {
            return "unreadable";
        }
    }

    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** Whether the load under way builds a search index from nothing (every file parsed). */
    boolean building() {
        return engine.building();
    }

    /**
     * Merges the segments the first load's build left in the index, beside the site it serves
     * (see {@link SearchEngine#mergeBuildSegments}); slow, and never under the reloads' lock.
     *
     * @return whether there was anything to merge, and {@link #remerged} is to serve it
     */
    boolean mergeBuildSegments() {
        return engine.mergeBuildSegments();
    }

    /** The same site over the index as it is now (its segments merged): the same content, synonyms and version. */
    Site remerged(Site site) {
        return site.with(site.library(), engine.republish(site.library()));
    }

    /** The first load leaves its link check for {@link #linksChecked}, once the site answers. */
    void deferFirstLinkCheck() {
        loader.deferFirstLinkCheck();
    }

    /**
     * The same site with its links checked, when its load left that undone ({@link #deferFirstLinkCheck});
     * null when nothing is owed. Under the reloads' lock, like a load.
     */
    Site linksChecked(Site site) {
        Library checked = loader.checkOwedLinks(contentDir, site.library());
        return checked == null ? null : site.with(checked, site.search());
    }

    /** The first load: nothing to fall back on. */
    Site load() {
        return load(null);
    }

    /** A reload: broken files and a broken settings file keep what {@code previous} had. */
    Site load(Site previous) {
        return load(previous, null);
    }

    /**
     * A reload after a change to the given paths (absolute; null when unknown): only changed
     * article files are read again.
     */
    Site load(Site previous, Set<java.nio.file.Path> changed) {
        long start = System.nanoTime();
        long cpu = processCpuNanos();
        Library library = loader.load(contentDir, previous == null ? Library.EMPTY : previous.library(), changed);
        ConsentSettingsFile.Result consent = ConsentSettingsFile.read(contentDir.resolve(ConsentSettingsFile.NAME));
        if (consent instanceof ConsentSettingsFile.Result.Invalid invalid) {
            LOG.warn("content problem: {}", invalid.message());
        }
        ConsentSettings settings = consent.orElse(previous == null ? ConsentSettings.defaults() : previous.consentSettings());
        SearchIndex search = engine.publish(library, contentDir);
        String version = library.version() + "-" + settingsDigest(library.languages());
        Map<String, Messages> messages = Messages.load(library.languages(), contentDir.resolve(I18N), missingStrings);
        // The CPU time is the whole process's: what a reload costs when nothing else runs.
        LOG.info("content version {} ready in {} ms ({} ms of CPU)", version, (System.nanoTime() - start) / 1_000_000,
                (processCpuNanos() - cpu) / 1_000_000);
        return new Site(library, search, settings, version, messages);
    }
}
