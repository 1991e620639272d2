package kb.insights.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import kb.insights.feedback.Reason;

/** The numbers of {@code /insights}, read from the database with portable SQL and prepared statements. */
public final class Report {
    /** One article's answers in the period. */
    public record ArticleStats(String article, String lang, long votes, long yes, Map<Reason, Long> reasons,
            List<Comment> comments) {
        public long no() {
            return votes - yes;
        }

        /** Helpful answers in percent, rounded. */
        public long helpfulPercent() {
            return votes == 0 ? 0 : Math.round(100.0 * yes / votes);
        }
    }

    /** A comment as the reader typed it (shown escaped), with its day and reason. */
    public record Comment(String day, String reason, String text) {}

    /** A normalised query: how often, how many results at most, how many of those searches opened a result. */
    public record QueryStats(String query, String lang, long searches, long results, long clicked, String lastDay) {
        /** The results page for the query, so the team sees what the reader saw. */
        public String url() {
            return kb.web.SitePage.SEARCH.url(lang) + "?q=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** One day of the trend. */
    public record Day(LocalDate day, long yes, long no, long found, long empty) {}

    /** The period at a glance. */
    public record Totals(long votes, long yes, long searches, long empty, long clicked) {
        public long helpfulPercent() {
            return votes == 0 ? 0 : Math.round(100.0 * yes / votes);
        }
    }

    /** Everything the page shows. */
    public record Snapshot(Totals totals, List<ArticleStats> articles, List<QueryStats> top, List<QueryStats> noResult,
            List<QueryStats> noClick, List<Day> trend) {}

    static final int TREND_DAYS = 30;
    private static final int ROWS = 25;
    private static final int COMMENTS_PER_ARTICLE = 3;
    private static final String CLICKED = "EXISTS (SELECT 1 FROM search_clicks c WHERE c.search_id = s.id)";

    private final DataSource db;

    public Report(DataSource db) {
        this.db = db;
    }

    public Snapshot read(Filter f) throws SQLException {
        try (Connection c = db.getConnection()) {
            return new Snapshot(totals(c, f), articles(c, f),
                    queries(c, f, "", "searches DESC"),
                    queries(c, f, " AND s.results = 0", "searches DESC"),
                    // Clicks are reported by the results page and instant search, not by API callers.
                    queries(c, f, " AND s.results > 0 AND s.source <> 'api' AND NOT " + CLICKED, "searches DESC"),
                    trend(c, f));
        }
    }

    private static Totals totals(Connection c, Filter f) throws SQLException {
        long votes = 0;
        long yes = 0;
        try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*), COALESCE(SUM(helpful), 0) FROM votes WHERE day >= ?"
                + f.langClause("lang"))) {
            bind(st, f);
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next()) {
                    votes = rs.getLong(1);
                    yes = rs.getLong(2);
                }
            }
        }
        try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*), COALESCE(SUM(CASE WHEN s.results = 0 THEN 1 ELSE 0 END), 0),"
                + " COALESCE(SUM(CASE WHEN " + CLICKED + " THEN 1 ELSE 0 END), 0) FROM searches s WHERE s.day >= ?" + f.langClause("s.lang"))) {
            bind(st, f);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return new Totals(votes, yes, rs.getLong(1), rs.getLong(2), rs.getLong(3));
            }
        }
    }

    /** Articles with the most No answers first: what most needs fixing. */
    private static List<ArticleStats> articles(Connection c, Filter f) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT article, lang, COUNT(*) AS n, SUM(helpful) AS yes");
        for (Reason r : Reason.values()) {
            sql.append(", SUM(CASE WHEN reason = ? THEN 1 ELSE 0 END)");
        }
        sql.append(" FROM votes WHERE day >= ?").append(f.langClause("lang"))
                .append(" GROUP BY article, lang ORDER BY COUNT(*) - SUM(helpful) DESC, COUNT(*) DESC, article LIMIT 200");
        Map<String, ArticleStats> byArticle = new LinkedHashMap<>();
        try (PreparedStatement st = c.prepareStatement(sql.toString())) {
            int i = 1;
            for (Reason r : Reason.values()) {
                st.setString(i++, r.code());
            }
            st.setString(i++, f.since());
            if (f.lang() != null) {
                st.setString(i, f.lang());
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Map<Reason, Long> reasons = new EnumMap<>(Reason.class);
                    int col = 5;
                    for (Reason r : Reason.values()) {
                        reasons.put(r, rs.getLong(col++));
                    }
                    String article = rs.getString(1);
                    byArticle.put(article, new ArticleStats(article, rs.getString(2), rs.getLong(3), rs.getLong(4), reasons,
                            new ArrayList<>()));
                }
            }
        }
        try (PreparedStatement st = c.prepareStatement("SELECT article, day, reason, comment_text FROM votes WHERE day >= ?"
                + f.langClause("lang") + " AND comment_text IS NOT NULL ORDER BY voted_at DESC LIMIT 1000")) {
            bind(st, f);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ArticleStats a = byArticle.get(rs.getString(1));
                    if (a != null && a.comments().size() < COMMENTS_PER_ARTICLE) {
                        a.comments().add(new Comment(rs.getString(2), rs.getString(3), rs.getString(4)));
                    }
                }
            }
        }
        return List.copyOf(byArticle.values());
    }

    private static List<QueryStats> queries(Connection c, Filter f, String where, String order) throws SQLException {
        String sql = "SELECT s.query_text, s.lang, COUNT(*) AS searches, MAX(s.results),"
                + " SUM(CASE WHEN " + CLICKED + " THEN 1 ELSE 0 END), MAX(s.day)"
                + " FROM searches s WHERE s.day >= ?" + f.langClause("s.lang") + where
                + " GROUP BY s.query_text, s.lang ORDER BY " + order + ", s.query_text LIMIT " + ROWS;
        List<QueryStats> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, f);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new QueryStats(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getString(6)));
                }
            }
        }
        return out;
    }

    /** The last {@value #TREND_DAYS} days, every day present (zero when nothing happened). */
    private static List<Day> trend(Connection c, Filter f) throws SQLException {
        Filter month = new Filter(f.lang(), TREND_DAYS, f.today());
        Map<String, long[]> days = new LinkedHashMap<>();
        for (int i = TREND_DAYS - 1; i >= 0; i--) {
            days.put(f.today().minusDays(i).toString(), new long[4]);
        }
        try (PreparedStatement st = c.prepareStatement("SELECT day, COALESCE(SUM(helpful), 0), COUNT(*) FROM votes WHERE day >= ?"
                + month.langClause("lang") + " GROUP BY day")) {
            bind(st, month);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long[] d = days.get(rs.getString(1));
                    if (d != null) {
                        d[0] = rs.getLong(2);
                        d[1] = rs.getLong(3) - rs.getLong(2);
                    }
                }
            }
        }
        try (PreparedStatement st = c.prepareStatement("SELECT day, COUNT(*), SUM(CASE WHEN results = 0 THEN 1 ELSE 0 END)"
                + " FROM searches WHERE day >= ?" + month.langClause("lang") + " GROUP BY day")) {
            bind(st, month);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long[] d = days.get(rs.getString(1));
                    if (d != null) {
                        d[3] = rs.getLong(3);
                        d[2] = rs.getLong(2) - d[3];
                    }
                }
            }
        }
        List<Day> out = new ArrayList<>();
        days.forEach((day, d) -> out.add(new Day(LocalDate.parse(day), d[0], d[1], d[2], d[3])));
        return out;
    }

    private static void bind(PreparedStatement st, Filter f) throws SQLException {
        st.setString(1, f.since());
        if (f.lang() != null) {
            st.setString(2, f.lang());
        }
    }
}
