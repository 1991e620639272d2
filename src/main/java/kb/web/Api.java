package kb.web;

import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import kb.Site;
import kb.content.Languages;

/** The JSON endpoints other programs rely on. */
public final class Api {
    /** A refusal in the contract's shape: a code for programs, a message in the reader's language. */
    public record Error(String error, String message) {}

    /**
     * {@code /health}'s answer.
     *
     * @param articles how many articles each language serves, by code
     * @param problems how many content files could not be served
     */
    public record Health(String status, String version, Map<String, Integer> articles, int problems) {}

    private Api() {}

    /** A 400 in the contract's shape: {@code {"error": "<code>", "message": "<in the reader's language>"}}. */
    static void badRequest(Context ctx, String code, String message) {
        json(ctx.status(HttpStatus.BAD_REQUEST), new Error(code, message));
    }

    /** An API answer: {@code value} as JSON, typed {@code application/json} as Javalin's {@code ctx.json} types it. */
    public static void json(Context ctx, Object value) {
        json(ctx, ContentType.JSON, value);
    }

    /**
     * {@code value} as JSON with its length, written to the response's stream, not handed to
     * Javalin as a result: a result is copied through a buffer made for each response (8 KB, see
     * Main), on top of the JSON as a string and as bytes, and the search API answers thousands of
     * requests a second, where what each allocates sets how large the collector grows the heap.
     * Javalin compresses nothing (see Main), so the length is the body's.
     */
    public static void json(Context ctx, String contentType, Object value) {
        ctx.contentType(contentType);
        try {
            byte[] body = Json.MAPPER.writeValueAsBytes(value);
            ctx.header("Content-Length", Integer.toString(body.length));
            ctx.outputStream().write(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The {@code lang} parameter of an API call (the default language when absent): the one check
     * every API makes. Empty after answering 400 when it is not a language of the site.
     */
    static Optional<String> lang(Context ctx, Frame frame) {
        Languages languages = frame.languages();
        String fallback = languages.defaultLanguage().code();
        String lang = Optional.ofNullable(ctx.queryParam("lang")).orElse(fallback);
        if (languages.contains(lang)) {
            return Optional.of(lang);
        }
        badRequest(ctx, "lang_invalid", frame.messages(fallback).get("api.error.lang", String.join(", ", languages.codes())));
        return Optional.empty();
    }

    /** {@code /health}: answered only once the content is loaded, so 200 means ready. */
    public static void health(Context ctx, Site site) {
        Map<String, Integer> articles = new LinkedHashMap<>();
        for (String lang : site.languages().codes()) {
            articles.put(lang, site.library().articles(lang).size());
        }
        ctx.header("Cache-Control", "no-store");
        json(ctx, new Health("ok", site.version(), articles, site.library().problems().size()));
    }
}
