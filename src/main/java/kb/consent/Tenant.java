package kb.consent;

/**
 * A tenant in the form Microsoft's login URL accepts: a lower-case GUID, a lower-case ASCII
 * (punycode) domain name, or {@code organizations}.
 *
 * <p>Obtain one from {@link TenantParser#parse}; the constructor refuses anything not already in
 * that form, so a {@code Tenant} is always safe to put in a URL path segment as is.
 */
public record Tenant(String id) implements ParsedTenant {

    public Tenant {
        if (!TenantParser.isNormalized(id)) {
            // The value is not echoed: it may be huge or hostile.
            throw new IllegalArgumentException("not a normalized tenant id; use TenantParser.parse");
        }
    }
}
