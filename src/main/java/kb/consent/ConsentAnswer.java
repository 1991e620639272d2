package kb.consent;

/** What the admin gets back: a {@link Link} for the tenant, or the {@link TenantRefusal} explaining why there is none. */
public sealed interface ConsentAnswer permits ConsentAnswer.Link, TenantRefusal {

    /** The normalized tenant and its admin-consent URL. */
    record Link(Tenant tenant, String url) implements ConsentAnswer {
    }
}
