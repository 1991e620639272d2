package kb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import kb.consent.ConsentSettings;
import kb.consent.ConsentSettingsFile;
import kb.content.ContentLoader;
import kb.content.Library;
import kb.search.SearchIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds a {@link Site} from the content folder: articles, consent settings, and their version. */
final class SiteLoader {
    private static final Logger LOG = LoggerFactory.getLogger(SiteLoader.class);
    static final String CONSENT_FILE = "admin-consent.properties";

    private final Path contentDir;
    private final ContentLoader loader = new ContentLoader(Set.of("admin-consent"), Main.SITE_PAGES);

    SiteLoader(Path contentDir) {
        this.contentDir = contentDir;
    }

    Path contentDir() {
        return contentDir;
    }

    /** A digest of the files besides articles that change what is served: consent settings, synonyms. */
    private String settingsDigest() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : List.of(contentDir.resolve(CONSENT_FILE),
                    contentDir.resolve("synonyms").resolve("pt.txt"), contentDir.resolve("synonyms").resolve("en.txt"))) {
                digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                if (Files.isRegularFile(file)) {
                    digest.update(Files.readAllBytes(file));
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 8);
        } catch (IOException | NoSuchAlgorithmException e) {
            return "unreadable";
        }
    }

    /** The first load: nothing to fall back on. */
    Site load() {
        return load(null);
    }

    /** A reload: broken files and a broken settings file keep what {@code previous} had. */
    Site load(Site previous) {
        long start = System.nanoTime();
        Library library = loader.load(contentDir, previous == null ? Library.EMPTY : previous.library());
        ConsentSettingsFile.Result consent = ConsentSettingsFile.read(contentDir.resolve(CONSENT_FILE));
        if (consent instanceof ConsentSettingsFile.Result.Invalid invalid) {
            LOG.warn("content problem: {}", invalid.message());
        }
        ConsentSettings settings = consent.orElse(previous == null ? ConsentSettings.defaults() : previous.consentSettings());
        SearchIndex search = SearchIndex.build(library, contentDir);
        String version = library.version() + "-" + settingsDigest();
        LOG.info("content version {} ready in {} ms", version, (System.nanoTime() - start) / 1_000_000);
        return new Site(library, search, settings, version);
    }
}
