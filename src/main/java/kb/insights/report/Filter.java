package kb.insights.report;

import java.time.LocalDate;

/**
 * Which rows a report covers: one content language or all ({@code lang} null), and the last
 * {@code days} days up to {@code today} (UTC).
 */
public record Filter(String lang, int days, LocalDate today) {
    public static final int DEFAULT_DAYS = 30;

    /** The first day covered, as stored ({@code YYYY-MM-DD}). */
    public String since() {
        return today.minusDays(days - 1L).toString();
    }

    /** {@code AND <column> = ?} when one language is chosen, else nothing. */
    String langClause(String column) {
        return lang == null ? "" : " AND " + column + " = ?";
    }
}
