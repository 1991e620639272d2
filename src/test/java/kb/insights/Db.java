package kb.insights;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Reads the insights database directly, as the tests' witness that rows landed (or did not). */
public final class Db {
    private Db() {}

    /** The embedded database of a server's data folder. */
    public static String sqlite(Path dataDir) {
        return "jdbc:sqlite:" + dataDir.toAbsolutePath().resolve("insights.db");
    }

    /** Every row of the query, each as a list of its columns' values. */
    public static List<List<Object>> rows(String url, String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(url); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            List<List<Object>> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        row.add(rs.getObject(i));
                    }
                    out.add(row);
                }
            }
            return out;
        } catch (SQLException e) {
            // not migrated yet, or down: no rows to see
            return List.of();
        }
    }

    /** Polls the query until its rows satisfy the check (the writer works in the background), or fails. */
    public static List<List<Object>> await(String url, Duration timeout, Predicate<List<List<Object>>> check, String sql,
            Object... params) {
        long end = System.nanoTime() + timeout.toNanos();
        List<List<Object>> rows = rows(url, sql, params);
        while (!check.test(rows)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("after " + timeout.toSeconds() + " s, " + sql + " still gives " + rows);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            rows = rows(url, sql, params);
        }
        return rows;
    }

    /** The count of a {@code SELECT COUNT(*)} once it reaches the expected value. */
    public static void awaitCount(String url, long expected, String sql, Object... params) {
        await(url, Duration.ofSeconds(20), r -> !r.isEmpty() && ((Number) r.get(0).get(0)).longValue() == expected, sql, params);
    }
}
