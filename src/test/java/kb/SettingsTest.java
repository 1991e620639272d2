package kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The operator's settings: defaults, flags over environment, and a public base URL that cannot point anywhere odd. */
class SettingsTest {
    @Test
    void withoutABaseUrlAbsoluteLinksUseLocalhostAndTheRealPort() throws Exception {
        Settings s = Settings.parse(new String[0], Map.of());
        assertThat(s.baseUrl()).isEmpty();
        assertThat(s.publicBase(43210)).isEqualTo(URI.create("http://localhost:43210"));
    }

    @Test
    void theBaseUrlComesFromTheFlagOrTheEnvironmentAndLosesItsTrailingSlash() throws Exception {
        assertThat(Settings.parse(new String[0], Map.of("KB_BASE_URL", "https://help.example.com/")).baseUrl())
                .contains(URI.create("https://help.example.com"));
        assertThat(Settings.parse(new String[] {"--base-url", "https://Help.Example.com:8443"},
                Map.of("KB_BASE_URL", "https://other.example")).baseUrl())
                .contains(URI.create("https://help.example.com:8443"));
        assertThat(Settings.parse(new String[] {"--base-url=http://localhost:7070"}, Map.of()).baseUrl())
                .contains(URI.create("http://localhost:7070"));
        assertThat(Settings.parse(new String[0], Map.of("KB_BASE_URL", "  ")).baseUrl()).isEqualTo(Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"help.example.com", "/pt/", "ftp://help.example.com", "javascript:alert(1)",
        "https://help.example.com/?x=1", "https://help.example.com/#top", "https://user:pw@help.example.com",
        "https://help.example.com/kb", "https://", "http:///path", "https://exa mple.com"})
    void aBaseUrlThatIsNotTheRootOfAnHttpSiteIsRefusedWithAReason(String bad) {
        assertThatThrownBy(() -> Settings.parse(new String[] {"--base-url", bad}, Map.of()))
                .isInstanceOf(Settings.Invalid.class)
                .hasMessageContaining("base URL");
    }

    @Test
    void aFlagWithoutItsValueIsRefused() throws Settings.Invalid {
        assertThatThrownBy(() -> Settings.parse(new String[] {"--base-url"}, Map.of()))
                .isInstanceOf(Settings.Invalid.class).hasMessageContaining("--base-url needs a value");
        // The next flag is not the value: "--content --data x" does not make "--data" the content folder.
        assertThatThrownBy(() -> Settings.parse(new String[] {"--content", "--data", "/tmp/x"}, Map.of()))
                .isInstanceOf(Settings.Invalid.class).hasMessageContaining("--content needs a value");
        assertThat(Settings.parse(new String[] {"--content=--odd-name"}, Map.of()).contentDir()).hasToString("--odd-name");
    }
}
