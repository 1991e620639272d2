package kb.insights.searchlog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import kb.insights.db.Write;

/** A result a reader opened from a search, and its position in the list they saw (from 1). */
record Click(String searchId, int position, String day, long at, String url) implements Write {
    @Override
    public String kind() {
        return "click";
    }

    @Override
    public void apply(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO search_clicks (search_id, click_position, day, url, clicked_at)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (search_id, click_position) DO NOTHING")) {
            st.setString(1, searchId);
            st.setInt(2, position);
            st.setString(3, day);
            st.setString(4, url);
            st.setLong(5, at);
            st.executeUpdate();
        }
    }
}
