package kb.consent;

import java.util.Objects;
import java.util.function.Supplier;

/** The admin-consent feature as the web layer sees it: what the admin typed in, a URL or a refusal out. */
public final class AdminConsent {

    private final Supplier<ConsentSettings> settings;

    /**
     * @param settings read on every answer, so the caller can swap in reloaded settings (for
     *                 example from an {@code AtomicReference}) without rebuilding this object
     */
    public AdminConsent(Supplier<ConsentSettings> settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Parses {@code rawTenant} (any string, null included) and builds its URL; never throws for bad input. */
    public ConsentAnswer answer(String rawTenant) {
        ParsedTenant parsed = TenantParser.parse(rawTenant);
        if (parsed instanceof Tenant tenant) {
            return new ConsentAnswer.Link(tenant, ConsentUrlBuilder.build(tenant, settings.get()));
        }
        return (TenantRefusal) parsed;
    }
}
