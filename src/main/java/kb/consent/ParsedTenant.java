package kb.consent;

/** What {@link TenantParser#parse} found: either a {@link Tenant} or a {@link TenantRefusal}. */
public sealed interface ParsedTenant permits Tenant, TenantRefusal {
}
