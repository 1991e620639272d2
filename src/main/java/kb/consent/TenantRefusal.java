package kb.consent;

/** Why typed input is not a usable tenant, with its stable API error code and message key. */
public enum TenantRefusal implements ParsedTenant, ConsentAnswer {

    /** Nothing but blanks was typed. */
    MISSING("tenant_missing", "consent.error.missing"),
    /** {@code common} or {@code consumers}: personal Microsoft accounts cannot grant admin consent. */
    PERSONAL_ACCOUNTS("tenant_personal_accounts", "consent.error.personal_accounts"),
    /** 00000000-0000-0000-0000-000000000000: the example in the hint and the placeholder, not a tenant. */
    EXAMPLE_GUID("tenant_example_guid", "consent.error.example_guid"),
    /** Anything else that is neither a tenant GUID, a domain name nor {@code organizations}. */
    INVALID("tenant_invalid", "consent.error.invalid");

    private final String code;
    private final String messageKey;

    TenantRefusal(String code, String messageKey) {
        this.code = code;
        this.messageKey = messageKey;
    }

    /** The value of the API's {@code "error"} field; clients may rely on it. */
    public String code() {
        return code;
    }

    /** The key of the explanation in the {@code messages_*.properties} bundles. */
    public String messageKey() {
        return messageKey;
    }
}
