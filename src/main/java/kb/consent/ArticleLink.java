package kb.consent;

import java.util.Objects;

/**
 * An article the consent page links to, named the way it is the same in every language: by its
 * {@code translationKey}, and optionally one of its sections. Written {@code key} or {@code key#section}.
 *
 * @param translationKey the article's {@code translationKey}
 * @param section        a section id of the article, or null for the article itself
 */
public record ArticleLink(String translationKey, String section) {
    public ArticleLink {
        Objects.requireNonNull(translationKey, "translationKey");
        if (translationKey.isEmpty() || (section != null && section.isEmpty())) {
            throw new IllegalArgumentException("an article link is written translationKey or translationKey#section");
        }
    }

    /** Reads {@code key} or {@code key#section}; refuses blanks, control characters and an empty part. */
    static ArticleLink parse(String setting, String value) {
        boolean dirty = value.isEmpty() || value.codePoints().anyMatch(cp -> Character.isWhitespace(cp) || Character.isISOControl(cp)
                || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE));
        int hash = value.indexOf('#');
        if (dirty || hash == 0 || hash == value.length() - 1 || value.indexOf('#', hash + 1) >= 0) {
            throw new IllegalArgumentException(setting + " " + ConsentSettings.quote(value)
                    + " is not an article's translationKey, optionally followed by #section");
        }
        return hash < 0 ? new ArticleLink(value, null) : new ArticleLink(value.substring(0, hash), value.substring(hash + 1));
    }

    /** As the settings file writes it. */
    @Override
    public String toString() {
        return section == null ? translationKey : translationKey + "#" + section;
    }
}
