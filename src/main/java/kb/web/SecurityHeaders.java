package kb.web;

import io.javalin.http.Context;

/** The headers every response carries: no inline script, no framing, no sniffing, little referrer. */
public final class SecurityHeaders {
    static final String CSP = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private SecurityHeaders() {}

    /** The headers, by name. */
    static final java.util.Map<String, String> HEADERS = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(java.util.Map.of(
            "Content-Security-Policy", CSP,
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "strict-origin-when-cross-origin")));

    public static void apply(Context ctx) {
        HEADERS.forEach(ctx::header);
    }
}
