package kb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import kb.content.Library;

/**
 * Search quality measured on questions written from the reader's side
 * ({@code src/test/resources/search-eval/queries.tsv}), by people who had not read the articles,
 * each with the section URLs that answer it, split into a development half (which may be looked
 * at while changing search) and a held-out half (only ever reported in aggregate; the first
 * set's held-out half joined the development half when a fresh one was written). The same
 * queries run against the site's search and against {@link PlainLucene}, on the shipped content
 * alone and among the bench generator's 1,000 articles per language.
 *
 * <p>Run alone: {@code mvn -q test -Dtest=SearchEvaluationTest}; the table is printed and written
 * to {@code target/search-eval.md}.
 */
final class SearchEvaluation {
    static final Path QUERIES = Path.of("src/test/resources/search-eval/queries.tsv");
    private static final int DEPTH = 10;

    /** One evaluation query. */
    record Query(String lang, String half, String kind, String text, List<String> answers) {
        boolean answeredBy(String url) {
            for (String a : answers) {
                if (a.contains("#") ? url.equals(a) : url.equals(a) || url.startsWith(a + "#")) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The figures of one system on one slice. */
    record Score(int queries, double successAt1, double successAt3, double mrr, int noResult, List<String> misses) {}

    /** A slice: corpus, language and half; then the site's and the baseline's scores on it. */
    record Row(String corpus, String lang, String half, Score site, Score baseline) {}

    static List<Query> readQueries() {
        try {
            List<Query> out = new ArrayList<>();
            List<String> lines = Files.readAllLines(QUERIES, StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 5) {
                    throw new IllegalArgumentException(QUERIES + ": not five columns: " + line);
                }
                out.add(new Query(f[0], f[1], f[2], f[3], List.of(f[4].trim().split(" +"))));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Score score(List<Query> queries, BiFunction<String, String, List<String>> search) {
        int at1 = 0;
        int at3 = 0;
        int none = 0;
        double reciprocal = 0;
        List<String> misses = new ArrayList<>();
        for (Query q : queries) {
            List<String> urls = search.apply(q.text(), q.lang());
            int rank = 0;
            for (int i = 0; i < urls.size() && rank == 0; i++) {
                if (q.answeredBy(urls.get(i))) {
                    rank = i + 1;
                }
            }
            none += urls.isEmpty() ? 1 : 0;
            at1 += rank == 1 ? 1 : 0;
            at3 += rank >= 1 && rank <= 3 ? 1 : 0;
            reciprocal += rank == 0 ? 0 : 1.0 / rank;
            if (rank != 1) {
                misses.add(String.format(Locale.ROOT, "  %s %-9s rank %-2s %-60s want %s got %s", q.lang(), q.kind(),
                        rank == 0 ? "-" : rank, q.text(), q.answers(), urls.subList(0, Math.min(3, urls.size()))));
            }
        }
        int n = Math.max(1, queries.size());
        return new Score(queries.size(), at1 / (double) n, at3 / (double) n, reciprocal / n, none, misses);
    }

    /** One kind of question (question, symptom, dialog, typo, …) within a slice. */
    record KindRow(String corpus, String kind, String lang, String half, Score site, Score baseline) {}

    /** Every slice, and each slice by kind of question. */
    record Results(List<Row> rows, List<KindRow> byKind) {}

    /** Every slice (both corpora, every language, both halves), and each slice by kind of question. */
    static Results run(List<Query> queries) {
        Map<String, Path> corpora = new LinkedHashMap<>();
        corpora.put("shipped", TestContent.SHIPPED);
        corpora.put("shipped + 1,000 bench articles per language", withDistractors());
        List<Row> rows = new ArrayList<>();
        List<KindRow> byKind = new ArrayList<>();
        for (Map.Entry<String, Path> corpus : corpora.entrySet()) {
            Library library = TestContent.load(corpus.getValue());
            SearchIndex site = SearchIndex.build(library, corpus.getValue());
            // Once through first: a cold JVM can take a first search past its time budget, which
            // would be counted as an answer of nothing.
            queries.forEach(q -> site.search(q.text(), q.lang(), DEPTH));
            for (String lang : List.of("pt", "en")) {
                PlainLucene baseline = PlainLucene.build(library, lang);
                for (String half : List.of("dev", "held")) {
                    List<Query> slice = queries.stream().filter(q -> q.lang().equals(lang) && q.half().equals(half)).toList();
                    BiFunction<String, String, List<String>> ours = (text, l) ->
                            site.search(text, l, DEPTH).results().stream().map(SearchHit::url).toList();
                    BiFunction<String, String, List<String>> plain = (text, l) -> baseline.search(text, DEPTH);
                    rows.add(new Row(corpus.getKey(), lang, half, score(slice, ours), score(slice, plain)));
                    for (String kind : slice.stream().map(Query::kind).distinct().sorted().toList()) {
                        List<Query> ofKind = slice.stream().filter(q -> q.kind().equals(kind)).toList();
                        byKind.add(new KindRow(corpus.getKey(), kind, lang, half, score(ofKind, ours), score(ofKind, plain)));
                    }
                }
            }
        }
        return new Results(rows, byKind);
    }

    /**
     * Right first by kind of question, each cell "site / plain Lucene (queries)": where readers'
     * questions fail, without reading the held-out half's questions one by one.
     */
    static String kindTable(List<KindRow> rows) {
        List<String> columns = List.of("pt dev", "pt held", "en dev", "en held");
        StringBuilder t = new StringBuilder();
        t.append("| corpus | kind | ").append(String.join(" | ", columns)).append(" |\n");
        t.append("| --- | --- |").append(" ---: |".repeat(columns.size())).append('\n');
        Map<String, Map<String, KindRow>> byLine = new LinkedHashMap<>();
        for (KindRow r : rows) {
            byLine.computeIfAbsent(r.corpus() + " | " + r.kind(), k -> new LinkedHashMap<>()).put(r.lang() + " " + r.half(), r);
        }
        byLine.forEach((line, cells) -> {
            t.append("| ").append(line).append(" |");
            for (String c : columns) {
                KindRow r = cells.get(c);
                t.append(r == null ? " |" : String.format(Locale.ROOT, " %.2f / %.2f (%d) |",
                        r.site().successAt1(), r.baseline().successAt1(), r.site().queries()));
            }
            t.append('\n');
        });
        return t.toString();
    }

    static String table(List<Row> rows) {
        StringBuilder t = new StringBuilder();
        t.append("| corpus | lang | half | queries | site s@1 | site s@3 | site MRR | site no result |"
                + " plain Lucene s@1 | s@3 | MRR | no result |\n");
        t.append("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Row r : rows) {
            t.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %.3f | %.3f | %.3f | %d | %.3f | %.3f | %.3f | %d |%n",
                    r.corpus(), r.lang(), r.half(), r.site().queries(), r.site().successAt1(), r.site().successAt3(),
                    r.site().mrr(), r.site().noResult(), r.baseline().successAt1(), r.baseline().successAt3(),
                    r.baseline().mrr(), r.baseline().noResult()));
        }
        return t.toString();
    }

    /**
     * The shipped content plus the bench generator's 1,000 articles per language (seed 1), in a
     * folder under {@code target/}; generated once, by {@code shared/bench/gen-corpus.py}.
     */
    static Path withDistractors() {
        Path root = Path.of("target", "search-eval");
        Path corpus = root.resolve("c1000");
        try {
            if (!Files.isDirectory(corpus.resolve("content/en"))) {
                generate(corpus);
            }
            // Copied afresh every run, so that the shipped articles are the ones of the working tree.
            Path merged = root.resolve("content");
            deleteTree(merged);
            copyTree(corpus.resolve("content"), merged);
            copyTree(TestContent.SHIPPED, merged);
            return merged;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void generate(Path corpus) throws IOException {
        Path generator = sharedDir().resolve("bench/gen-corpus.py");
        if (!Files.isRegularFile(generator)) {
            throw new IllegalStateException("the distractor corpus needs " + generator
                    + " (shared/ beside the project, or -Dkb.shared=DIR / KB_SHARED)");
        }
        try {
            Process p = new ProcessBuilder("python3", generator.toString(), "--articles", "1000", "--seed", "1",
                    "--out", corpus.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("gen-corpus.py failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(f);
            }
        }
    }

    private static Path sharedDir() {
        String dir = System.getProperty("kb.shared", System.getenv("KB_SHARED"));
        return dir != null && !dir.isBlank() ? Path.of(dir) : Path.of("..", "shared");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
