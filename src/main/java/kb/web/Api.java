package kb.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import kb.Site;
import kb.content.Library;

/** The JSON endpoints other programs rely on. */
public final class Api {
    private Api() {}

    /** {@code /health}: answered only once the content is loaded, so 200 means ready. */
    public static void health(Context ctx, Site site) {
        Map<String, Object> articles = new LinkedHashMap<>();
        for (String lang : Library.LANGUAGES) {
            articles.put(lang, site.library().articles(lang).size());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("version", site.version());
        body.put("articles", articles);
        body.put("problems", site.library().problems().size());
        ctx.header("Cache-Control", "no-store");
        ctx.json(body);
    }
}
