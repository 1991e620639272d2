package kb.insights;

import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import kb.web.Frame;
import kb.web.Messages;

/** {@code /<lang>/privacy}: what the site stores about readers, for how long, and what it never stores. */
public final class PrivacyPage {
    private final Frame frame;
    private final int retentionDays;

    public PrivacyPage(Frame frame, int retentionDays) {
        this.frame = frame;
        this.retentionDays = retentionDays;
    }

    public void page(Context ctx) {
        Optional<String> known = frame.language(ctx);
        if (known.isEmpty()) {
            return;
        }
        String lang = known.get();
        Messages m = frame.messages(lang);
        Map<String, Object> model = frame.layout(lang, m.get("privacy.title"), m.get("privacy.description"),
                frame.everyLanguage(kb.web.SitePage.PRIVACY.path()));
        model.put("retentionDays", retentionDays);
        frame.send(ctx, "privacy", lang, model);
    }
}
