package kb.search;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import kb.content.Article;
import kb.content.Library;

/**
 * Measures search on a corpus made by {@code shared/bench/gen-corpus.py}: index build time and
 * heap, quality on the corpus' {@code queries.tsv} (hit@1, hit@5, anchor@1 per kind, as
 * {@code peers/pagefind-search.mjs} defines them) plus article-title queries, and query latency
 * in-process, alone and with two threads searching at once.
 *
 * <p>Run: {@code mvn -q -B test -Dtest=SearchBenchTest -Dkb.bench.corpus=/tmp/kb-bench/c10000}
 * or {@code java -cp ... kb.search.SearchBench DIR [builds]}.
 */
public final class SearchBench {
    private static final int K = 5;

    private SearchBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: SearchBench CORPUS_DIR [BUILDS]");
            System.exit(2);
        }
        run(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 3, System.out);
    }

    record Row(String lang, String query, String expectedPath, String expectedAnchor, String kind) {}

    static void run(Path corpus, int builds, PrintStream out) throws IOException, InterruptedException {
        Path content = corpus.resolve("content");
        long heapBefore = usedHeapMb();
        long t0 = System.nanoTime();
        Library library = TestContent.load(content);
        double loadSeconds = seconds(t0);
        long heapLibrary = usedHeapMb();
        out.printf(Locale.ROOT, "content: %d articles loaded in %.1f s, heap %d MB -> %d MB%n",
                library.all().size(), loadSeconds, heapBefore, heapLibrary);

        SearchIndex index = null;
        double[] buildSeconds = new double[builds];
        double[] cpuSeconds = new double[builds];
        for (int i = 0; i < builds; i++) {
            index = null;
            usedHeapMb();
            long start = System.nanoTime();
            long cpu = processCpuNanos();
            index = SearchIndex.build(library, content);
            buildSeconds[i] = seconds(start);
            cpuSeconds[i] = (processCpuNanos() - cpu) / 1e9;
        }
        long heapIndexed = usedHeapMb();
        out.printf(Locale.ROOT, "index: builds %s s wall, %s s CPU; median %.2f s wall; heap with index %d MB (index %+d MB); %s%n",
                Arrays.toString(buildSeconds), Arrays.toString(cpuSeconds), median(buildSeconds), heapIndexed, heapIndexed - heapLibrary,
                index.describe());

        List<Row> rows = new ArrayList<>(readQueries(corpus.resolve("queries.tsv")));
        rows.addAll(titleQueries(library, 50));
        quality(index, library, rows, out);
        // Readers' questions (the evaluation set's, about the shipped articles): long queries of
        // common words, the costliest kind for the ranking, timed against this corpus too.
        if (Files.isRegularFile(SearchEvaluation.QUERIES)) {
            for (SearchEvaluation.Query q : SearchEvaluation.readQueries()) {
                rows.add(new Row(q.lang(), q.text(), "", "", "reader-" + q.kind()));
            }
        }
        latency(index, rows, out);
    }

    private static void quality(SearchIndex index, Library library, List<Row> rows, PrintStream out) {
        Map<String, int[]> stats = new TreeMap<>();
        for (Row r : rows) {
            List<SearchHit> hits = index.search(r.query(), r.lang(), K).results();
            int rank = 0;
            for (int i = 0; i < hits.size() && rank == 0; i++) {
                if (r.expectedPath().equals(pathOf(library, hits.get(i)))) {
                    rank = i + 1;
                }
            }
            String anchor = rank == 1 && hits.get(0).url().contains("#") ? hits.get(0).url().substring(hits.get(0).url().indexOf('#') + 1) : "";
            for (String key : List.of(r.kind() + "\t" + r.lang(), "all\t*")) {
                int[] s = stats.computeIfAbsent(key, k -> new int[4]);
                s[0]++;
                s[1] += rank == 1 ? 1 : 0;
                s[2] += rank >= 1 ? 1 : 0;
                s[3] += rank == 1 && anchor.equals(r.expectedAnchor()) ? 1 : 0;
            }
        }
        out.println("kind\tlang\trows\thit@1\thit@" + K + "\tanchor@1");
        stats.forEach((key, s) -> out.printf(Locale.ROOT, "%s\t%d\t%.2f\t%.2f\t%s%n", key, s[0], s[1] / (double) s[0], s[2] / (double) s[0],
                key.startsWith("title") ? "n/a" : String.format(Locale.ROOT, "%.2f", s[3] / (double) s[0])));
    }

    private static void latency(SearchIndex index, List<Row> rows, PrintStream out) throws InterruptedException {
        for (int round = 0; round < 5; round++) {
            rows.forEach(r -> index.search(r.query(), r.lang(), 1, 10));
        }
        List<Long> alone = new ArrayList<>();
        Map<String, List<Long>> byKind = new TreeMap<>();
        for (int round = 0; round < 5; round++) {
            for (Row r : rows) {
                long start = System.nanoTime();
                index.search(r.query(), r.lang(), 1, 10);
                long took = System.nanoTime() - start;
                alone.add(took);
                byKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(took);
            }
        }
        out.printf(Locale.ROOT, "latency, one thread: %d queries, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                alone.size(), percentile(alone, 0.5), percentile(alone, 0.99), percentile(alone, 1.0));
        byKind.forEach((kind, times) -> out.printf(Locale.ROOT, "  %-16s p50 %.2f ms, p99 %.2f ms%n",
                kind, percentile(times, 0.5), percentile(times, 0.99)));

        List<List<Long>> perThread = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            List<Long> times = new ArrayList<>();
            perThread.add(times);
            int offset = t * 37;
            threads.add(new Thread(() -> {
                for (int i = offset; !stop.get(); i++) {
                    Row r = rows.get(i % rows.size());
                    long start = System.nanoTime();
                    index.search(r.query(), r.lang(), 1, 10);
                    times.add(System.nanoTime() - start);
                }
            }));
        }
        threads.forEach(Thread::start);
        Thread.sleep(10_000);
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        List<Long> loaded = perThread.stream().flatMap(List::stream).toList();
        out.printf(Locale.ROOT, "latency, two threads for 10 s: %d queries (%.0f/s), p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                loaded.size(), loaded.size() / 10.0, percentile(loaded, 0.5), percentile(loaded, 0.99), percentile(loaded, 1.0));
    }

    /** The hit's article file, as queries.tsv names it ({@code content/pt/...md}). */
    private static String pathOf(Library library, SearchHit hit) {
        String url = hit.url().contains("#") ? hit.url().substring(0, hit.url().indexOf('#')) : hit.url();
        Optional<Article> article = library.article(url);
        return article.map(a -> "content/" + a.source().toString().replace('\\', '/')).orElse("");
    }

    private static List<Row> readQueries(Path tsv) throws IOException {
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            if (f.length >= 5) {
                rows.add(new Row(f[0], f[1], f[2], f[3], f[4]));
            }
        }
        return rows;
    }

    /** Every n-th article's title, typed as a query, expecting that article (any of its parts). */
    private static List<Row> titleQueries(Library library, int perLanguage) {
        List<Row> rows = new ArrayList<>();
        for (String lang : library.languages().codes()) {
            List<Article> articles = library.articles(lang);
            int step = Math.max(1, articles.size() / perLanguage);
            for (int i = 0; i < articles.size() && rows.stream().filter(r -> r.lang().equals(lang)).count() < perLanguage; i += step) {
                Article a = articles.get(i);
                rows.add(new Row(lang, a.title(), "content/" + a.source().toString().replace('\\', '/'), "", "title"));
            }
        }
        return rows;
    }

    private static double percentile(List<Long> nanos, double q) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int i = (int) Math.min(sorted.length - 1, Math.floor(q * sorted.length));
        return sorted[i] / 1e6;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** CPU time of the whole process: on a shared machine, wall time says more about the neighbours. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static long usedHeapMb() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return (rt.totalMemory() - rt.freeMemory()) / 1024 / 1024;
    }
}
