package kb.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kb.TestServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Naughty strings in every field of every endpoint insights adds (feedback form and API, search
 * beacons, the insights filters, searches being recorded): never a 5xx or a stack trace, and what is
 * stored comes back escaped on {@code /insights}.
 */
class HostileInputTest {
    static final String PT = "/pt/erros-de-conexao-caixa-de-entrada-calendario";
    static final List<String> NAUGHTY = List.of(
            "", " ", "\u0000", "a\u0000b", "'", "\"", "'\"", "\"'><script>alert(1)</script>", "<img src=x onerror=alert(1)>",
            "'; DROP TABLE votes; --", "\\", "%", "%00", "%zz", "../../etc/passwd", "//evil.example/x", "javascript:alert(1)",
            "\u202Eevil\u202C", "\u200F\u200E", "🙂👩‍💻🇧🇷", "\uD800", "\uDC00x", "\uFFFE\uFFFF", "ｆｕｌｌｗｉｄｔｈ", "title:(a OR b)^3 ~2 *",
            "=HYPERLINK(\"http://evil\")", "+1", "-1", "@SUM(A1)", "\r\n\r\n", "\t", "null", "true", "{}", "[]", "1e309",
            "-0", "999999999999999999999", "x".repeat(10_000), "é".repeat(1500), "\u0007\u001b[31m");
    static final ObjectMapper JSON = new ObjectMapper();
    static TestServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static int address;

    @BeforeAll
    static void start() {
        server = TestServer.shipped();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A new reader address per request, so the per-address limit never hides what the input does. */
    static Map<String, String> headers(String contentType) {
        address++;
        return Map.of("Content-Type", contentType, "X-Forwarded-For", "10." + (address / 65536 % 256) + "." + (address / 256 % 256) + "." + (address % 256));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void everyFieldOfEveryEndpointTakesNaughtyStringsWithoutA5xx() throws Exception {
        List<String> problems = new ArrayList<>();
        Map<String, String> good = new LinkedHashMap<>();
        good.put("article", PT);
        good.put("helpful", "no");
        good.put("reason", "other");
        good.put("comment", "ok");
        for (String field : good.keySet()) {
            for (String bad : NAUGHTY) {
                Map<String, Object> json = new LinkedHashMap<>(good);
                json.put("lang", "pt");
                json.put(field, bad);
                check(problems, "api " + field, server.post("/api/feedback", JSON.writeValueAsString(json), headers("application/json")));
                StringBuilder form = new StringBuilder();
                for (Map.Entry<String, String> e : good.entrySet()) {
                    form.append(e.getKey()).append('=').append(enc(e.getKey().equals(field) ? bad : e.getValue())).append('&');
                }
                check(problems, "form " + field, server.post("/pt/feedback", form.toString(), headers("application/x-www-form-urlencoded")));
                // Raw, unencoded into the form body: whatever a client sends.
                check(problems, "raw form " + field, server.post("/en/feedback", field + "=" + bad, headers("application/x-www-form-urlencoded")));
            }
        }
        for (String bad : NAUGHTY) {
            check(problems, "api lang", server.post("/api/feedback", "{\"lang\":" + JSON.writeValueAsString(bad) + "}", headers("application/json")));
            check(problems, "api raw", server.post("/api/feedback", bad, headers("application/json")));
            for (String field : List.of("search", "url", "position")) {
                Map<String, String> click = new LinkedHashMap<>(Map.of("search", "0123456789abcdef0123456789abcdef", "url", PT, "position", "1"));
                click.put(field, bad);
                check(problems, "click " + field, server.post("/api/search/click", formOf(click), headers("application/x-www-form-urlencoded")));
            }
            for (String field : List.of("lang", "q", "results", "url", "position")) {
                Map<String, String> instant = new LinkedHashMap<>(Map.of("lang", "pt", "q", "conexão", "results", "2", "url", PT, "position", "1"));
                instant.put(field, bad);
                check(problems, "instant " + field, server.post("/api/search/instant", formOf(instant), headers("application/x-www-form-urlencoded")));
            }
            for (String param : List.of("lang", "content", "days")) {
                for (String path : List.of("/insights", "/insights/feedback.csv", "/insights/searches.csv")) {
                    check(problems, path + " " + param, server.insights(path + "?" + param + "=" + enc(bad)));
                }
            }
            check(problems, "search page", server.get("/pt/search?q=" + enc(bad)));
            check(problems, "search api", server.get("/api/search?lang=en&q=" + enc(bad)));
            check(problems, "article feedback state", server.get(PT + "?feedback=" + enc(bad)));
        }
        // Bytes that are not UTF-8 at all.
        byte[] binary = new byte[256];
        for (int i = 0; i < 256; i++) {
            binary[i] = (byte) i;
        }
        for (String path : List.of("/api/feedback", "/pt/feedback", "/api/search/click", "/api/search/instant")) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.base() + path)).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", path.startsWith("/api/feedback") ? "application/json" : "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(binary)).build(), HttpResponse.BodyHandlers.ofString());
            check(problems, "binary " + path, r);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void storedCommentsComeBackAsTextOnInsights() {
        String comment = "\"'><script>alert(1)</script>\u0000 <b>bold</b> \u202Eevil =SUM(A1)";
        HttpResponse<String> r = server.post("/api/feedback", "{\"lang\":\"pt\",\"article\":\"" + PT + "\",\"helpful\":\"no\",\"comment\":"
                + "\"\\\"'><script>alert(1)</script>\\u0000 <b>bold</b> \\u202Eevil =SUM(A1)\"}", headers("application/json"));
        assertThat(r.statusCode()).isEqualTo(201);
        String stored = comment.replace("\u0000", "");
        Db.awaitCount(Db.sqlite(server.dataDir()), 1, "SELECT COUNT(*) FROM votes WHERE comment_text = ?", stored);
        HttpResponse<String> page = server.insights("/insights?lang=en");
        assertThat(page.body()).doesNotContain("<script>alert(1)").doesNotContain("<b>bold</b>");
        Document doc = Jsoup.parse(page.body());
        assertThat(doc.select(".insights-comment").eachText()).contains(stored);
        assertThat(doc.select("script").eachAttr("src")).allSatisfy(src -> assertThat(src).startsWith("/static/"));
        // In the export, a formula is neutralised and the rest kept whole.
        assertThat(server.insights("/insights/feedback.csv").body()).contains("\"\"\"'><script>alert(1)</script> <b>bold</b>");
    }

    private static String formOf(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> out.append(k).append('=').append(enc(v)).append('&'));
        return out.toString();
    }

    private static void check(List<String> problems, String what, HttpResponse<String> r) {
        String body = r.body() == null ? "" : r.body();
        if (r.statusCode() >= 500 || body.contains("Exception") || body.contains("\tat ")) {
            problems.add(what + " -> " + r.statusCode() + ": " + body.substring(0, Math.min(200, body.length())));
        }
    }
}
