package kb.search;

import kb.content.Article;

/**
 * One search result: what {@code /api/search} lists, and the article it is part of.
 *
 * @param title   the article's title, plain text
 * @param section the section's heading, plain text; null when the hit is the article as a whole
 * @param url     site-relative URL, with the section's {@code #id} when the hit is a section
 * @param snippet HTML: escaped text in which only {@code <mark>} and {@code </mark>} are markup
 * @param lang    the language of the hit ({@code pt} or {@code en}), which is not the reader's when
 *                {@link SearchResults#fromOtherLanguage()} is true
 * @param article the article the hit is, or one of whose sections it is
 */
public record SearchHit(String title, String section, String url, String snippet, String lang, Article article) {}
