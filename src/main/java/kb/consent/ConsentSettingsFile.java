package kb.consent;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads {@link ConsentSettings} from the operator's {@code .properties} file (UTF-8); a missing file
 * or key means the seed's value. Example, every key optional:
 *
 * <pre>
 * # admin-consent.properties: read again whenever the content is reloaded
 * client_id = 450987b3-a09a-4f14-9b2c-4f301d1e15f5
 * # whitespace-separated, in the order the URL lists them; end a line with \ to continue it
 * scopes = https://graph.microsoft.com/User.Read \
 *          https://graph.microsoft.com/Calendars.Read
 * redirect_uri = https://app.hubspot.com/oauthor/v1/office365/verify
 * state = 12345
 * # the articles the consent page links to: translationKey, optionally #section
 * find_tenant_article = find-tenant-id
 * consent_article = inbox-calendar-connection-errors#tenant-admin-consent
 * </pre>
 */
public final class ConsentSettingsFile {

    /** Far more than the keys need; a bigger file is a mistake, not settings. */
    /** The file's name in the content folder. */
    public static final String NAME = "admin-consent.properties";
    /** The setting naming the article that shows where the tenant ID is. */
    public static final String FIND_TENANT_ARTICLE = "find_tenant_article";
    /** The setting naming the article (and section) that explains admin consent. */
    public static final String CONSENT_ARTICLE = "consent_article";
    private static final long MAX_BYTES = 64 * 1024;
    private static final List<String> KEYS = List.of("client_id", "scopes", "redirect_uri", "state",
            FIND_TENANT_ARTICLE, CONSENT_ARTICLE);

    private ConsentSettingsFile() {
    }

    /** Reads {@code file}; never throws for a bad or unreadable file, it answers {@link Result.Invalid}. */
    public static Result read(Path file) {
        Objects.requireNonNull(file, "file");
        if (!Files.exists(file)) {
            return new Result.Loaded(ConsentSettings.defaults());
        }
        try {
            return new Result.Loaded(parse(load(file)));
        } catch (IOException | IllegalArgumentException e) {
            return new Result.Invalid(file, e.getMessage());
        }
    }

    private static Properties load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("is not a regular file");
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException("is larger than " + MAX_BYTES / 1024 + " KB");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("is not UTF-8 text");
        } catch (IOException e) {
            throw new IOException("cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IllegalArgumentException e) {
            throw new IOException("is not a valid properties file: " + e.getMessage());
        }
        return properties;
    }

    private static ConsentSettings parse(Properties properties) {
        // A misspelt key would otherwise leave the default in place without a word.
        Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown key " + ConsentSettings.quote(unknown.iterator().next())
                    + "; the keys are " + String.join(", ", KEYS));
        }
        ConsentSettings defaults = ConsentSettings.defaults();
        String scopes = properties.getProperty("scopes");
        return new ConsentSettings(
                value(properties, "client_id", defaults.clientId()),
                scopes == null ? defaults.scopes() : splitScopes(scopes),
                value(properties, "redirect_uri", defaults.redirectUri()),
                value(properties, "state", defaults.state()),
                article(properties, FIND_TENANT_ARTICLE, defaults.findTenantArticle()),
                article(properties, CONSENT_ARTICLE, defaults.consentArticle()));
    }

    private static String value(Properties properties, String key, String fallback) {
        String value = properties.getProperty(key);
        return value == null ? fallback : value.strip();
    }

    private static ArticleLink article(Properties properties, String key, ArticleLink fallback) {
        String value = properties.getProperty(key);
        return value == null ? fallback : ArticleLink.parse(key, value.strip());
    }

    private static List<String> splitScopes(String scopes) {
        String stripped = scopes.strip();
        return stripped.isEmpty() ? List.of() : Arrays.asList(stripped.split("\\s+"));
    }

    /** The outcome of reading the file: settings to use, or why the file was refused. */
    public sealed interface Result {

        /** The settings to use from now on: {@code previous} when the file was refused. */
        ConsentSettings orElse(ConsentSettings previous);

        /** The file (or its absence) gave these settings. */
        record Loaded(ConsentSettings settings) implements Result {
            @Override
            public ConsentSettings orElse(ConsentSettings previous) {
                return settings;
            }
        }

        /** The file was refused; {@link #message()} says which file and why, for the log. */
        record Invalid(Path file, String reason) implements Result {
            @Override
            public ConsentSettings orElse(ConsentSettings previous) {
                return previous;
            }

            public String message() {
                return file + ": " + reason + " (the previous admin-consent settings stay in use)";
            }
        }
    }
}
