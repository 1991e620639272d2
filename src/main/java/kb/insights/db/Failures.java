package kb.insights.db;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Tells a database that is away (retry the same rows later) from a row the database will never take
 * (drop it and count it), so one bad row cannot block the queue forever.
 */
final class Failures {
    private Failures() {}

    static boolean transientFailure(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException || t instanceof java.io.IOException) {
                return true;
            }
            if (t instanceof SQLException s) {
                String state = s.getSQLState();
                // connection (08), out of disk or memory (53), admin shutdown / crash (57), serialization (40)
                if (state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57")
                        || state.startsWith("40"))) {
                    return true;
                }
                // SQLite's result codes: BUSY, LOCKED, IOERR, FULL, CANTOPEN, READONLY
                int code = s.getErrorCode() & 0xff;
                if (state == null && (code == 5 || code == 6 || code == 10 || code == 13 || code == 14 || code == 8)) {
                    return true;
                }
            }
        }
        return false;
    }
}
