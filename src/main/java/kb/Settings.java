package kb;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the server listens, which content it serves and under which public address, from the
 * command line or the environment.
 *
 * @param port       the TCP port; 0 picks a free one
 * @param contentDir the folder holding {@code pt/} and {@code en/}
 * @param baseUrl    the public address readers and crawlers use ({@code https://help.example.com}), without
 *                   a trailing slash; empty means {@code http://localhost:<port>}
 */
public record Settings(int port, Path contentDir, Optional<URI> baseUrl) {
    public static final int DEFAULT_PORT = 7070;

    public Settings(int port, Path contentDir) {
        this(port, contentDir, Optional.empty());
    }

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

    /** Arguments win over {@code KB_PORT}, {@code KB_CONTENT} and {@code KB_BASE_URL}, which win over the defaults. */
    public static Settings parse(String[] args, Map<String, String> env) throws Invalid {
        String port = env.getOrDefault("KB_PORT", String.valueOf(DEFAULT_PORT));
        String content = env.getOrDefault("KB_CONTENT", "content");
        String base = env.get("KB_BASE_URL");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--port") || arg.equals("--content") || arg.equals("--base-url")) {
                if (i + 1 >= args.length) {
                    throw new Invalid(arg + " needs a value");
                }
                String value = args[++i];
                switch (arg) {
                    case "--port" -> port = value;
                    case "--content" -> content = value;
                    default -> base = value;
                }
            } else if (arg.startsWith("--port=")) {
                port = arg.substring("--port=".length());
            } else if (arg.startsWith("--content=")) {
                content = arg.substring("--content=".length());
            } else if (arg.startsWith("--base-url=")) {
                base = arg.substring("--base-url=".length());
            } else {
                throw new Invalid("unknown argument '" + arg
                        + "'; usage: java -jar kb.jar [--port N] [--content DIR] [--base-url URL]");
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
        return new Settings(number, Path.of(content), base == null || base.isBlank() ? Optional.empty() : Optional.of(baseUrl(base)));
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
