/**
 * Search: the Lucene index of every article and section, one consistent version of which is a
 * {@link kb.search.SearchIndex},
 * how readers' words become queries, and the results the web layer shows
 * ({@link kb.search.SearchResults}: a page of {@link kb.search.SearchHit}s, each with its article,
 * and the same hits grouped by article).
 *
 * <p>Where to look: fields and analyzers in {@code Analysis}; the index is kept in
 * {@code IndexStore} (one per language, on disk in the data folder or in memory, updated file by
 * file and published as a near-real-time reader; {@link kb.search.SearchEngine} holds them and is
 * the content loader's {@link kb.content.ArticleStore}); what a reader typed is made safe and split in {@code UserQuery}, turned
 * into Lucene queries in {@code QueryFactory} (synonyms from {@code Synonyms}, typo corrections
 * from {@code Typos} over the {@code Vocabulary}), ranked and grouped in {@code LanguageIndex};
 * snippets are cut and escaped in {@code Snippets}; error codes are found by {@code ErrorCodes}.
 */
package kb.search;
