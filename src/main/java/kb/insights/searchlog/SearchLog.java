package kb.insights.searchlog;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import kb.content.Languages;
import kb.insights.Days;
import kb.insights.Guard;
import kb.insights.RateLimiter;
import kb.insights.Text;
import kb.insights.db.Writer;

/**
 * Records searches: the results page and the API call {@link #record} as they answer (a queue offer,
 * nothing more); instant search and the results page's links report what the reader settled on and
 * opened through two small beacon endpoints, {@code POST /api/search/instant} and
 * {@code POST /api/search/click} (form-encoded, as {@code navigator.sendBeacon} sends them; 204).
 */
public final class SearchLog {
    public static final String PAGE = "page";
    public static final String API = "api";
    public static final String INSTANT = "instant";
    /** Beacons are cheap to send: more than this many a minute from one address is not a reader. */
    private static final int BEACONS_PER_MINUTE = 60;

    private final Writer writer;
    private final Guard guard;
    private final RateLimiter limiter;
    private final Clock clock;

    private final Supplier<Languages> languages;

    public SearchLog(Writer writer, Guard guard, Clock clock, Supplier<Languages> languages) {
        this.languages = languages;
        this.writer = writer;
        this.guard = guard;
        this.limiter = new RateLimiter(BEACONS_PER_MINUTE, clock);
        this.clock = clock;
    }

    /**
     * Queues one search; returns its id (for the clicks that may follow), or null when there is
     * nothing to record (an empty query).
     */
    public String record(String lang, String query, int results, String source) {
        String q = Queries.normalise(query);
        if (q.isEmpty() || !languages.get().contains(lang)) {
            return null;
        }
        Instant now = clock.instant();
        String id = id(now.toEpochMilli(), ThreadLocalRandom.current());
        writer.offer(new SearchEvent(id, day(now), now.toEpochMilli(), lang, q, Math.max(0, results), source));
        return id;
    }

    /**
     * A search's id: 32 hexadecimal digits, the first 12 the time in milliseconds and the other 20
     * random (80 bits, not to be guessed by someone forging clicks). Ids in time order make each new
     * row land at the end of the table's primary-key index instead of at a random place in it,
     * which costs a few pages per insert once the index no longer fits in the database's cache:
     * with random ids, writing a search cost 35-60 µs and grew with the table; in time order, 9-20 µs.
     */
    static String id(long epochMillis, Random random) {
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(epochMillis).substring(4) + hex.toHexDigits(random.nextLong()) + hex.toHexDigits((short) random.nextInt());
    }

    /** {@code search} (the id the results page carries), {@code url}, {@code position}. */
    public void click(Context ctx) {
        if (!allowed(ctx)) {
            return;
        }
        String id = param(ctx, "search").orElse("");
        Optional<String> url = param(ctx, "url").flatMap(SearchLog::siteUrl);
        Optional<Integer> position = param(ctx, "position").flatMap(SearchLog::position);
        if (!id.matches("[0-9a-f]{32}") || url.isEmpty() || position.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST).result("");
            return;
        }
        Instant now = clock.instant();
        writer.offer(new Click(id, position.get(), day(now), now.toEpochMilli(), url.get()));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    /**
     * The query instant search settled on ({@code lang}, {@code q}, {@code results}), with the result
     * opened from its list when there was one ({@code url}, {@code position}).
     */
    public void instant(Context ctx) {
        if (!allowed(ctx)) {
            return;
        }
        String lang = param(ctx, "lang").orElse("");
        String q = param(ctx, "q").orElse("");
        Optional<Integer> results = param(ctx, "results").flatMap(r -> number(r, 0, 1_000_000));
        Optional<String> url = param(ctx, "url").flatMap(SearchLog::siteUrl);
        Optional<Integer> position = param(ctx, "position").flatMap(SearchLog::position);
        if (!languages.get().contains(lang) || results.isEmpty() || url.isPresent() != position.isPresent()) {
            ctx.status(HttpStatus.BAD_REQUEST).result("");
            return;
        }
        String id = record(lang, q, results.get(), INSTANT);
        if (id == null) {
            ctx.status(HttpStatus.BAD_REQUEST).result("");
            return;
        }
        if (url.isPresent()) {
            Instant now = clock.instant();
            writer.offer(new Click(id, position.get(), day(now), now.toEpochMilli(), url.get()));
        }
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private boolean allowed(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        Optional<Guard.Refusal> refused = guard.admit(ctx, limiter);
        refused.ifPresent(r -> ctx.status(r.status()).result(""));
        return refused.isEmpty();
    }

    private static Optional<String> param(Context ctx, String name) {
        try {
            String v = ctx.formParam(name);
            if (v == null) {
                v = ctx.queryParam(name);
            }
            return Optional.ofNullable(v);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A path on this site (never another host), at most 500 characters. */
    static Optional<String> siteUrl(String raw) {
        String url = Text.clean(raw);
        if (url.length() > 500 || !url.startsWith("/") || url.startsWith("//") || url.contains("\\")
                || url.chars().anyMatch(Character::isWhitespace)) {
            return Optional.empty();
        }
        return Optional.of(url);
    }

    private static Optional<Integer> position(String raw) {
        return number(raw, 1, 1000);
    }

    private static Optional<Integer> number(String raw, int min, int max) {
        if (raw == null || raw.isEmpty() || raw.length() > 7 || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        int n = Integer.parseInt(raw);
        return n >= min && n <= max ? Optional.of(n) : Optional.empty();
    }

    private static String day(Instant now) {
        return Days.of(now).toString();
    }
}
