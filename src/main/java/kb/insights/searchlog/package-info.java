/**
 * What readers searched for: each settled search ({@link kb.insights.searchlog.SearchLog#record}) and
 * the result opened from it, queued for the database without touching the search itself.
 */
package kb.insights.searchlog;
