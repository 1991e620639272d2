/**
 * {@code /insights}: the support team's view of feedback and searches, behind HTTP Basic
 * ({@link kb.insights.report.Access}), read from the database ({@link kb.insights.report.Report}),
 * drawn on the server ({@link kb.insights.report.TrendChart}) and exported ({@link kb.insights.report.Csv}).
 */
package kb.insights.report;
