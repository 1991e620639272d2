package kb.search;

import kb.content.Article;
import kb.content.Section;

/**
 * What one indexed document stands for: an article as a whole, or one of its sections.
 *
 * @param article  the article
 * @param section  the section, or null for the article's own document
 * @param position the section's place among the article's sections, -1 for the article's own document
 */
record Entry(Article article, Section section, int position) {
    /** Site-relative, with the section's {@code #id} when the entry is a section. */
    String url() {
        return section == null ? article.url() : article.url() + "#" + section.id();
    }

    /**
     * What this entry is across languages: the article's translation key, {@code #} and the
     * section's id (nothing after {@code #} for the article itself); null without a translation key.
     */
    String key() {
        String k = article.translationKey();
        if (k == null || k.isBlank()) {
            return null;
        }
        return k + "#" + (section == null ? "" : section.id());
    }

    /** The text a snippet is cut from. */
    String text() {
        if (section != null) {
            return shown(section.text());
        }
        if (article.description().isBlank()) {
            return article.intro();
        }
        return article.intro().isBlank() ? article.description() : article.description() + "\n" + article.intro();
    }

    /** What a snippet of this section shows, given its text: the text, or the heading of a section without any. */
    String shown(String sectionText) {
        return sectionText.isBlank() ? section.heading() : sectionText;
    }
}
