package kb.insights.feedback;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import kb.insights.db.Write;

/**
 * One reader's answer, waiting in the queue. The address and user agent live only here, in memory,
 * until the writer turns them into the day's reader hash; they are never written anywhere.
 */
final class Vote implements Write {
    private final String day;
    private final long at;
    private final String address;
    private final String userAgent;
    private final FeedbackInput input;
    private final ReaderIds readers;

    Vote(String day, long at, String address, String userAgent, FeedbackInput input, ReaderIds readers) {
        this.day = day;
        this.at = at;
        this.address = address;
        this.userAgent = userAgent;
        this.input = input;
        this.readers = readers;
    }

    @Override
    public String kind() {
        return "vote";
    }

    @Override
    public void prepare(Connection c) throws SQLException {
        readers.load(c, day);
    }

    /** A new answer from the same reader to the same article on the same day replaces the earlier one. */
    @Override
    public void apply(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO votes (day, reader, article, lang, helpful, reason, comment_text, voted_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (day, reader, article) DO UPDATE SET helpful = excluded.helpful,"
                        + " reason = excluded.reason, comment_text = excluded.comment_text, voted_at = excluded.voted_at,"
                        + " lang = excluded.lang")) {
            st.setString(1, day);
            st.setString(2, readers.reader(day, address, userAgent));
            st.setString(3, input.article());
            st.setString(4, input.lang());
            st.setShort(5, (short) (input.helpful() ? 1 : 0));
            if (input.reason() == null) {
                st.setNull(6, Types.VARCHAR);
            } else {
                st.setString(6, input.reason().code());
            }
            if (input.comment() == null) {
                st.setNull(7, Types.VARCHAR);
            } else {
                st.setString(7, input.comment());
            }
            st.setLong(8, at);
            st.executeUpdate();
        }
    }

    @Override
    public String toString() {
        return "Vote[" + day + " " + input + "]";
    }
}
