package kb;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the server listens and which content it serves, from the command line or the environment.
 *
 * @param port       the TCP port; 0 picks a free one
 * @param contentDir the folder holding {@code pt/} and {@code en/}
 */
public record Settings(int port, Path contentDir) {
    public static final int DEFAULT_PORT = 7070;

    /** Thrown with a message fit for the operator's terminal. */
    public static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    /** Arguments win over {@code KB_PORT} and {@code KB_CONTENT}, which win over the defaults. */
    public static Settings parse(String[] args, Map<String, String> env) throws Invalid {
        String port = env.getOrDefault("KB_PORT", String.valueOf(DEFAULT_PORT));
        String content = env.getOrDefault("KB_CONTENT", "content");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--port") || arg.equals("--content")) {
                if (i + 1 >= args.length) {
                    throw new Invalid(arg + " needs a value");
                }
                if (arg.equals("--port")) {
                    port = args[++i];
                } else {
                    content = args[++i];
                }
            } else if (arg.startsWith("--port=")) {
                port = arg.substring("--port=".length());
            } else if (arg.startsWith("--content=")) {
                content = arg.substring("--content=".length());
            } else {
                throw new Invalid("unknown argument '" + arg + "'; usage: java -jar kb.jar [--port N] [--content DIR]");
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
        return new Settings(number, Path.of(content));
    }
}
