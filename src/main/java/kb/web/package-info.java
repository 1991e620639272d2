/**
 * The web layer: each page's way from route to HTML. Routes live in {@code kb.Main}; the pages
 * besides articles are one table, {@link kb.web.SitePage}.
 *
 * <p>A handler checks the language ({@link kb.web.Frame#language}), builds the page's
 * {@link kb.web.Layout} with {@link kb.web.Frame} (an indexed page, or {@code unindexed} for the
 * 404, refusals and search results) and its own model, a record whose components are its
 * template's variables, and hands both as a {@link kb.web.View} to the {@link kb.web.Responder},
 * which renders through {@link kb.web.Templates} and sends: fresh, or cached per content version
 * with ETag, gzip and 304. The handlers: {@link kb.web.Pages} (articles and redirects),
 * {@link kb.web.BrowsePages} (home, categories, tags), {@link kb.web.SearchPages} (results page,
 * {@code /api/search}, error-code links), {@link kb.web.ConsentPages} (the consent form, its embed,
 * {@code /api/admin-consent}; its article links through {@link kb.web.ConsentLinks}); {@link kb.web.Api}
 * holds the JSON endpoints' shared checks. UI strings come from {@link kb.web.Messages}.
 */
package kb.web;
