package kb.search;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import kb.content.Article;
import kb.content.Library;
import kb.content.Section;

/**
 * Searches the site's own titles and headings for a few seconds on one thread right after a
 * start, so that the JIT compiles the search path while a core is still free for its compiler.
 * Under readers' searches from the first second, the compiler shares both cores with them and
 * takes more than a minute to catch up (at 10,000 articles per language, 32 connections: 300
 * searches/s in the first five seconds and 1,600 after forty, against 6,500 once compiled; after
 * fifteen seconds of searches on one thread, 2,900 in the first five seconds). The queries are
 * the content's own words as a reader types them, a few at a time: a title's first words, its
 * longest word, that word without its accents and with a letter missing, a heading, and the error
 * codes the articles name. Nothing is recorded: insights are kept by the web layer, which these
 * searches do not pass through.
 *
 * <p>It gives way to readers: before each search it asks whether a request is being answered or
 * waiting, and if one is, it waits a few milliseconds and asks again. A warm-up that searched
 * beside them took a core from them (article pages at 32 connections answered half as many
 * requests while it ran) and, while readers kept the compiler busy with their own pages, the
 * searches' methods waited behind them in its queue and were dropped from it once the warm-up
 * stopped calling them; the first searches a minute later still paid for their compiling. Giving
 * way, it searches in the moments no reader is waiting, and the compiler has the other core for
 * what it asks. It stops once a second of its searches left the compiler nearly idle: searching on
 * after that only took a core (at 10,000 articles a language, about 50 s after the start, where
 * 30,000 searches took 90-100 s).
 */
public final class SearchWarmUp {
    private SearchWarmUp() {}

    /** How long the warm-up waits before asking again whether readers are still being answered. */
    static final long GIVE_WAY_MILLIS = 5;
    /** The searching time after which it looks at what the compiler did meanwhile. */
    static final long WINDOW_MILLIS = 1_000;
    /**
     * Less compiling than this in a window of searching, and the compiler is done with the search
     * path: a twentieth of a compiler thread (it compiles for seconds on end while it is not).
     */
    static final long QUIET_COMPILE_MILLIS = 50;

    /** The JIT's compiling time so far in this JVM, in milliseconds; -1 when the JVM does not tell. */
    public static long compiledMillis() {
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    }

    /**
     * Searches the site's own words until the compiler has nothing more to compile for them (less
     * than {@link #QUIET_COMPILE_MILLIS} of {@code compiledMillis} in a second of searching), within
     * {@code budgetMillis} of wall time and {@code maxSearches}; none while {@code readersWaiting}
     * says a request is being answered or waits. Returns how many ran.
     */
    public static int run(SearchIndex index, Library library, List<String> languages, long budgetMillis, int maxSearches,
            BooleanSupplier readersWaiting, LongSupplier compiledMillis) {
        List<Query> queries = queries(index, library, languages, 60);
        if (queries.isEmpty()) {
            return 0;
        }
        long end = System.nanoTime() + budgetMillis * 1_000_000L;
        int done = 0;
        long searching = 0;
        long compiledAtWindow = compiledMillis.getAsLong();
        while (done < maxSearches && System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
            if (readersWaiting.getAsBoolean()) {
                try {
                    Thread.sleep(GIVE_WAY_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                continue;
            }
            Query q = queries.get(done % queries.size());
            long t0 = System.nanoTime();
            index.search(q.text(), q.lang(), 1, 10);
            searching += System.nanoTime() - t0;
            done++;
            if (searching >= WINDOW_MILLIS * 1_000_000L) {
                long compiled = compiledMillis.getAsLong();
                if (compiled >= 0 && compiledAtWindow >= 0 && compiled - compiledAtWindow < QUIET_COMPILE_MILLIS) {
                    break;
                }
                compiledAtWindow = compiled;
                searching = 0;
            }
        }
        return done;
    }

    /** A query of the warm-up, and the language it is searched in. */
    record Query(String lang, String text) {}

    /** The queries of {@link #queries(Library, List, int)}, and up to {@code perLanguage} error codes of each language. */
    static List<Query> queries(SearchIndex index, Library library, List<String> languages, int perLanguage) {
        List<Query> out = queries(library, languages, perLanguage);
        for (String lang : languages) {
            // error codes as readers paste them, the product's commonest search
            for (String code : index.someErrorCodes(lang, perLanguage)) {
                out.add(new Query(lang, code));
            }
        }
        return out;
    }

    /** Queries from up to {@code perLanguage} articles spread over each language. */
    static List<Query> queries(Library library, List<String> languages, int perLanguage) {
        List<Query> out = new ArrayList<>();
        for (String lang : languages) {
            List<Article> articles = library.articles(lang);
            int stride = Math.max(1, articles.size() / perLanguage);
            for (int i = 0; i < articles.size(); i += stride) {
                Article a = articles.get(i);
                String[] words = a.title().split("\\s+");
                int fifth = i / stride % 5; // what only one article in five adds
                if (fifth == 0) {
                    out.add(new Query(lang, words.length > 2 ? words[0] + " " + words[1] + " " + words[2] : a.title()));
                }
                String longest = "";
                for (String w : words) {
                    longest = w.length() > longest.length() ? w : longest;
                }
                if (longest.length() > 4) {
                    out.add(new Query(lang, longest));
                    // typed without its accents (and in lower case), as a heading's id spells it
                    String unaccented = kb.content.HeadingIds.slug(longest);
                    if (!unaccented.isEmpty() && !unaccented.equals(longest.toLowerCase(java.util.Locale.ROOT))) {
                        out.add(new Query(lang, unaccented));
                    }
                    if (fifth == 0) {
                        // every fifth article a misspelling, as readers make them (its corrections cost more)
                        out.add(new Query(lang, longest.substring(0, 2) + longest.substring(3)));
                    }
                }
                List<Section> sections = a.sections();
                // A heading every fifth article: headings repeat across a large site's articles, so
                // each matches thousands of sections and costs as much as twenty rarer words,
                // whose searches reach the JIT's thresholds sooner.
                if (!sections.isEmpty() && fifth == 2) {
                    out.add(new Query(lang, sections.get(sections.size() / 2).heading()));
                }
            }
        }
        return out;
    }
}
