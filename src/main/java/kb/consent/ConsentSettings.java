package kb.consent;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The app-specific parts of the admin-consent URL: which app asks, for which scopes, where Microsoft
 * sends the admin afterwards, and the state it echoes back.
 *
 * <p>The constructor refuses values that would make a broken URL; its messages name the values by
 * their URL parameter names, which are also the settings file's keys.
 *
 * @param findTenantArticle the article that shows where the tenant ID is, linked from the consent page
 * @param consentArticle    the article (and section) that explains admin consent, linked from the consent page
 */
public record ConsentSettings(String clientId, List<String> scopes, String redirectUri, String state,
        ArticleLink findTenantArticle, ArticleLink consentArticle) {

    private static final Pattern GUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", Pattern.CASE_INSENSITIVE);

    // The seed article's template, scope for scope and in its order and case.
    private static final ConsentSettings DEFAULTS = new ConsentSettings(
            "450987b3-a09a-4f14-9b2c-4f301d1e15f5",
            List.of(
                    "https://graph.microsoft.com/User.Read",
                    "https://graph.microsoft.com/Calendars.Read",
                    "https://graph.microsoft.com/Mail.Send",
                    "https://graph.microsoft.com/calendars.readwrite",
                    "https://graph.microsoft.com/mail.readwrite",
                    "https://graph.microsoft.com/offline_access",
                    "https://graph.microsoft.com/openid",
                    "https://graph.microsoft.com/email",
                    "https://graph.microsoft.com/profile"),
            "https://app.hubspot.com/oauthor/v1/office365/verify",
            "12345",
            new ArticleLink("find-tenant-id", null),
            new ArticleLink("inbox-calendar-connection-errors", "tenant-admin-consent"));

    /** Settings of the URL alone; the consent page links to the seed's articles. */
    public ConsentSettings(String clientId, List<String> scopes, String redirectUri, String state) {
        this(clientId, scopes, redirectUri, state, DEFAULTS.findTenantArticle(), DEFAULTS.consentArticle());
    }

    public ConsentSettings {
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(findTenantArticle, "find_tenant_article");
        Objects.requireNonNull(consentArticle, "consent_article");
        requireClean("client_id", clientId);
        if (!GUID.matcher(clientId).matches()) {
            throw new IllegalArgumentException("client_id " + quote(clientId)
                    + " is not a GUID like 00000000-0000-0000-0000-000000000000");
        }
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("scopes is empty; list at least one scope");
        }
        for (String scope : scopes) {
            requireClean("scopes", scope);
            if (scope.isEmpty() || scope.codePoints().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("scope " + quote(scope) + " is empty or contains a blank");
            }
        }
        scopes = List.copyOf(scopes);
        requireClean("redirect_uri", redirectUri);
        if (!isAbsoluteHttps(redirectUri)) {
            throw new IllegalArgumentException("redirect_uri " + quote(redirectUri)
                    + " is not an absolute https URL without a fragment");
        }
        requireClean("state", state);
        if (state.isEmpty()) {
            throw new IllegalArgumentException("state is empty");
        }
    }

    /** The values of the seed article's consent URL. */
    public static ConsentSettings defaults() {
        return DEFAULTS;
    }

    private static void requireClean(String name, String value) {
        Objects.requireNonNull(value, name);
        // Control characters would corrupt logs; lone surrogates have no UTF-8 form to percent-encode.
        boolean dirty = value.codePoints().anyMatch(cp ->
                Character.isISOControl(cp) || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE));
        if (dirty) {
            throw new IllegalArgumentException(name + " " + quote(value)
                    + " contains a control character or broken Unicode");
        }
    }

    private static boolean isAbsoluteHttps(String value) {
        try {
            URI uri = new URI(value);
            return "https".equalsIgnoreCase(uri.getScheme())
                    && uri.getHost() != null
                    && uri.getRawUserInfo() == null
                    && uri.getRawFragment() == null;
        } catch (URISyntaxException notUri) {
            return false;
        }
    }

    /** Quotes a value for an error message: shortened, with control characters made visible. */
    static String quote(String value) {
        String shown = value.length() > 80 ? value.substring(0, 80) + "…" : value;
        StringBuilder out = new StringBuilder("\"");
        shown.chars().forEach(c -> {
            if (Character.isISOControl(c) || Character.isSurrogate((char) c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append((char) c);
            }
        });
        return out.append('"').toString();
    }
}
