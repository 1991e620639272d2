package kb.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import kb.Site;
import kb.consent.AdminConsent;
import kb.consent.ConsentAnswer;
import kb.consent.ConsentSettings;
import kb.consent.TenantRefusal;
import kb.content.Article;
import kb.content.Library;

/** The admin-consent form: its own page, its place inside the article, and its JSON API. */
public final class ConsentPages {
    /**
     * The consent page's model.
     *
     * @param tenant          what the form shows in its box: the input as typed (shortened), or the tenant found
     * @param consentUrl      the URL built, or null
     * @param consentUrlParts the same cut where it may wrap, or null
     * @param consentError    why the input was refused, or null
     * @param consentErrors   by API error code, the refusals the script shows
     * @param findTenantUrl   the article that shows where the tenant ID is, or null
     * @param findTenantTitle its title, or null
     * @param articleUrl      the article section that explains admin consent, or null
     */
    record ConsentPage(String tenant, String consentUrl, List<String> consentUrlParts, String consentError,
            Map<String, String> consentErrors, String findTenantUrl, String findTenantTitle, String articleUrl) {}

    /** The empty form inside an article. */
    record ConsentEmbed(Map<String, String> consentErrors) {}

    /** {@code /api/admin-consent}'s answer. */
    public record Link(String tenant, String url) {}

    /** What is echoed back into the form, so a huge input is not sent back whole (a pasted URL fits). */
    private static final int ECHO_LIMIT = 2048;
    /** Characters after which a URL may wrap; never inside the {@code //} after the scheme. */
    private static final String URL_BREAKS = "/&=?+";

    private final Supplier<Site> site;
    private final Frame frame;
    private final Responder responder;
    private final Templates templates;
    private final AdminConsent consent;

    public ConsentPages(Supplier<Site> site, Frame frame, Responder responder, Templates templates) {
        this.site = site;
        this.frame = frame;
        this.responder = responder;
        this.templates = templates;
        this.consent = new AdminConsent(() -> site.get().consentSettings());
    }


    /** {@code /<lang>/admin-consent?tenant=…}: the form with its result, or its refusal and a 400. */
    public void page(Context ctx) {
        Optional<String> language = frame.language(ctx);
        if (language.isEmpty()) {
            return;
        }
        String lang = language.get();
        String raw = ctx.queryParam("tenant");
        Site current = site.get();
        if (raw == null) {
            responder.sendCached(ctx, current, "consent:" + lang, () -> view(current, lang, null));
            return;
        }
        View view = view(current, lang, raw);
        if (((ConsentPage) view.page()).consentError() != null) {
            ctx.status(HttpStatus.BAD_REQUEST);
        }
        responder.send(ctx, view);
    }

    private View view(Site current, String lang, String raw) {
        Messages m = frame.messages(lang);
        Library library = current.library();
        Layout layout = frame.layout(lang, m.get("consent.page.title"), m.get("consent.page.intro"),
                frame.everyLanguage(SitePage.ADMIN_CONSENT.path()));
        String tenant = raw == null ? "" : raw.length() > ECHO_LIMIT ? raw.substring(0, ECHO_LIMIT) : raw;
        String url = null;
        String error = null;
        if (raw != null) {
            ConsentAnswer answer = consent.answer(raw);
            if (answer instanceof ConsentAnswer.Link link) {
                url = link.url();
                tenant = link.tenant().id();
            } else {
                error = m.get(((TenantRefusal) answer).messageKey());
            }
        }
        // The articles named in the consent settings; a link that leads nowhere is left out (and reported at load).
        ConsentSettings settings = current.consentSettings();
        Optional<String> findTenantUrl = ConsentLinks.url(library, settings.findTenantArticle(), lang);
        String findTenantTitle = findTenantUrl.flatMap(u -> ConsentLinks.article(library, settings.findTenantArticle(), lang))
                .map(Article::title).orElse(null);
        return new View("consent", layout, new ConsentPage(tenant, url, url == null ? null : wrapPoints(url), error,
                refusalMessages(m), findTenantUrl.orElse(null), findTenantTitle,
                ConsentLinks.url(library, settings.consentArticle(), lang).orElse(null)));
    }

    /** The empty form that replaces {@code {{< admin-consent >}}} in an article. */
    public String embed(String lang) {
        return templates.fragment("consent-embed", lang, new ConsentEmbed(refusalMessages(frame.messages(lang))));
    }

    /** By API error code, the form's short refusal: the script shows the same words as the server. */
    private static Map<String, String> refusalMessages(Messages m) {
        Map<String, String> messages = new LinkedHashMap<>();
        for (TenantRefusal refusal : TenantRefusal.values()) {
            messages.put(refusal.code(), m.get(refusal.messageKey()));
        }
        return messages;
    }

    /**
     * The URL cut after each {@code / & = ? +} (but not between the two slashes after the scheme):
     * the page puts a {@code <wbr>} after each piece, so a long URL wraps between its parts, never
     * inside a name ({@code c/ontoso}). consent.js cuts the same way.
     */
    static List<String> wrapPoints(String url) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < url.length(); i++) {
            boolean next = i + 1 < url.length() && url.charAt(i + 1) == '/';
            if (URL_BREAKS.indexOf(url.charAt(i)) >= 0 && !next) {
                parts.add(url.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < url.length()) {
            parts.add(url.substring(start));
        }
        return parts;
    }

    /** {@code /api/admin-consent?tenant=…&lang=pt|en}: 200 with the URL or 400 with a coded, translated refusal. */
    public void api(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        Optional<String> lang = Api.lang(ctx, frame);
        if (lang.isEmpty()) {
            return;
        }
        ConsentAnswer answer = consent.answer(ctx.queryParam("tenant"));
        if (answer instanceof ConsentAnswer.Link link) {
            Api.json(ctx, new Link(link.tenant().id(), link.url()));
        } else {
            TenantRefusal refusal = (TenantRefusal) answer;
            Messages m = frame.messages(lang.get());
            // The form shows the refusal under its hint; an API client has only this message, so it gets both.
            Api.badRequest(ctx, refusal.code(), m.get(refusal.messageKey()) + " " + m.get("consent.form.hint"));
        }
    }
}
