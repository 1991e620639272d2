package kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Edits swap in whole while readers are being served: no request sees one version's title (held
 * in memory) with another version's body or snippet (read from the index on disk), and none fails.
 */
class SwapUnderLoadTest {
    @TempDir
    Path content;

    private static final Pattern TITLE = Pattern.compile("Versão (\\d+)");
    private static final Pattern STEP = Pattern.compile("passo(\\d+)");

    private void write(int version) throws Exception {
        ContentFiles.write(content, "pt/farol.md", "---\ntitle: \"Versão " + version + "\"\n---\n\nIntro.\n\n"
                + "## Seção {#secao}\n\nO farol pisca no passo" + version + " da configuração.\n");
    }

    /** The numbers a text carries after "Versão " and "passo": one version's text carries one number. */
    private static List<String> versions(String text) {
        List<String> found = new ArrayList<>();
        for (Pattern p : List.of(TITLE, STEP)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                found.add(m.group(1));
            }
        }
        return found;
    }

    @Test
    void readersNeverSeeHalfAnEdit() throws Exception {
        write(0);
        try (TestServer server = new TestServer(content)) {
            AtomicBoolean editing = new AtomicBoolean(true);
            ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
            AtomicInteger checked = new AtomicInteger();
            List<Thread> readers = new ArrayList<>();
            for (String path : List.of("/pt/farol", "/api/search?lang=pt&q=farol", "/pt/search?q=farol")) {
                Thread t = new Thread(() -> {
                    while (editing.get()) {
                        HttpResponse<String> r = server.get(path);
                        if (r.statusCode() != 200) {
                            problems.add(path + " answered " + r.statusCode());
                            continue;
                        }
                        List<String> seen = versions(r.body());
                        if (seen.size() < 2 || seen.stream().distinct().count() != 1) {
                            problems.add(path + " mixed versions " + seen);
                        }
                        checked.incrementAndGet();
                    }
                });
                t.start();
                readers.add(t);
            }
            for (int v = 1; v <= 12; v++) {
                write(v);
                String want = "Versão " + v;
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (!server.get("/pt/farol").body().contains(want)) {
                    assertThat(System.nanoTime()).as("edit " + v + " visible within 5 s").isLessThan(deadline);
                    Thread.sleep(20);
                }
            }
            editing.set(false);
            for (Thread t : readers) {
                t.join();
            }
            assertThat(problems).isEmpty();
            assertThat(checked.get()).isGreaterThan(30);
            assertThat(server.get("/api/search?lang=pt&q=passo12").body()).contains("/pt/farol");
        }
    }
}
