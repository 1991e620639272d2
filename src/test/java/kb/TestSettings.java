package kb;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import kb.insights.InsightsSettings;

/** Settings as tests want them: a free port, a content folder, and the odd setting changed. */
public final class TestSettings {
    private TestSettings() {}

    /** A free port and a content folder; everything else as an operator who sets nothing gets. */
    public static Settings of(Path contentDir) {
        return of(contentDir, Optional.empty());
    }

    /** The same with a public base URL. */
    public static Settings of(Path contentDir, Optional<URI> baseUrl) {
        return new Settings(0, contentDir, baseUrl, Settings.DEFAULT_DATA, InsightsSettings.defaults());
    }

    /** The same settings writing into another data folder. */
    public static Settings withDataDir(Settings s, Path dir) {
        return new Settings(s.port(), s.contentDir(), s.baseUrl(), dir, s.insights());
    }

    /** The same settings with other storage settings. */
    public static Settings withInsights(Settings s, InsightsSettings other) {
        return new Settings(s.port(), s.contentDir(), s.baseUrl(), s.dataDir(), other);
    }

    /** The same settings storing feedback and searches at another database. */
    public static Settings withDatabaseUrl(Settings s, String url) {
        InsightsSettings i = s.insights();
        return withInsights(s, new InsightsSettings(Optional.of(url), i.databasePassword(), i.password(), i.retentionDays()));
    }

    /** The same settings with an {@code /insights} password. */
    public static Settings withInsightsPassword(Settings s, String password) {
        InsightsSettings i = s.insights();
        return withInsights(s, new InsightsSettings(i.databaseUrl(), i.databasePassword(), Optional.of(password), i.retentionDays()));
    }
}
