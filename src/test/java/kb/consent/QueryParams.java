package kb.consent;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Splits a URL's query the way a server reads it, so tests compare meaning as well as bytes. */
final class QueryParams {

    private QueryParams() {
    }

    /** The decoded name/value pairs of {@code url}'s query, in order; {@code +} decodes to a space. */
    static List<Map.Entry<String, String>> of(String url) {
        String query = url.substring(url.indexOf('?') + 1);
        List<Map.Entry<String, String>> params = new ArrayList<>();
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            params.add(Map.entry(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1))));
        }
        return params;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
