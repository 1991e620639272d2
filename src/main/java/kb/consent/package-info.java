/**
 * The admin-consent feature: parses the tenant an IT admin types and builds the Microsoft Entra
 * admin-consent URL for it. {@link kb.consent.AdminConsent} is the front door; the operator's
 * {@code admin-consent.properties} ({@link kb.consent.ConsentSettingsFile}) sets the URL's parts and
 * the articles the consent page links to ({@link kb.consent.ArticleLink}).
 */
package kb.consent;
