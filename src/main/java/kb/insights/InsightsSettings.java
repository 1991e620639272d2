package kb.insights;

import java.util.Locale;
import java.util.Optional;

/**
 * Where feedback and search analytics are stored and for how long.
 *
 * @param databaseUrl      a {@code jdbc:sqlite:} or {@code jdbc:postgresql:} URL; empty means a SQLite
 *                         file in the data folder
 * @param databasePassword the database user's password ({@code KB_DATABASE_PASSWORD})
 * @param password         the password of {@code /insights} ({@code KB_INSIGHTS_PASSWORD}); empty means
 *                         one generated into the data folder at first start
 * @param retentionDays    rows older than this many days are deleted
 */
public record InsightsSettings(Optional<String> databaseUrl, Optional<String> databasePassword, Optional<String> password,
        int retentionDays) {
    public static final int DEFAULT_RETENTION_DAYS = 395;

    public static InsightsSettings defaults() {
        return new InsightsSettings(Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_RETENTION_DAYS);
    }

    /** From the raw flag and environment values (null when unset); throws with a message for the operator. */
    public static InsightsSettings parse(String databaseUrl, String databasePassword, String password, String retentionDays) {
        Optional<String> url = blankToEmpty(databaseUrl).map(String::strip);
        url.ifPresent(u -> {
            String lower = u.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("jdbc:sqlite:") && !lower.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("database URL must start with jdbc:sqlite: or jdbc:postgresql:, not '"
                        + redact(u) + "'");
            }
        });
        int days = DEFAULT_RETENTION_DAYS;
        if (retentionDays != null && !retentionDays.isBlank()) {
            try {
                days = Integer.parseInt(retentionDays.strip());
            } catch (NumberFormatException e) {
                days = -1;
            }
            if (days < 1 || days > 36_500) {
                throw new IllegalArgumentException("KB_RETENTION_DAYS must be a number of days from 1 to 36500, not '"
                        + retentionDays + "'");
            }
        }
        return new InsightsSettings(url, blankToEmpty(databasePassword), blankToEmpty(password), days);
    }

    /** A URL fit for a log line: no query string, where a password may hide. */
    public static String redact(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?…";
    }

    private static Optional<String> blankToEmpty(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }

    @Override
    public String toString() {
        // Never print the passwords.
        return "InsightsSettings[databaseUrl=" + databaseUrl.map(InsightsSettings::redact) + ", retentionDays=" + retentionDays + "]";
    }
}
