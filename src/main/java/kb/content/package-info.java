/**
 * Content: reading Markdown articles with their front matter from the content folder, turning them
 * into HTML with stable section ids, and reporting every file that cannot be served.
 *
 * <p>The languages the site serves are content too: {@link kb.content.Languages} (each a
 * {@link kb.content.Language}), read from {@code languages.yaml} by {@link kb.content.LanguagesFile}
 * with every load and held by the {@link kb.content.Library}. Nothing else lists languages: the
 * web, search and publishing code asks the library it is serving.
 */
package kb.content;
