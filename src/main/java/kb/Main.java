package kb;

import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import kb.consent.ConsentSettings;
import kb.consent.ConsentSettingsFile;
import kb.content.ContentLoader;
import kb.publish.Head;
import kb.publish.Publishing;
import kb.web.Messages;
import kb.web.Pages;
import kb.web.Templates;
import kb.web.Api;
import kb.web.Assets;
import kb.web.ConsentPages;
import kb.web.Frame;
import kb.web.SecurityHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the site: reads the settings, loads the content, wires every route in one place. */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    /** Pages every language has besides the articles (path after /<lang>): link targets and sitemap entries. */
    static final List<String> PAGES = List.of("/", "/admin-consent");
    /** What content may link to: those pages and the search results page. */
    static final Set<String> SITE_PAGES = Set.of("/", "/admin-consent", "/search");

    private Main() {}

    public static void main(String[] args) {
        Settings settings;
        try {
            settings = Settings.parse(args, System.getenv());
        } catch (Settings.Invalid e) {
            System.err.println("kb: " + e.getMessage());
            System.exit(2);
            return;
        }
        Javalin app = start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping: finishing in-flight requests");
            app.stop();
        }, "kb-shutdown"));
    }

    /** Loads the content and starts serving it; the port opens only once everything is ready. */
    public static Javalin start(Settings settings) {
        ContentLoader loader = new ContentLoader(Set.of("admin-consent"), SITE_PAGES);
        ConsentSettingsFile.Result consent = ConsentSettingsFile.read(settings.contentDir().resolve("admin-consent.properties"));
        if (consent instanceof ConsentSettingsFile.Result.Invalid invalid) {
            LOG.warn("content problem: {}", invalid.message());
        }
        Site first = new Site(loader.load(settings.contentDir()), consent.orElse(ConsentSettings.defaults()));
        AtomicReference<Site> current = new AtomicReference<>(first);
        // The default base URL needs the real port, known once the server has started.
        AtomicReference<Javalin> started = new AtomicReference<>();
        Javalin app = create(current::get, () -> settings.publicBase(started.get().port()));
        started.set(app);
        app.start(settings.port());
        LOG.info("serving {} on http://localhost:{}/ as {}", settings.contentDir().toAbsolutePath(), app.port(),
                settings.publicBase(app.port()));
        return app;
    }

    /** Every route of the site. */
    static Javalin create(Supplier<Site> site, Supplier<URI> baseUrl) {
        Map<String, Messages> messages = Map.of("pt", new Messages("pt"), "en", new Messages("en"));
        BiFunction<String, String, String> text = (lang, key) -> messages.get(lang).get(key);
        Assets assets = Assets.fromClasspath();
        Templates templates = new Templates(messages, assets);
        Frame frame = new Frame(templates, messages, new Head(baseUrl, text));
        Publishing publishing = new Publishing(() -> site.get().library(), baseUrl, text, PAGES);
        ConsentPages consent = new ConsentPages(site, frame, templates);
        Pages pages = new Pages(site, frame, Map.of("admin-consent", consent::embed));

        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.router.ignoreTrailingSlashes = false;
            config.router.treatMultipleSlashesAsSingleSlash = false;
            config.http.generateEtags = false;
            config.jetty.modifyServer(server -> server.setStopTimeout(10_000));

            config.routes.before(SecurityHeaders::apply);
            config.routes.get("/health", ctx -> Api.health(ctx, site.get()));
            config.routes.get("/static/<name>", assets::serve);
            config.routes.get("/robots.txt", publishing::robots);
            config.routes.get("/sitemap.xml", publishing::sitemap);
            config.routes.get("/", pages::root);
            config.routes.get("/{lang}", pages::langRoot);
            config.routes.get("/api/admin-consent", consent::api);
            config.routes.get("/{lang}/", pages::home);
            config.routes.get("/{lang}/admin-consent", consent::page);
            config.routes.get("/{lang}/feed.xml", publishing::feed);
            config.routes.get("/{lang}/opensearch.xml", publishing::openSearch);
            config.routes.get("/{lang}/<path>", pages::article);

            config.routes.error(HttpStatus.NOT_FOUND.getCode(), ctx -> {
                if (ctx.result() == null) {
                    frame.notFound(ctx);
                }
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
                ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType("text/plain; charset=utf-8")
                        .result("Internal error / Erro interno");
            });
        });
    }
}
