/**
 * Publishing: what search engines, browsers and feed readers read besides the pages themselves —
 * the sitemap and robots.txt, an Atom feed and an OpenSearch description per language, and each
 * page's head metadata (canonical URL, hreflang alternates, Open Graph, Twitter card, JSON-LD).
 * Every absolute URL starts with the operator's configured base URL, never with the request's Host.
 */
package kb.publish;
