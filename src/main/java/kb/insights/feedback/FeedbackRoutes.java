package kb.insights.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import kb.content.Library;
import kb.insights.Days;
import kb.insights.Guard;
import kb.insights.RateLimiter;
import kb.insights.db.Writer;
import kb.insights.RefusedPage;
import kb.web.Api;
import kb.web.Frame;
import kb.web.Layout;
import kb.web.Responder;
import kb.web.View;
import kb.web.Messages;

/**
 * {@code POST /<lang>/feedback} (the form, without JavaScript: 303 back to the article, thanked at
 * {@code #feedback}) and {@code POST /api/feedback} (JSON, for the script: 201 or 400). Both refuse
 * other sites' pages (403) and more than {@value #VOTES_PER_MINUTE} votes a minute from one address
 * (429), then queue the vote and answer without waiting for the database.
 */
public final class FeedbackRoutes {
    static final int VOTES_PER_MINUTE = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code POST /api/feedback}'s answer: the vote taken, and the thanks the page shows. */
    public record Thanks(String article, String helpful, String message) {}

    private final Supplier<Library> library;
    private final Frame frame;
    private final Responder responder;
    private final Writer writer;
    private final Guard guard;
    private final RateLimiter limiter;
    private final ReaderIds readers;
    private final Clock clock;

    public FeedbackRoutes(Supplier<Library> library, Frame frame, Responder responder, Writer writer, Guard guard, ReaderIds readers,
            Clock clock) {
        this.responder = responder;
        this.library = library;
        this.frame = frame;
        this.writer = writer;
        this.guard = guard;
        this.limiter = new RateLimiter(VOTES_PER_MINUTE, clock);
        this.readers = readers;
        this.clock = clock;
    }

    /** The form of every article, for readers without JavaScript. */
    public void form(Context ctx) {
        Optional<String> known = frame.language(ctx);
        if (known.isEmpty()) {
            return;
        }
        String lang = known.get();
        Optional<Guard.Refusal> refused = guard.admit(ctx, limiter);
        if (refused.isPresent()) {
            refusePage(ctx, lang, refused.get().status(), "feedback.error." + refused.get().code(), null);
            return;
        }
        Map<String, String> fields;
        try {
            fields = new LinkedHashMap<>();
            for (String name : new String[] {"article", "helpful", "reason", "comment"}) {
                fields.put(name, ctx.formParam(name));
            }
        } catch (HttpResponseException e) {
            // past Javalin's maxRequestSize: refused before it is read (Main says the connection closes)
            refusePage(ctx, lang, HttpStatus.CONTENT_TOO_LARGE, "feedback.error.too_large", null);
            return;
        } catch (RuntimeException e) {
            // a body that is not a form (bad percent-encoding, wrong charset)
            refusePage(ctx, lang, HttpStatus.BAD_REQUEST, "feedback.error.form", null);
            return;
        }
        FeedbackInput.Checked checked = FeedbackInput.check(lang, fields.get("article"), fields.get("helpful"),
                fields.get("reason"), fields.get("comment"), library.get());
        if (checked.refusal() != null) {
            String back = checked.refusal().code().equals("article_unknown") ? null : library.get().article(fields.get("article"))
                    .map(a -> a.url() + "#feedback").orElse(null);
            refusePage(ctx, lang, HttpStatus.BAD_REQUEST, checked.refusal().messageKey(), back);
            return;
        }
        FeedbackInput input = checked.input();
        queue(ctx, input);
        // The details form (after No) has the reason and comment fields, even when left empty.
        boolean details = fields.get("reason") != null || fields.get("comment") != null;
        String state = input.helpful() ? "yes" : details ? "sent" : "no";
        ctx.header("Cache-Control", "no-store");
        ctx.redirect(input.article() + "?feedback=" + state + "#feedback", HttpStatus.SEE_OTHER);
    }

    /** {@code {"lang","article","helpful","reason","comment"}}: 201, or 400 {@code {"error","message"}}. */
    public void api(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        JsonNode body;
        boolean tooLarge = false;
        try {
            body = JSON.readTree(ctx.bodyAsBytes());
        } catch (HttpResponseException e) {
            body = null;
            tooLarge = true;
        } catch (IOException | RuntimeException e) {
            body = null;
        }
        String lang = body != null && body.isObject() ? text(body, "lang") : null;
        // Every answer in the language the reader's page is in, when the body says which.
        String messagesLang = library.get().languages().orDefault(lang).code();
        Optional<Guard.Refusal> refused = guard.admit(ctx, limiter);
        if (refused.isPresent()) {
            error(ctx, refused.get().status(), refused.get().code(), "feedback.error." + refused.get().code(), messagesLang);
            return;
        }
        if (tooLarge) {
            error(ctx, HttpStatus.CONTENT_TOO_LARGE, "too_large", "feedback.error.too_large", messagesLang);
            return;
        }
        if (body == null || !body.isObject()) {
            error(ctx, HttpStatus.BAD_REQUEST, "json_invalid", "feedback.error.json", messagesLang);
            return;
        }
        JsonNode helpfulNode = body.get("helpful");
        String helpful = helpfulNode != null && helpfulNode.isBoolean() ? (helpfulNode.booleanValue() ? "yes" : "no") : text(body, "helpful");
        String[] fields = {"lang", "article", "helpful", "reason", "comment"};
        for (String f : fields) {
            JsonNode v = body.get(f);
            if (v != null && !v.isNull() && !v.isTextual() && !(f.equals("helpful") && v.isBoolean())) {
                error(ctx, HttpStatus.BAD_REQUEST, "json_invalid", "feedback.error.json", messagesLang);
                return;
            }
        }
        FeedbackInput.Checked checked = FeedbackInput.check(lang, text(body, "article"), helpful, text(body, "reason"),
                text(body, "comment"), library.get());
        if (checked.refusal() != null) {
            error(ctx, HttpStatus.BAD_REQUEST, checked.refusal().code(), checked.refusal().messageKey(), messagesLang);
            return;
        }
        queue(ctx, checked.input());
        Api.json(ctx.status(HttpStatus.CREATED), new Thanks(checked.input().article(), checked.input().helpful() ? "yes" : "no",
                frame.messages(messagesLang).get(checked.input().helpful() ? "feedback.thanks.yes"
                        : checked.input().hasDetails() ? "feedback.thanks.sent" : "feedback.thanks.no")));
    }

    private void queue(Context ctx, FeedbackInput input) {
        Instant now = clock.instant();
        String userAgent = ctx.header("User-Agent");
        String ua = userAgent == null ? "" : userAgent.length() > 512 ? userAgent.substring(0, 512) : userAgent;
        writer.offer(new Vote(Days.of(now).toString(), now.toEpochMilli(),
                Guard.clientAddress(ctx), ua, input, readers));
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    private void error(Context ctx, HttpStatus status, String code, String key, String lang) {
        Api.json(ctx.status(status), new Api.Error(code, frame.messages(lang).get(key)));
    }

    /** The page a reader without JavaScript sees when the answer is refused, in the page's language. */
    private void refusePage(Context ctx, String lang, HttpStatus status, String key, String back) {
        Messages m = frame.messages(lang);
        Layout layout = frame.unindexed(lang, m.get("feedback.error.title"), "", frame.everyLanguage("/"));
        ctx.status(status);
        responder.send(ctx, new View("refused", layout, new RefusedPage(m.get(key), back)));
    }
}
