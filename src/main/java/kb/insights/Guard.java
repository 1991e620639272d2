package kb.insights;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The checks every state-changing request passes: it must come from this site's own pages, and it
 * is counted against the address it came from (the one a local proxy forwards, never a header an
 * outside client could set).
 */
public final class Guard {
    /** Why a state-changing request is turned away. */
    public enum Refusal {
        /** Another site's page sent it: 403. */
        CROSS_SITE(HttpStatus.FORBIDDEN, "cross_site"),
        /** Its address sent too many lately: 429, with {@code Retry-After}. */
        TOO_MANY(HttpStatus.TOO_MANY_REQUESTS, "too_many");

        private final HttpStatus status;
        private final String code;

        Refusal(HttpStatus status, String code) {
            this.status = status;
            this.code = code;
        }

        public HttpStatus status() {
            return status;
        }

        /** The API's error code, also the end of the message key ({@code feedback.error.cross_site}). */
        public String code() {
            return code;
        }
    }

    private final Supplier<URI> publicBase;

    public Guard(Supplier<URI> publicBase) {
        this.publicBase = publicBase;
    }

    /**
     * Lets a request through when it comes from this site's pages and its address is within the
     * limiter's rate; otherwise says why, having set {@code Retry-After} for {@link Refusal#TOO_MANY}.
     * The caller answers the refusal in its own form (a page, JSON, an empty beacon answer).
     */
    public Optional<Refusal> admit(Context ctx, RateLimiter limiter) {
        if (crossSite(ctx)) {
            return Optional.of(Refusal.CROSS_SITE);
        }
        long wait = limiter.acquire(clientAddress(ctx));
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString(wait));
            return Optional.of(Refusal.TOO_MANY);
        }
        return Optional.empty();
    }

    /**
     * A browser says where a request comes from ({@code Sec-Fetch-Site}, else {@code Origin}); a
     * cross-site one is forged by another site's page. Clients that send neither (curl, other
     * programs) cannot be tricked into sending a reader's request, so they pass.
     */
    public boolean crossSite(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null) {
            return !site.equals("same-origin") && !site.equals("none");
        }
        String origin = ctx.header("Origin");
        if (origin == null) {
            return false;
        }
        String o = origin.strip().toLowerCase(Locale.ROOT);
        URI base = publicBase.get();
        if (o.equals(base.getScheme() + "://" + base.getRawAuthority())) {
            return false;
        }
        String host = ctx.header("Host");
        if (host == null || host.isBlank()) {
            return true;
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        return !o.equals("http://" + h) && !o.equals("https://" + h);
    }

    /**
     * The reader's address: the connection's, or, when the connection comes from this machine (a
     * local proxy such as nginx), the last address in {@code X-Forwarded-For}, which that proxy added.
     */
    public static String clientAddress(Context ctx) {
        return clientAddress(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"));
    }

    static String clientAddress(String remote, String forwarded) {
        if (remote == null) {
            return "unknown";
        }
        if (loopback(remote) && forwarded != null && forwarded.length() <= 2048) {
            String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
            if (!last.isEmpty() && last.length() <= 45 && last.chars().allMatch(Guard::addressChar)) {
                return last.toLowerCase(Locale.ROOT);
            }
        }
        return remote;
    }

    static boolean loopback(String address) {
        String a = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        return a.startsWith("127.") || a.equals("::1") || a.equals("0:0:0:0:0:0:0:1") || a.startsWith("::ffff:127.");
    }

    private static boolean addressChar(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == '.' || c == ':';
    }
}
