package kb.insights;

import io.javalin.http.Context;
import java.util.Optional;
import kb.web.Frame;
import kb.web.Layout;
import kb.web.Responder;
import kb.web.SitePage;
import kb.web.View;
import kb.web.Messages;

/** {@code /<lang>/privacy}: what the site stores about readers, for how long, and what it never stores. */
public final class PrivacyPage {
    /** The page's model: how long feedback and searches are kept. */
    public record Privacy(int retentionDays) {}

    private final Frame frame;
    private final Responder responder;
    private final int retentionDays;

    public PrivacyPage(Frame frame, Responder responder, int retentionDays) {
        this.frame = frame;
        this.responder = responder;
        this.retentionDays = retentionDays;
    }

    public void page(Context ctx) {
        Optional<String> known = frame.language(ctx);
        if (known.isEmpty()) {
            return;
        }
        String lang = known.get();
        Messages m = frame.messages(lang);
        Layout layout = frame.layout(lang, m.get("privacy.title"), m.get("privacy.description"),
                frame.everyLanguage(SitePage.PRIVACY.path()));
        responder.send(ctx, new View("privacy", layout, new Privacy(retentionDays)));
    }
}
