package kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import kb.insights.InsightsSettings;
import org.junit.jupiter.api.Test;

/** Where the site writes and which database it uses: flags over environment, secrets from the environment only. */
class StorageSettingsTest {
    @Test
    void byDefaultEverythingGoesToDataAndAnEmbeddedDatabase() throws Exception {
        Settings s = Settings.parse(new String[0], Map.of());
        assertThat(s.dataDir()).isEqualTo(Path.of("data"));
        assertThat(s.insights().databaseUrl()).isEmpty();
        assertThat(s.insights().retentionDays()).isEqualTo(395);
        assertThat(s.insights().password()).isEmpty();
    }

    @Test
    void flagsWinOverTheEnvironment() throws Exception {
        Map<String, String> env = Map.of("KB_DATA", "/srv/kb-data", "KB_DATABASE_URL", "jdbc:postgresql://db/kb",
                "KB_DATABASE_PASSWORD", "secret", "KB_INSIGHTS_PASSWORD", "team", "KB_RETENTION_DAYS", "30");
        Settings fromEnv = Settings.parse(new String[0], env);
        assertThat(fromEnv.dataDir()).isEqualTo(Path.of("/srv/kb-data"));
        assertThat(fromEnv.insights()).isEqualTo(new InsightsSettings(Optional.of("jdbc:postgresql://db/kb"), Optional.of("secret"),
                Optional.of("team"), 30));
        Settings flags = Settings.parse(new String[] {"--data", "/tmp/x", "--database-url=jdbc:sqlite:/tmp/x/y.db"}, env);
        assertThat(flags.dataDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(flags.insights().databaseUrl()).contains("jdbc:sqlite:/tmp/x/y.db");
    }

    @Test
    void anUnknownDatabaseOrABadRetentionStopsTheServerWithAReason() {
        assertThatThrownBy(() -> Settings.parse(new String[] {"--database-url", "jdbc:mysql://db/kb?password=hunter2"}, Map.of()))
                .isInstanceOf(Settings.Invalid.class).hasMessageContaining("jdbc:sqlite: or jdbc:postgresql:")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> Settings.parse(new String[0], Map.of("KB_RETENTION_DAYS", "0")))
                .isInstanceOf(Settings.Invalid.class).hasMessageContaining("KB_RETENTION_DAYS");
        assertThatThrownBy(() -> Settings.parse(new String[] {"--data"}, Map.of()))
                .isInstanceOf(Settings.Invalid.class).hasMessageContaining("--data needs a value");
    }

    @Test
    void passwordsNeverShowInTheSettingsPrintedForm() throws Exception {
        Settings s = Settings.parse(new String[0], Map.of("KB_DATABASE_PASSWORD", "dbsecret", "KB_INSIGHTS_PASSWORD", "teamsecret",
                "KB_DATABASE_URL", "jdbc:postgresql://db/kb?password=urlsecret"));
        assertThat(s.toString()).doesNotContain("dbsecret").doesNotContain("teamsecret").doesNotContain("urlsecret");
    }
}
