package kb.content;

import java.nio.file.Path;

/**
 * A link in an article that leads nowhere on this site: no such page, or no such section.
 *
 * @param file   the Markdown file, relative to the content folder
 * @param line   the line of the file where the link is written (1 is the first line, front matter included)
 * @param href   the link as the article renders it
 * @param reason what is missing, for the author
 */
public record BrokenLink(Path file, int line, String href, String reason) {
    @Override
    public String toString() {
        return file + ":" + line + ": broken link " + href + " (" + reason + ")";
    }
}
