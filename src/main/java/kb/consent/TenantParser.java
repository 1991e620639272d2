package kb.consent;

import java.net.IDN;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns whatever an admin typed into a {@link Tenant}, or into the {@link TenantRefusal} saying why not. */
public final class TenantParser {

    /**
     * Longer input is refused without being examined: room for a pasted admin-consent URL (about
     * 560 characters with the seed's scopes), far more than a tenant (a domain is at most 253).
     */
    static final int MAX_INPUT_LENGTH = 2048;

    private static final String HEX_GUID =
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final Pattern GUID = Pattern.compile(HEX_GUID, Pattern.CASE_INSENSITIVE);
    private static final Pattern LOWER_GUID = Pattern.compile(HEX_GUID);
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    /** The all-zero GUID: the placeholder and the example in the hint, never a real tenant. */
    private static final String ZERO_GUID = "00000000-0000-0000-0000-000000000000";
    /**
     * A Microsoft sign-in URL with the tenant as its first path segment: what an admin pastes after
     * copying a consent link from an e-mail or another guide ({@code /<tenant>/v2.0/adminconsent?…},
     * {@code /<tenant>/adminconsent}, {@code /<tenant>/oauth2/…}).
     */
    private static final String SIGN_IN_HOST =
            "(?:login\\.microsoftonline\\.com|login\\.microsoft\\.com|login\\.windows\\.net)";
    private static final Pattern SIGN_IN_URL = Pattern.compile(
            "(?:https?://)?" + SIGN_IN_HOST + "/([^/?#]*)(?:/(?:v2\\.0/)?(?:adminconsent|oauth2)(?:[/?#].*)?)?/?",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static final Pattern SIGN_IN_HOST_ONLY = Pattern.compile(SIGN_IN_HOST, Pattern.CASE_INSENSITIVE);

    private static final String ORGANIZATIONS = "organizations";
    // 9188040d-... is the tenant every personal Microsoft account signs in to (the "tid" Microsoft
    // documents for them), so it is "consumers" under another name.
    private static final Set<String> PERSONAL_ACCOUNTS =
            Set.of("common", "consumers", "9188040d-6c67-4c5b-b112-36a304b66dad");

    private TenantParser() {
    }

    /**
     * Parses a tenant GUID (any case, surrounding blanks or braces ignored), a domain name (as
     * typed, internationalised, or punycode) or {@code organizations}, alone or as the tenant of a
     * pasted Microsoft sign-in URL; never throws.
     */
    public static ParsedTenant parse(String raw) {
        if (raw == null) {
            return TenantRefusal.MISSING;
        }
        if (raw.length() > MAX_INPUT_LENGTH) {
            return TenantRefusal.INVALID;
        }
        String text = stripBlanks(raw);
        if (text.isEmpty()) {
            return TenantRefusal.MISSING;
        }
        Matcher url = SIGN_IN_URL.matcher(text);
        if (url.matches()) {
            // The sign-in host is a domain name too, but never the tenant the admin meant.
            String segment = url.group(1);
            return SIGN_IN_HOST_ONLY.matcher(segment).matches()
                    ? TenantRefusal.INVALID : parseTenant(stripBlanks(segment));
        }
        return parseTenant(text);
    }

    private static ParsedTenant parseTenant(String text) {
        if (text.isEmpty()) {
            return TenantRefusal.INVALID;
        }
        String guid = unbrace(text);
        if (GUID.matcher(guid).matches()) {
            String id = guid.toLowerCase(Locale.ROOT);
            return id.equals(ZERO_GUID) ? TenantRefusal.EXAMPLE_GUID : accept(id);
        }
        if (isAscii(text)) {
            String word = text.toLowerCase(Locale.ROOT);
            if (word.equals(ORGANIZATIONS) || PERSONAL_ACCOUNTS.contains(word)) {
                return accept(word);
            }
        }
        String domain = toAsciiDomain(text);
        return domain == null ? TenantRefusal.INVALID : accept(domain);
    }

    /** True when {@code id} is exactly what {@link #parse} produces for some accepted input. */
    static boolean isNormalized(String id) {
        if (id == null || PERSONAL_ACCOUNTS.contains(id) || id.equals(ZERO_GUID)) {
            return false;
        }
        return id.equals(ORGANIZATIONS) || LOWER_GUID.matcher(id).matches() || isAsciiDomain(id);
    }

    private static ParsedTenant accept(String id) {
        return PERSONAL_ACCOUNTS.contains(id) ? TenantRefusal.PERSONAL_ACCOUNTS : new Tenant(id);
    }

    // Copying from a portal or a chat brings no-break and zero-width spaces along, not only ASCII ones.
    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }

    private static String stripBlanks(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isBlank(s.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Entra shows GUIDs bare, but PowerShell and registry exports wrap them in braces. */
    private static String unbrace(String s) {
        if (s.length() >= 2 && s.charAt(0) == '{' && s.charAt(s.length() - 1) == '}') {
            return stripBlanks(s.substring(1, s.length() - 1));
        }
        return s;
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }

    /** The domain in lower-case punycode, or null when {@code text} is not a domain name. */
    private static String toAsciiDomain(String text) {
        // Only letters, marks, digits, hyphens and dots go to IDN: nothing that could end a path
        // segment or start a query reaches it, whatever its mappings do.
        if (!text.codePoints().allMatch(TenantParser::mayAppearInDomain)) {
            return null;
        }
        String ascii;
        try {
            ascii = IDN.toASCII(Normalizer.normalize(text, Normalizer.Form.NFC), IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException notIdna) {
            return null;
        }
        ascii = ascii.toLowerCase(Locale.ROOT);
        return isAsciiDomain(ascii) ? ascii : null;
    }

    private static boolean mayAppearInDomain(int cp) {
        if (cp == '-' || cp == '.' || cp == '\u3002' || cp == '\uFF0E' || cp == '\uFF61') {
            return true; // IDNA treats the ideographic and full-width full stops as dots.
        }
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp)
                || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isAsciiDomain(String name) {
        if (name.length() > 253) {
            return false;
        }
        String[] labels = name.split("\\.", -1);
        if (labels.length < 2 || DIGITS.matcher(labels[labels.length - 1]).matches()) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches() || !isDecodablePunycode(label)) {
                return false;
            }
        }
        return true;
    }

    /** An {@code xn--} label must be the encoding of some Unicode label, not just look like one. */
    private static boolean isDecodablePunycode(String label) {
        if (!label.startsWith("xn--")) {
            return true;
        }
        try {
            String unicode = IDN.toUnicode(label, IDN.USE_STD3_ASCII_RULES);
            return !unicode.equals(label)
                    && IDN.toASCII(unicode, IDN.USE_STD3_ASCII_RULES).equals(label);
        } catch (IllegalArgumentException notIdna) {
            return false;
        }
    }
}
