package kb.insights.feedback;

import java.util.Optional;
import kb.content.Article;
import kb.content.Library;
import kb.insights.Text;

/**
 * A reader's answer, checked: an article the site has in that language, yes or no, and after no an
 * optional reason and comment of at most {@value #MAX_COMMENT} characters.
 */
public record FeedbackInput(String lang, String article, boolean helpful, Reason reason, String comment) {
    public static final int MAX_COMMENT = 1000;

    /** Why an answer was refused: a code for programs and the key of the message for readers. */
    public record Refusal(String code, String messageKey) {}

    /** The answer, or why it is refused. */
    public record Checked(FeedbackInput input, Refusal refusal) {
        static Checked refused(String code, String key) {
            return new Checked(null, new Refusal(code, key));
        }
    }

    /**
     * Checks raw values (any may be null, huge or hostile).
     *
     * @param helpful {@code yes} or {@code no}
     */
    public static Checked check(String lang, String article, String helpful, String reason, String comment, Library library) {
        if (lang == null || !library.languages().contains(lang)) {
            return Checked.refused("lang_invalid", "feedback.error.lang");
        }
        if (article == null || article.isEmpty() || article.length() > 500) {
            return Checked.refused("article_unknown", "feedback.error.article");
        }
        Optional<Article> found = library.article(article);
        if (found.isEmpty() || !found.get().lang().equals(lang)) {
            return Checked.refused("article_unknown", "feedback.error.article");
        }
        if (!"yes".equals(helpful) && !"no".equals(helpful)) {
            return Checked.refused("helpful_invalid", "feedback.error.helpful");
        }
        boolean yes = helpful.equals("yes");
        Reason why = null;
        if (reason != null && !reason.isEmpty()) {
            Optional<Reason> r = Reason.of(reason);
            if (r.isEmpty()) {
                return Checked.refused("reason_invalid", "feedback.error.reason");
            }
            why = r.get();
        }
        String text = null;
        if (comment != null) {
            if (comment.length() > MAX_COMMENT * 4) {
                return Checked.refused("comment_too_long", "feedback.error.comment");
            }
            String cleaned = Text.clean(comment);
            if (Text.length(cleaned) > MAX_COMMENT) {
                return Checked.refused("comment_too_long", "feedback.error.comment");
            }
            text = cleaned.isEmpty() ? null : cleaned;
        }
        if (yes && (why != null || text != null)) {
            return Checked.refused("details_need_no", "feedback.error.details");
        }
        return new Checked(new FeedbackInput(lang, found.get().url(), yes, why, text), null);
    }

    /** Whether the reader sent the optional details (the second step after No). */
    public boolean hasDetails() {
        return reason != null || comment != null;
    }

    @Override
    public String toString() {
        return lang + " " + article + " " + (helpful ? "yes" : "no") + (reason == null ? "" : " " + reason.code());
    }
}
