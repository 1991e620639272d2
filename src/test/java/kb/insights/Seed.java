package kb.insights;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import kb.TestServer;

/**
 * Answers and searches from a few readers (behind a local proxy, so each has an address of its own),
 * so that /insights has every part to show: for the page checks and the screenshots.
 */
public final class Seed {
    private Seed() {}

    private static final String PT = "/pt/erros-de-conexao-caixa-de-entrada-calendario";
    private static final String EN = "/en/inbox-calendar-connection-errors";

    public static synchronized void answersAndSearches(TestServer server) {
        String[][] votes = {
            {PT, "pt", "no", "outdated", "A tela do Entra mudou: não acho mais “Propriedades”."},
            {PT, "pt", "no", "unclear", "<script>alert(1)</script> =HYPERLINK(1) \\u202Eevil"},
            {PT, "pt", "yes", null, null},
            {EN, "en", "yes", null, null},
            {EN, "en", "no", "not-my-problem", "I use Gmail, not Office 365 \\uD83D\\uDE42"},
            {EN, "en", "yes", null, null},
        };
        int reader = 1;
        for (String[] v : votes) {
            String json = "{\"lang\":\"" + v[1] + "\",\"article\":\"" + v[0] + "\",\"helpful\":\"" + v[2] + "\""
                    + (v[3] == null ? "" : ",\"reason\":\"" + v[3] + "\",\"comment\":\"" + v[4] + "\"") + "}";
            server.post("/api/feedback", json, Map.of("Content-Type", "application/json", "X-Forwarded-For", "198.51.100." + reader++));
        }
        for (String q : List.of("conexão", "conexao", "caixa de entrada", "office 365", "tenant id", "qwxzvv kkjjq", "gmail bloqueado",
                "conexão")) {
            server.get("/pt/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), Map.of("X-Forwarded-For", "198.51.100.20"));
        }
        server.get("/api/search?lang=en&q=calendar+permissions");
        server.post("/api/search/instant", "lang=en&q=tenant&results=3&url=" + EN + "%23tenant-admin-consent&position=2",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "X-Forwarded-For", "198.51.100.21"));
        Db.await(Db.sqlite(server.dataDir()), java.time.Duration.ofSeconds(20), rows -> !rows.isEmpty(),
                "SELECT 1 FROM searches WHERE query_text = 'tenant' AND source = 'instant'");
    }
}
