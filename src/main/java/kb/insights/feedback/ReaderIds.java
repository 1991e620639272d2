package kb.insights.feedback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recognises a reader for one day without a cookie and without keeping their address: a SHA-256 of
 * the day's salt, the address and the user agent. The salt is random, made by whichever replica
 * needs it first and shared with the others through the database; the daily maintenance deletes it
 * two days later, after which no stored hash can be tied back to an address.
 */
public final class ReaderIds {
    private final Map<String, byte[]> salts = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** Makes sure the day's salt is known, creating it in the database when no replica has yet. */
    void load(Connection c, String day) throws SQLException {
        if (salts.containsKey(day)) {
            return;
        }
        String salt = select(c, day);
        if (salt == null) {
            byte[] fresh = new byte[32];
            random.nextBytes(fresh);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO reader_salts (day, salt) VALUES (?, ?) ON CONFLICT (day) DO NOTHING")) {
                insert.setString(1, day);
                insert.setString(2, HexFormat.of().formatHex(fresh));
                insert.executeUpdate();
            }
            salt = select(c, day);
            if (salt == null) {
                throw new SQLException("the salt of " + day + " vanished as it was written");
            }
        }
        // Only the days still in use: today, and yesterday's votes still in the queue at midnight.
        if (salts.size() > 2) {
            salts.keySet().stream().sorted().limit(salts.size() - 2L).toList().forEach(salts::remove);
        }
        salts.put(day, HexFormat.of().parseHex(salt));
    }

    private static String select(Connection c, String day) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT salt FROM reader_salts WHERE day = ?")) {
            q.setString(1, day);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The reader's hash on that day; {@link #load} must have run for the day. */
    String reader(String day, String address, String userAgent) {
        byte[] salt = salts.get(day);
        if (salt == null) {
            throw new IllegalStateException("no salt loaded for " + day);
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(address.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(userAgent.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Forgets salts the maintenance deleted. */
    public void forgetBefore(String day) {
        salts.keySet().removeIf(d -> d.compareTo(day) < 0);
    }
}
