package kb.insights.searchlog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import kb.insights.db.Write;

/** One settled search waiting in the queue. */
record SearchEvent(String id, String day, long at, String lang, String query, int results, String source) implements Write {
    @Override
    public String kind() {
        return "search";
    }

    @Override
    public void apply(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO searches (id, day, searched_at, lang, query_text, results, source)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
            st.setString(1, id);
            st.setString(2, day);
            st.setLong(3, at);
            st.setString(4, lang);
            st.setString(5, query);
            st.setInt(6, results);
            st.setString(7, source);
            st.executeUpdate();
        }
    }
}
