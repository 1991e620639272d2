package kb.insights.report;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import javax.sql.DataSource;
import kb.content.Article;
import kb.content.Library;
import kb.insights.feedback.Reason;
import kb.insights.Days;
import kb.insights.RefusedPage;
import kb.web.Frame;
import kb.web.Layout;
import kb.web.Responder;
import kb.web.View;
import kb.web.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /insights} and its CSV exports, for the support team: HTTP Basic, {@code noindex}, in
 * the language of {@code ?lang=} or {@code Accept-Language}, filtered by content language
 * ({@code ?content=pt|en}) and period ({@code ?days=N}).
 */
public final class InsightsPage {
    private static final Logger LOG = LoggerFactory.getLogger(InsightsPage.class);
    static final List<Integer> PERIODS = List.of(7, 30, 90, 365);
    private static final int MAX_DAYS = 3650;
    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss");

    /** An article's numbers with its current title and link (the path when it no longer exists). */
    public record ArticleRow(Report.ArticleStats stats, String title, boolean exists) {}

    /** A choice in a filter. */
    public record Option(String value, String label, boolean selected) {}

    /**
     * The page's model: a period's numbers for one content language or all.
     *
     * @param exportQuery the filter as a query string, for the CSV links and the language switch
     */
    public record InsightsView(List<Option> contentOptions, List<Option> periodOptions, String exportQuery, Report.Totals totals,
            List<ArticleRow> articles, Reason[] reasons, List<Report.QueryStats> top, List<Report.QueryStats> noResult,
            List<Report.QueryStats> noClick, List<Report.Day> trend, TrendChart votesChart, TrendChart searchesChart) {}

    /**
     * How many requests read the database at once. The site answers on a few threads (see
     * {@link kb.web.RequestThreads}), and a database that hangs holds a reader until its timeouts:
     * however often the report is asked for, at most these threads wait on it; the rest are told
     * to come back (503) at once.
     */
    public static final int CONCURRENT_READS = 2;

    private final Semaphore reads = new Semaphore(CONCURRENT_READS);
    private final Report report;
    private final DataSource db;
    private final Access access;
    private final Frame frame;
    private final Responder responder;
    private final Supplier<Library> library;
    private final Clock clock;

    public InsightsPage(DataSource db, Access access, Frame frame, Responder responder, Supplier<Library> library, Clock clock) {
        this.responder = responder;
        this.report = new Report(db);
        this.db = db;
        this.access = access;
        this.frame = frame;
        this.library = library;
        this.clock = clock;
    }

    public void page(Context ctx) {
        reading(ctx, (lang, filter) -> {
            Report.Snapshot snapshot;
            try {
                snapshot = report.read(filter);
            } catch (SQLException e) {
                LOG.warn("insights: cannot read the database: {}", e.toString());
                refuse(ctx, lang, HttpStatus.SERVICE_UNAVAILABLE, frame.messages(lang).get("insights.error.database"));
                return;
            }
            responder.send(ctx, view(lang, filter, snapshot));
            ctx.header("Cache-Control", "no-store");
        });
    }

    /**
     * What every answer that reads the database goes through: the headers, the credentials and
     * the filter ({@link #begin}, {@link #filter}), then {@code read} holding one of the
     * {@link #CONCURRENT_READS} permits, or 503 at once when none is free.
     */
    private void reading(Context ctx, java.util.function.BiConsumer<String, Filter> read) {
        Optional<String> lang = begin(ctx);
        if (lang.isEmpty()) {
            return;
        }
        Optional<Filter> filter = filter(ctx, lang.get());
        if (filter.isEmpty()) {
            return;
        }
        if (!reads.tryAcquire()) {
            ctx.header("Retry-After", "5");
            refuse(ctx, lang.get(), HttpStatus.SERVICE_UNAVAILABLE, frame.messages(lang.get()).get("insights.error.busy"));
            return;
        }
        try {
            read.accept(lang.get(), filter.get());
        } finally {
            reads.release();
        }
    }

    private View view(String lang, Filter f, Report.Snapshot s) {
        Messages m = frame.messages(lang);
        String query = "content=" + (f.lang() == null ? "all" : f.lang()) + "&days=" + f.days();
        List<Frame.Alternate> alternates = library.get().languages().codes().stream()
                .map(l -> new Frame.Alternate(l, "/insights?lang=" + l + "&" + query)).toList();
        Layout layout = frame.unindexed(lang, m.get("insights.title"), "", alternates);
        Library lib = library.get();
        List<ArticleRow> articles = new ArrayList<>();
        for (Report.ArticleStats a : s.articles()) {
            Optional<Article> found = lib.article(a.article());
            articles.add(new ArticleRow(a, found.map(Article::title).orElse(a.article()), found.isPresent()));
        }
        List<Option> contentOptions = new ArrayList<>();
        contentOptions.add(new Option("all", m.get("insights.filter.content.all"), f.lang() == null));
        for (kb.content.Language l : library.get().languages().all()) {
            contentOptions.add(new Option(l.code(), l.name(), l.code().equals(f.lang())));
        }
        List<Option> periodOptions = new ArrayList<>();
        List<Integer> periods = new ArrayList<>(PERIODS);
        if (!periods.contains(f.days())) {
            periods.add(f.days());
            periods.sort(Integer::compare);
        }
        for (int d : periods) {
            periodOptions.add(new Option(Integer.toString(d), m.get("insights.filter.days.n", d), d == f.days()));
        }
        Locale locale = m.locale();
        TrendChart votes = TrendChart.of(s.trend(), List.of(
                new TrendChart.Series("series-yes", m.get("insights.chart.yes"), Report.Day::yes),
                new TrendChart.Series("series-no", m.get("insights.chart.no"), Report.Day::no)), locale);
        TrendChart searches = TrendChart.of(s.trend(), List.of(
                new TrendChart.Series("series-found", m.get("insights.chart.found"), Report.Day::found),
                new TrendChart.Series("series-empty", m.get("insights.chart.empty"), Report.Day::empty)), locale);
        return new View("insights", layout, new InsightsView(contentOptions, periodOptions, query, s.totals(), articles,
                Reason.values(), s.top(), s.noResult(), s.noClick(), s.trend(), votes, searches));
    }

    /** {@code /insights/feedback.csv}: every answer in the period, oldest first, after a header row. */
    public void feedbackCsv(Context ctx) {
        export(ctx, "feedback", List.of("date", "time_utc", "language", "article", "helpful", "reason", "comment"),
                "SELECT day, voted_at, lang, article, helpful, reason, comment_text FROM votes WHERE day >= ?%s ORDER BY voted_at",
                "lang", rs -> List.of(rs.getString(1), time(rs.getLong(2)), rs.getString(3), rs.getString(4),
                        rs.getInt(5) == 1 ? "yes" : "no", nz(rs.getString(6)), nz(rs.getString(7))));
    }

    /** {@code /insights/searches.csv}: every search in the period, one line per result opened from it. */
    public void searchesCsv(Context ctx) {
        export(ctx, "searches", List.of("date", "time_utc", "language", "query", "results", "source", "opened_url", "opened_position"),
                "SELECT s.day, s.searched_at, s.lang, s.query_text, s.results, s.source, c.url, c.click_position"
                        + " FROM searches s LEFT JOIN search_clicks c ON c.search_id = s.id WHERE s.day >= ?%s"
                        + " ORDER BY s.searched_at, c.click_position",
                "s.lang", rs -> {
                    String url = rs.getString(7);
                    return List.of(rs.getString(1), time(rs.getLong(2)), rs.getString(3), rs.getString(4),
                            Integer.toString(rs.getInt(5)), rs.getString(6), nz(url), url == null ? "" : Integer.toString(rs.getInt(8)));
                });
    }

    private interface RowReader {
        List<String> read(ResultSet rs) throws SQLException;
    }

    private void export(Context ctx, String name, List<String> header, String sql, String langColumn, RowReader reader) {
        reading(ctx, (lang, f) -> export(ctx, lang, f, name, header, sql, langColumn, reader));
    }

    private void export(Context ctx, String lang, Filter f, String name, List<String> header, String sql, String langColumn,
            RowReader reader) {
        try (Connection c = db.getConnection();
                PreparedStatement st = c.prepareStatement(String.format(sql, f.langClause(langColumn)))) {
            st.setFetchSize(500);
            st.setString(1, f.since());
            if (f.lang() != null) {
                st.setString(2, f.lang());
            }
            try (ResultSet rs = st.executeQuery()) {
                ctx.contentType("text/csv; charset=utf-8");
                ctx.header("Content-Disposition", "attachment; filename=\"kb-" + name + "-" + f.today() + ".csv\"");
                ctx.header("Cache-Control", "no-store");
                // Rows go out as they are read: a year of searches never has to fit in memory.
                BufferedWriter out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 16 * 1024);
                Csv.row(out, header);
                while (rs.next()) {
                    Csv.row(out, reader.read(rs));
                }
                out.flush();
            }
        } catch (SQLException e) {
            LOG.warn("insights: cannot export {}: {}", name, e.toString());
            if (!ctx.res().isCommitted()) {
                ctx.res().reset();
                refuse(ctx, lang, HttpStatus.SERVICE_UNAVAILABLE, frame.messages(lang).get("insights.error.database"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Headers every answer carries, the page's language and the credentials; empty once answered. */
    private Optional<String> begin(Context ctx) {
        ctx.header("X-Robots-Tag", "noindex, nofollow");
        ctx.header("Cache-Control", "no-store");
        String requested = ctx.queryParam("lang");
        String lang;
        if (requested != null) {
            if (!library.get().languages().contains(requested)) {
                ctx.status(HttpStatus.BAD_REQUEST).contentType("text/plain; charset=utf-8")
                        .result(frame.messages(library.get().languages().defaultLanguage().code()).get("api.error.lang"));
                return Optional.empty();
            }
            lang = requested;
        } else {
            lang = library.get().languages().preferred(ctx.header("Accept-Language")).code();
        }
        Messages m = frame.messages(lang);
        switch (access.check(ctx)) {
            case ALLOWED:
                return Optional.of(lang);
            case BLOCKED:
                ctx.status(HttpStatus.TOO_MANY_REQUESTS).contentType("text/plain; charset=utf-8").result(m.get("insights.auth.blocked"));
                return Optional.empty();
            default:
                ctx.header("WWW-Authenticate", "Basic realm=\"kb insights\", charset=\"UTF-8\"");
                ctx.status(HttpStatus.UNAUTHORIZED).contentType("text/plain; charset=utf-8").result(m.get("insights.auth.ask"));
                return Optional.empty();
        }
    }

    private Optional<Filter> filter(Context ctx, String lang) {
        Messages m = frame.messages(lang);
        String content = ctx.queryParam("content");
        String contentLang = null;
        if (content != null && !content.isEmpty() && !content.equals("all")) {
            if (!library.get().languages().contains(content)) {
                refuse(ctx, lang, HttpStatus.BAD_REQUEST, m.get("insights.error.content"));
                return Optional.empty();
            }
            contentLang = content;
        }
        String daysParam = ctx.queryParam("days");
        int days = Filter.DEFAULT_DAYS;
        if (daysParam != null && !daysParam.isEmpty()) {
            if (daysParam.length() > 4 || !daysParam.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(daysParam) < 1 || Integer.parseInt(daysParam) > MAX_DAYS) {
                refuse(ctx, lang, HttpStatus.BAD_REQUEST, m.get("insights.error.days", MAX_DAYS));
                return Optional.empty();
            }
            days = Integer.parseInt(daysParam);
        }
        return Optional.of(new Filter(contentLang, days, Days.today(clock)));
    }

    private void refuse(Context ctx, String lang, HttpStatus status, String message) {
        Layout layout = frame.unindexed(lang, frame.messages(lang).get("insights.title"), "",
                List.of(new Frame.Alternate(lang, "/insights?lang=" + lang)));
        ctx.status(status);
        responder.send(ctx, new View("refused", layout, new RefusedPage(message, "/insights?lang=" + lang)));
        ctx.header("Cache-Control", "no-store");
    }

    private static String time(long millis) {
        return TIME.format(Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
