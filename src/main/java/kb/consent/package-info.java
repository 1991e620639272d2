/**
 * The admin-consent feature: parses the tenant an IT admin types and builds the Microsoft Entra
 * admin-consent URL for it. {@link kb.consent.AdminConsent} is the front door.
 */
package kb.consent;
