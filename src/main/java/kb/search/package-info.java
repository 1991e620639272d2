/**
 * Search: the in-memory Lucene index of every article and section ({@link kb.search.SearchIndex}),
 * how readers' words become queries, and the results the web layer shows ({@link kb.search.SearchResults}).
 *
 * <p>Where to look: text analysis per language in {@code Analysis}; the index is built in
 * {@code IndexBuilder}; what a reader typed is parsed in {@code UserQuery} and turned into Lucene
 * queries in {@code QueryFactory}; snippets are made in {@code Snippets}.
 */
package kb.search;
