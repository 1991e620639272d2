/**
 * Content: reading Markdown articles with their front matter from the content folder, turning them
 * into HTML with stable section ids, and reporting every file that cannot be served.
 */
package kb.content;
