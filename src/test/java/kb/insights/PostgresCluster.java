package kb.insights;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster from Debian's {@code postgresql} package, the way the scale-out
 * script starts nginx: {@code initdb} and {@code pg_ctl} as the {@code postgres} user (as root,
 * through {@code runuser}), in a temp folder that user can enter, on a free loopback port, trusting
 * local connections of user {@code kb}. Missing binaries fail the test with the install command:
 * the PostgreSQL tests never skip silently.
 */
public final class PostgresCluster implements AutoCloseable {
    private static final String INSTALL = "apt-get install -y postgresql";

    private final Path dir;
    private final Path data;
    private final Path bin;
    private final int port;
    private final boolean root;

    private PostgresCluster(Path dir, Path bin, int port, boolean root) {
        this.dir = dir;
        this.data = dir.resolve("data");
        this.bin = bin;
        this.port = port;
        this.root = root;
    }

    /** Creates and starts a cluster (a few seconds). */
    public static PostgresCluster start() {
        Path bin = findBin();
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Path dir = Files.createTempDirectory(Path.of("/tmp"), "kb-pg-");
            if (root) {
                UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
                Files.setOwner(dir, postgres);
            }
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            PostgresCluster cluster = new PostgresCluster(dir, bin, freePort(), root);
            cluster.run(List.of(bin.resolve("initdb").toString(), "-D", cluster.data.toString(), "-A", "trust", "-U", "kb",
                    "-E", "UTF8", "--locale=C", "--no-sync"), 120);
            cluster.startServer();
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path findBin() {
        File versions = new File("/usr/lib/postgresql");
        String[] names = versions.list();
        if (names != null) {
            for (String v : Stream.of(names).sorted(Comparator.reverseOrder()).toList()) {
                Path bin = versions.toPath().resolve(v).resolve("bin");
                if (Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"))) {
                    return bin;
                }
            }
        }
        throw new AssertionError("the PostgreSQL tests need Debian's PostgreSQL server (initdb, pg_ctl under "
                + "/usr/lib/postgresql/<version>/bin): " + INSTALL);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Starts the server (again, after {@link #stop}) on the same port and data; waits until it accepts connections. */
    public void startServer() {
        run(List.of(bin.resolve("pg_ctl").toString(), "start", "-w", "-t", "60", "-D", data.toString(), "-l",
                dir.resolve("server.log").toString(), "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1"
                        + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"), 90);
    }

    /** Stops the server at once, as an outage would ({@code -m fast}: open connections are cut). */
    public void stop() {
        run(List.of(bin.resolve("pg_ctl").toString(), "stop", "-w", "-m", "fast", "-D", data.toString()), 60);
    }

    public int port() {
        return port;
    }

    /** A new empty database in the cluster, for one test class. */
    public String createDatabase(String name) {
        try (Connection c = DriverManager.getConnection(url("postgres"));
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return url(name);
    }

    /** The JDBC URL of a database in the cluster, as user {@code kb} (trusted, no password). */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=kb";
    }

    private void run(List<String> command, int timeoutSeconds) {
        List<String> full = new ArrayList<>();
        if (root) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
                String log = Files.exists(dir.resolve("server.log")) ? Files.readString(dir.resolve("server.log")) : "";
                throw new IllegalStateException(String.join(" ", full) + " failed:\n" + out + "\n" + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the server and deletes its folder. */
    @Override
    public void close() {
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                stop();
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temp folder left behind is harmless
            }
        }
    }
}
