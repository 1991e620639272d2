package kb.insights.db;

import java.sql.Connection;
import java.sql.SQLException;

/** One row (or one change) waiting in the writer's queue, written inside the writer's transaction. */
public interface Write {
    /** What kind of row, for the metrics: {@code vote}, {@code search}, {@code click}. */
    String kind();

    /** Runs before the batch's transaction, on the same connection in auto-commit mode (to fetch shared state). */
    default void prepare(Connection connection) throws SQLException {}

    /** Writes the row; the writer commits. Prepared statements only. */
    void apply(Connection connection) throws SQLException;
}
