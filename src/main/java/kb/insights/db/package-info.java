/**
 * The database behind insights: the HikariCP pool and Flyway migrations ({@link kb.insights.db.Database}),
 * and the one background writer that drains a bounded queue into it ({@link kb.insights.db.Writer}), so
 * a database that is down or slow never holds up a request.
 */
package kb.insights.db;
