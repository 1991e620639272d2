package kb.consent;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.stream.Collectors;

/** Builds the Microsoft identity platform's admin-consent URL for one tenant. */
public final class ConsentUrlBuilder {

    private static final String LOGIN = "https://login.microsoftonline.com/";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ConsentUrlBuilder() {
    }

    /**
     * {@code https://login.microsoftonline.com/<tenant>/v2.0/adminconsent?client_id=…&scope=…&redirect_uri=…&state=…},
     * scopes joined with {@code +}; with the default settings it is the seed's template exactly.
     */
    public static String build(Tenant tenant, ConsentSettings settings) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(settings, "settings");
        String scope = settings.scopes().stream()
                .map(ConsentUrlBuilder::encode)
                .collect(Collectors.joining("+"));
        return LOGIN + tenant.id() + "/v2.0/adminconsent"
                + "?client_id=" + encode(settings.clientId())
                + "&scope=" + scope
                + "&redirect_uri=" + encode(settings.redirectUri())
                + "&state=" + encode(settings.state());
    }

    /**
     * Percent-encodes one query value. Unreserved characters, {@code :} and {@code /} stay as they
     * are because the seed writes its URLs that way and RFC 3986 allows them in a query; everything
     * else, {@code +}, {@code &}, {@code #} and {@code %} included, becomes UTF-8 {@code %XX}.
     */
    static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (isKept(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    private static boolean isKept(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == ':' || c == '/';
    }
}
