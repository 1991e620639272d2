package kb.insights.report;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import kb.insights.Guard;
import kb.insights.InsightsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP Basic for {@code /insights}: user {@code admin}, the operator's password or one generated
 * into the data folder. After {@value #FAILURES_BEFORE_BLOCK} wrong attempts in a row from one
 * address, that address gets 429 for {@value #BLOCK_SECONDS} s, whatever it sends.
 */
public final class Access {
    private static final Logger LOG = LoggerFactory.getLogger(Access.class);
    public static final String USER = "admin";
    public static final String PASSWORD_FILE = "insights-password";
    static final int FAILURES_BEFORE_BLOCK = 5;
    static final long BLOCK_SECONDS = 300;

    /** The outcome of one request's credentials. */
    public enum Verdict { ALLOWED, ASK, WRONG, BLOCKED }

    private record Failures(int count, long last) {}

    private final Optional<byte[]> password;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public Access(Optional<String> password, Clock clock) {
        this.password = password.map(p -> p.getBytes(StandardCharsets.UTF_8));
        this.clock = clock;
    }

    /**
     * The operator's {@code KB_INSIGHTS_PASSWORD}, else the one in {@code <data>/insights-password},
     * generated there (readable by the owner only) at first start. Empty when neither can be had.
     */
    public static Optional<String> password(InsightsSettings settings, Path dataDir) {
        return password(settings, dataDir, false);
    }

    private static Optional<String> password(InsightsSettings settings, Path dataDir, boolean again) {
        if (settings.password().isPresent()) {
            return settings.password();
        }
        Path file = dataDir.resolve(PASSWORD_FILE).toAbsolutePath();
        try {
            if (Files.exists(file)) {
                String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!stored.isEmpty()) {
                    LOG.info("insights: /insights accepts user {} with the password in {}", USER, file);
                    return Optional.of(stored);
                }
                Files.delete(file);
            }
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(file.getParent());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, generated + "\n", StandardCharsets.UTF_8);
            LOG.info("insights: generated a password for /insights (user {}) into {}; set KB_INSIGHTS_PASSWORD to choose one", USER, file);
            return Optional.of(generated);
        } catch (FileAlreadyExistsException e) {
            if (!again && file.toString().equals(e.getFile())) {
                // another process made it between our check and our write: read theirs
                return password(settings, dataDir, true);
            }
            // a file where the data folder (or a folder in its path) should be
            LOG.warn("insights: cannot read or write {} ({} is not a folder); /insights stays closed until KB_INSIGHTS_PASSWORD is set",
                    file, e.getFile());
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("insights: cannot read or write {} ({}); /insights stays closed until KB_INSIGHTS_PASSWORD is set", file, e.toString());
            return Optional.empty();
        }
    }

    /** Whether the request may see the page; sets {@code Retry-After} when blocked. */
    public Verdict check(Context ctx) {
        String address = Guard.clientAddress(ctx);
        long now = clock.millis();
        Failures f = failures.get(address);
        if (f != null && f.count() >= FAILURES_BEFORE_BLOCK) {
            long left = f.last() + BLOCK_SECONDS * 1000 - now;
            if (left > 0) {
                ctx.header("Retry-After", Long.toString((left + 999) / 1000));
                return Verdict.BLOCKED;
            }
            failures.remove(address);
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6) || password.isEmpty()) {
            return Verdict.ASK;
        }
        if (matches(header.substring(6).strip())) {
            failures.remove(address);
            return Verdict.ALLOWED;
        }
        if (failures.size() > 10_000) {
            failures.values().removeIf(old -> now - old.last() > BLOCK_SECONDS * 1000);
        }
        failures.merge(address, new Failures(1, now), (a, b) -> new Failures(a.count() + 1, now));
        return Verdict.WRONG;
    }

    private boolean matches(String encoded) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String pair = new String(decoded, StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        if (colon < 0) {
            return false;
        }
        boolean user = MessageDigest.isEqual(pair.substring(0, colon).getBytes(StandardCharsets.UTF_8),
                USER.getBytes(StandardCharsets.UTF_8));
        boolean pass = MessageDigest.isEqual(pair.substring(colon + 1).getBytes(StandardCharsets.UTF_8), password.get());
        return user & pass;
    }
}
