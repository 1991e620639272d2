package kb.insights.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import kb.insights.InsightsSettings;
import org.flywaydb.core.Flyway;

/**
 * The insights database: an embedded SQLite file by default, PostgreSQL when replicas share one.
 * The pool never fails at start (a database that is down is retried by the writer), waits at most a
 * couple of seconds for a connection, and the same Flyway migrations build the schema on both.
 */
public final class Database implements AutoCloseable {
    /** The two databases the one set of migrations is written for. */
    public enum Vendor { SQLITE, POSTGRESQL }

    /** The embedded default: a file in the data folder, created on first use. */
    public static String defaultUrl(Path dataDir) {
        return "jdbc:sqlite:" + dataDir.toAbsolutePath().resolve("insights.db");
    }

    private final HikariDataSource pool;
    private final Vendor vendor;
    private final String description;
    private volatile boolean migrated;

    private Database(HikariDataSource pool, Vendor vendor, String description) {
        this.pool = pool;
        this.vendor = vendor;
        this.description = description;
    }

    /** A pool for the URL; no connection is made yet. */
    public static Database open(String url, Optional<String> password) {
        Vendor vendor = url.toLowerCase(Locale.ROOT).startsWith("jdbc:sqlite:") ? Vendor.SQLITE : Vendor.POSTGRESQL;
        HikariConfig config = new HikariConfig();
        config.setPoolName("kb-insights");
        config.setJdbcUrl(url);
        password.ifPresent(config::setPassword);
        // Start even when the database is down: the writer retries, nothing waits for it.
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(2_000);
        config.setValidationTimeout(1_000);
        config.setMinimumIdle(0);
        if (vendor == Vendor.SQLITE) {
            // One writer thread and the occasional /insights reader: WAL lets them not block each other.
            config.setMaximumPoolSize(3);
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "NORMAL");
            config.addDataSourceProperty("busy_timeout", "5000");
        } else {
            config.setMaximumPoolSize(4);
            // Seconds: a server that accepts connections but never answers cannot hold a thread for long.
            config.addDataSourceProperty("connectTimeout", "2");
            config.addDataSourceProperty("loginTimeout", "3");
            config.addDataSourceProperty("socketTimeout", "30");
            config.addDataSourceProperty("ApplicationName", "kb");
        }
        return new Database(new HikariDataSource(config), vendor, InsightsSettings.redact(url));
    }

    /** The URL without its query string, for logs. */
    public String description() {
        return description;
    }

    public DataSource dataSource() {
        return pool;
    }

    /** A connection from the pool; fails after about two seconds when the database cannot be reached. */
    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** Brings the schema up to date; safe to run from several replicas at once (Flyway takes a lock). */
    public void migrate() {
        Flyway.configure(Database.class.getClassLoader())
                .dataSource(pool)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        migrated = true;
    }

    /** Whether this process has seen the schema up to date. */
    public boolean migrated() {
        return migrated;
    }

    @Override
    public void close() {
        pool.close();
    }
}
