package kb;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kb.insights.InsightsSettings;

/**
 * Where the server listens, which content it serves and under which public address, from the
 * command line or the environment.
 *
 * @param port       the TCP port; 0 picks a free one
 * @param contentDir the folder holding {@code pt/} and {@code en/}
 * @param baseUrl    the public address readers and crawlers use ({@code https://help.example.com}), without
 *                   a trailing slash; empty means {@code http://localhost:<port>}
 * @param dataDir    where everything the site writes lives (the embedded database, generated secrets)
 * @param insights   where feedback and search analytics are stored, and for how long
 */
public record Settings(int port, Path contentDir, Optional<URI> baseUrl, Path dataDir, InsightsSettings insights) {
    public static final int DEFAULT_PORT = 7070;
    public static final Path DEFAULT_DATA = Path.of("data");

    /** Thrown with a message fit for the operator's terminal. */
    public static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    /** The address absolute links (canonical, sitemap, feeds) start with, once the real port is known. */
    public URI publicBase(int actualPort) {
        return baseUrl.orElseGet(() -> URI.create("http://localhost:" + actualPort));
    }

    /**
     * Arguments win over {@code KB_PORT}, {@code KB_CONTENT}, {@code KB_BASE_URL}, {@code KB_DATA} and
     * {@code KB_DATABASE_URL}, which win over the defaults. Secrets ({@code KB_DATABASE_PASSWORD},
     * {@code KB_INSIGHTS_PASSWORD}) and {@code KB_RETENTION_DAYS} come from the environment only, so
     * no password shows in the process list.
     */
    public static Settings parse(String[] args, Map<String, String> env) throws Invalid {
        String port = env.getOrDefault("KB_PORT", String.valueOf(DEFAULT_PORT));
        String content = env.getOrDefault("KB_CONTENT", "content");
        String base = env.get("KB_BASE_URL");
        String data = env.getOrDefault("KB_DATA", DEFAULT_DATA.toString());
        String database = env.get("KB_DATABASE_URL");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!List.of("--port", "--content", "--base-url", "--data", "--database-url").contains(name)) {
                throw new Invalid("unknown argument '" + arg
                        + "'; usage: java -jar kb.jar [--port N] [--content DIR] [--base-url URL] [--data DIR] [--database-url URL]");
            }
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                // "--content --data x": the next flag is not the folder (write --content=--odd-name for one)
                throw new Invalid(arg + " needs a value");
            } else {
                value = args[++i];
            }
            switch (name) {
                case "--port" -> port = value;
                case "--content" -> content = value;
                case "--data" -> data = value;
                case "--database-url" -> database = value;
                default -> base = value;
            }
        }
        int number;
        try {
            number = Integer.parseInt(port.strip());
        } catch (NumberFormatException e) {
            throw new Invalid("port must be a number from 0 to 65535, not '" + port + "'");
        }
        if (number < 0 || number > 65535) {
            throw new Invalid("port must be a number from 0 to 65535, not " + number);
        }
        if (content.isBlank()) {
            throw new Invalid("content folder must not be empty");
        }
        if (data.isBlank()) {
            throw new Invalid("data folder must not be empty");
        }
        InsightsSettings insights;
        try {
            insights = InsightsSettings.parse(database, env.get("KB_DATABASE_PASSWORD"), env.get("KB_INSIGHTS_PASSWORD"),
                    env.get("KB_RETENTION_DAYS"));
        } catch (IllegalArgumentException e) {
            throw new Invalid(e.getMessage());
        }
        return new Settings(number, Path.of(content), base == null || base.isBlank() ? Optional.empty() : Optional.of(baseUrl(base)),
                Path.of(data), insights);
    }

    /**
     * The public address must be fixed by the operator: building it from a request's Host header
     * would let anyone choose where canonical links and feeds point.
     */
    static URI baseUrl(String raw) throws Invalid {
        String text = raw.strip();
        String usage = "base URL must be an absolute http or https address such as https://help.example.com, not '" + text + "'";
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new Invalid(usage);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getRawAuthority() == null) {
            throw new Invalid(usage);
        }
        if (uri.getRawUserInfo() != null) {
            throw new Invalid("base URL must not carry a user name or password: '" + text + "'");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new Invalid("base URL must not have a query (?…) or a fragment (#…): '" + text + "'");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!path.isEmpty() && !path.equals("/")) {
            throw new Invalid("base URL must be the root of its host (the site's links start with /pt/ and /en/), not '" + text + "'");
        }
        return URI.create(scheme + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT));
    }
}
