/**
 * Insights for the support team: what readers thought of each article ({@code feedback}), what they
 * searched for ({@code searchlog}), stored through a bounded queue off the request path ({@code db})
 * and read back on {@code /insights} ({@code report}). {@link kb.insights.Insights} is the front door;
 * every state-changing request passes {@link kb.insights.Guard#admit} (same site, rate per address),
 * and every row's day is {@link kb.insights.Days} (UTC).
 */
package kb.insights;
