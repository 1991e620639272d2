package kb;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What a cold start's build costs once the JIT has compiled the code it runs: full builds of a
 * content folder into empty data folders, one after the other in one JVM. The first round is a cold
 * start's load (without the web layer); the later ones are the same work on compiled code, and the
 * difference is what the JIT's warm-up costs a start (see bench/ANALYSIS.md).
 *
 * <p>Run: {@code mvn -q test -Dtest=BuildRoundsTest -Dkb.bench.corpus=/tmp/kb-bench/c10000 [-Dkb.bench.rounds=3]}.
 */
final class BuildRounds {
    private BuildRounds() {}

    /** Each round's content version, which must not change from round to round. */
    static List<String> run(Path content, Path scratch, int rounds, PrintStream out) throws IOException {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<String> versions = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            Path data = scratch.resolve("round-" + round);
            long wall = System.nanoTime();
            long cpu = os.getProcessCpuTime();
            SiteLoader loader = new SiteLoader(content, data);
            try {
                Site site = loader.load();
                versions.add(site.version() + " " + site.library().all().size());
            } finally {
                loader.close();
            }
            out.printf(Locale.ROOT, "build round %d: %.1f s wall, %.1f s CPU%n", round, (System.nanoTime() - wall) / 1e9,
                    (os.getProcessCpuTime() - cpu) / 1e9);
            delete(data);
        }
        return versions;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
