package kb;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import kb.content.FolderWatcher;
import kb.insights.Insights;
import kb.ops.AccessLog;
import kb.ops.FirstLoadJit;
import kb.ops.HeapBudget;
import kb.ops.Metrics;
import kb.publish.Head;
import kb.publish.Publishing;
import kb.search.SearchWarmUp;
import kb.web.Api;
import kb.web.Assets;
import kb.web.BrowsePages;
import kb.web.ConsentLinks;
import kb.web.ConsentPages;
import kb.web.Frame;
import kb.web.Json;
import kb.web.Messages;
import kb.web.Pages;
import kb.web.RequestThreads;
import kb.web.Responder;
import kb.web.SearchPages;
import kb.web.SecurityHeaders;
import kb.web.SitePage;
import kb.web.Templates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the site: reads the settings, loads the content, wires every route in one place. */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private static final String STARTED = "kb.started";
    /**
     * How long the content folder must be still before a change is loaded: an editor's save, or a
     * {@code git pull}, is a burst of events a few milliseconds apart, and becomes one reload.
     */
    private static final long WATCH_QUIET_MILLIS = 50;
    /**
     * The search warm-up after a start: one thread, this long at most (wall time, most of it given
     * way to readers under load), this many searches at most; it ends sooner, once the compiler is
     * done with the search path (see {@link SearchWarmUp}).
     */
    private static final long WARM_UP_MILLIS = 120_000;
    private static final int WARM_UP_SEARCHES = 30_000;

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
        Javalin app;
        try {
            // A cold start's heap is kept within a budget while it builds the index (see HeapBudget),
            // the optimizing compiler is kept off the code only a load runs until the first is over
            // (see FirstLoadJit), and the search path is compiled before readers' searches share the
            // cores with the JIT.
            app = start(settings, listening -> {}, building -> {
                FirstLoadJit jit = FirstLoadJit.start(settings.dataDir());
                HeapBudget heap = HeapBudget.start(building);
                return () -> {
                    heap.close();
                    jit.close();
                };
            }, true);
        } catch (RuntimeException e) {
            // Nothing will serve (the port is taken, the data folder in use, the content unreadable):
            // say why in one line and end now, not once the content has loaded.
            LOG.error("cannot start: {}", e.getMessage() != null ? e.getMessage() : e.toString(), e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping: finishing in-flight requests");
            app.stop();
        }, "kb-shutdown"));
    }

    /**
     * Loads the content and starts serving it; the port opens only once everything is ready. From
     * then on, changes to the content folder are loaded in the background and swapped in whole.
     */
    public static Javalin start(Settings settings) {
        return start(settings, app -> {});
    }

    /**
     * As {@link #start(Settings)}, calling {@code listening} once the port is open, before the
     * content is known to be loaded (tests ask then what a reader would get).
     */
    static Javalin start(Settings settings, java.util.function.Consumer<Javalin> listening) {
        return start(settings, listening, building -> () -> {}, false);
    }

    /**
     * As {@link #start(Settings, java.util.function.Consumer)}, with {@code firstLoad} given,
     * while the first load runs, whether it is building the index from nothing; what it returns
     * is run once that load is over ({@link #main} keeps the heap within a budget so, and the
     * optimizing compiler off the load's own code; tests leave their JVM's heap and compiler
     * alone), and with {@code warmUpSearch} whether the search path is warmed up once the site
     * answers ({@link #main} does; tests leave their cores to the tests).
     */
    static Javalin start(Settings settings, java.util.function.Consumer<Javalin> listening,
            java.util.function.Function<java.util.function.BooleanSupplier, Runnable> firstLoad, boolean warmUpSearch) {
        SiteLoader loader = new SiteLoader(settings.contentDir(), settings.dataDir());
        loader.deferFirstLinkCheck();
        // The content loads on its own thread while this one makes the web layer (loading its
        // classes, reading templates) and opens the port.
        java.util.concurrent.FutureTask<Site> loading = new java.util.concurrent.FutureTask<>(
                () -> checked(loader.load(), loader.contentDir()));
        Thread loadingThread = new Thread(loading, "content-load");
        loadingThread.start();
        // Set up beside the load, not before it: main's heap budget checks from its first tenth of a
        // second, and the compiler's directives (the JVM's management beans made first, 0.1 s of CPU)
        // are needed seconds in, once the load's code is hot enough for C2.
        Runnable firstLoadOver = firstLoad.apply(loader::building);
        AtomicReference<Site> current = new AtomicReference<>();
        Metrics metrics = new Metrics();
        AccessLog accessLog = new AccessLog();
        // The default base URL needs the real port, known once the server has started.
        AtomicReference<Javalin> started = new AtomicReference<>();
        Supplier<URI> base = () -> settings.publicBase(started.get().port());
        Insights insights = Insights.start(settings.dataDir(), settings.insights(), metrics.registry(), base, Clock.systemUTC());
        Javalin app = create(current::get, base, metrics, accessLog, insights);
        started.set(app);
        // The folder is watched from the start, alongside the load (walking it costs a moment): a
        // file changed while the content loads is taken in right after.
        java.util.concurrent.FutureTask<FolderWatcher> watching = new java.util.concurrent.FutureTask<>(
                () -> watch(loader, current, loading, metrics));
        new Thread(watching, "content-watch-start").start();
        // What runs beside the server, stopped with it (the loader's index last, see below).
        Runnable stopAlongside = () -> {
            FolderWatcher watcher = watcherOf(watching);
            if (watcher != null) {
                watcher.close();
            }
            insights.close();
            accessLog.close();
        };
        app.unsafe.events.serverStopped(() -> {
            stopAlongside.run();
            loader.close();
        });
        // The port opens while the content loads: until it is loaded, every request gets a 503
        // (see CachedPages), so /health still says 200 only when the site is ready.
        try {
            app.start(settings.port());
        } catch (RuntimeException e) {
            // The port cannot be opened: nothing will serve, so nothing else may go on (a watcher
            // reloading content for no one). The load runs out unused (stopping it mid-write would cost
            // the next start its index), and the data folder is let go once it has.
            loading.cancel(false);
            stopAlongside.run();
            Thread release = new Thread(() -> {
                try {
                    loadingThread.join();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                loader.close();
            }, "content-release");
            release.setDaemon(true);
            release.start();
            firstLoadOver.run();
            throw e;
        }
        listening.accept(app);
        Site site;
        try {
            site = loaded(loading);
        } catch (RuntimeException | Error e) {
            app.stop();
            throw e;
        } finally {
            firstLoadOver.run();
        }
        current.compareAndSet(null, site); // unless a change made while it loaded is already in
        afterStart(loader, current, warmUpSearch, RequestThreads.busy(app.jettyServer().threadPool()));
        metrics.served(current.get().version());
        for (String lang : current.get().languages().codes()) {
            metrics.articles(current, lang, c -> c.get().library().articles(lang).size());
        }
        LOG.info("serving {} on http://localhost:{}/ as {}", settings.contentDir().toAbsolutePath(), app.port(),
                settings.publicBase(app.port()));
        return app;
    }

    /**
     * What a start leaves until the site answers, on a thread of its own: the first load's link
     * check, then merging the segments a build from nothing wrote. Each result takes the place of
     * the site served, as a reload's would (under the same lock, so neither undoes the other).
     * Then, if asked, searches of the site's own words in the moments no reader is waiting
     * ({@link SearchWarmUp}).
     */
    private static void afterStart(SiteLoader loader, AtomicReference<Site> current, boolean warmUpSearch,
            java.util.function.BooleanSupplier readersWaiting) {
        Thread after = new Thread(() -> {
            try {
                synchronized (loader) {
                    Site checked = loader.linksChecked(current.get());
                    if (checked != null) {
                        current.set(checked);
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("the links were not checked; the next change to the content checks them: {}", e.toString());
            }
            try {
                if (loader.mergeBuildSegments()) {
                    synchronized (loader) {
                        current.set(loader.remerged(current.get()));
                    }
                }
            } catch (RuntimeException e) {
                LOG.info("the search index stays in the segments its build wrote: {}", e.toString());
            }
            if (warmUpSearch) {
                try {
                    Site site = current.get();
                    long t0 = System.nanoTime();
                    int searches = SearchWarmUp.run(site.search(), site.library(), site.languages().codes(),
                            WARM_UP_MILLIS, WARM_UP_SEARCHES, readersWaiting, SearchWarmUp::compiledMillis);
                    LOG.info("search path warmed up: {} searches of the site's own words in {} ms", searches,
                            (System.nanoTime() - t0) / 1_000_000);
                } catch (RuntimeException e) {
                    LOG.debug("search warm-up stopped: {}", e.toString()); // the index closed: the server is stopping
                }
            }
        }, "after-start");
        after.setDaemon(true);
        after.start();
    }

    /** The folder's watcher, once it is started; null when it could not be. */
    private static FolderWatcher watcherOf(java.util.concurrent.FutureTask<FolderWatcher> watching) {
        try {
            return watching.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return null;
        }
    }

    /** The site the loading thread made; its failure is this thread's. */
    private static Site loaded(java.util.concurrent.FutureTask<Site> loading) {
        try {
            return loading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the content loaded", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("loading the content failed", e.getCause());
        }
    }

    /**
     * Logs what the content loader cannot see: the consent settings' article links that lead
     * nowhere, reported like the broken links of articles.
     */
    private static Site checked(Site site, java.nio.file.Path contentDir) {
        for (var broken : ConsentLinks.broken(site.library(), site.consentSettings(), contentDir)) {
            LOG.warn("content problem: {}", broken);
        }
        return site;
    }

    private static FolderWatcher watch(SiteLoader loader, AtomicReference<Site> current,
            java.util.concurrent.FutureTask<Site> loading, Metrics metrics) {
        try {
            return FolderWatcher.start(loader.contentDir(), Duration.ofMillis(WATCH_QUIET_MILLIS), changed -> {
                synchronized (loader) {
                    reload(loader, current, loading, metrics, changed);
                }
            });
        } catch (IOException e) {
            LOG.warn("content changes will not be picked up without a restart: {}", e.toString());
            return null;
        }
    }

    /** One reload after a change to the given paths: the site it makes takes the current one's place. */
    private static void reload(SiteLoader loader, AtomicReference<Site> current, java.util.concurrent.FutureTask<Site> loading,
            Metrics metrics, java.util.Set<java.nio.file.Path> changed) {
        try {
            // A change while the first load runs waits for it, and starts from it.
            Site previous = current.get() != null ? current.get() : loaded(loading);
            Site next = checked(loader.load(previous, changed), loader.contentDir());
            current.set(next);
            metrics.reloaded(next.version());
            // A language added to languages.yaml gets its gauge; the existing ones are kept as they are.
            for (String lang : next.languages().codes()) {
                metrics.articles(current, lang, c -> c.get().library().articles(lang).size());
            }
        } catch (RuntimeException e) {
            metrics.reloadFailed();
            throw e;
        }
    }

    private static final String NOT_FOUND_TEXT = "Not found / Não encontrado\n";
    private static final String METHOD_NOT_ALLOWED_TEXT = "Method not allowed / Método não permitido\n";

    /** Every route of the site. */
    static Javalin create(Supplier<Site> site, Supplier<URI> baseUrl, Metrics metrics, AccessLog accessLog, Insights insights) {
        // UI strings and languages belong to the loaded content: each request reads the current ones.
        Function<String, Messages> messages = lang -> site.get().messages(lang);
        BiFunction<String, String, String> text = (lang, key) -> messages.apply(lang).get(key);
        Assets assets = Assets.fromClasspath();
        Templates templates = new Templates(messages, assets);
        Responder responder = new Responder(templates);
        Frame frame = new Frame(responder, messages, () -> site.get().languages(), new Head(baseUrl, () -> site.get().languages(), text));
        Publishing publishing = new Publishing(() -> site.get().library(), baseUrl, text, SitePage.sitemapPaths());
        ConsentPages consent = new ConsentPages(site, frame, responder, templates);
        BrowsePages browse = new BrowsePages(site, frame, responder);
        Pages pages = new Pages(site, frame, responder, browse, Map.of(SitePage.ADMIN_CONSENT.embed(), consent::embed));
        Insights.Routes insight = insights.routes(() -> site.get().library(), frame, responder);
        SearchPages search = new SearchPages(site, frame, responder, metrics::searched, insight.searches()::record);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(Json.mapper());
            config.router.ignoreTrailingSlashes = false;
            config.router.treatMultipleSlashesAsSingleSlash = false;
            config.http.generateEtags = false;
            // Another method on a page's URL is told which ones it takes (405 with Allow), not "not found".
            config.http.prefer405over404 = true;
            config.http.compressionStrategy = io.javalin.compression.CompressionStrategy.NONE;
            // Javalin copies every result to Jetty through a fresh buffer of this size (Jetty's own
            // output buffer is separate): 64 KB was a sixth of what a search's answer allocated for a
            // body of 1-3 KB. Bigger bodies take a few copies; their Content-Length is set either way.
            // The JSON APIs skip the copy altogether (Api.json).
            config.http.responseBufferSize = 8 * 1024;
            // The only bodies the site takes are feedback and search beacons: a comment of 1,000
            // characters fits many times over; anything bigger is refused (413) before it is read.
            config.http.maxRequestSize = 32 * 1024;
            // A few threads per core, and no thread waits for a request's body (see RequestThreads).
            config.jetty.threadPool = RequestThreads.pool(Runtime.getRuntime().availableProcessors());
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(10_000);
                server.setRequestLog(accessLog);
                // Javalin puts its servlet context inside the innermost wrapper: article pages
                // already prepared are answered before the servlet layer (see CachedPages), and a
                // request with a body reaches it once the body is all there.
                kb.web.CachedPages cached = new kb.web.CachedPages(site, responder, metrics::request, publishing::sitemapFile);
                cached.setHandler(RequestThreads.bodiesFirst(config.http.maxRequestSize));
                server.setHandler(cached);
            });
            // Javalin's own request logger would take Jetty's RequestLog slot, so metrics use before/after.
            config.routes.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
            config.routes.after(ctx -> {
                Long started = ctx.attribute(STARTED);
                var matched = ctx.endpoints().matchedHttpEndpoint();
                String route = matched == null ? "unmatched" : matched.path;
                double millis = started == null ? 0 : (System.nanoTime() - started) / 1e6;
                metrics.request(ctx.method().name(), route, ctx.statusCode(), millis);
            });

            config.routes.before(SecurityHeaders::apply);
            // A POST's body is read (and kept for the handler) before any answer, even a refusal, so
            // that the connection is left clean for the client's next request; one past the size cap
            // cannot be, and the answer says the connection closes.
            config.routes.before(ctx -> {
                if (ctx.method() == io.javalin.http.HandlerType.POST) {
                    try {
                        ctx.bodyAsBytes();
                    } catch (io.javalin.http.HttpResponseException e) {
                        ctx.header("Connection", "close");
                    }
                }
            });
            // First: the router tries each GET route's pattern in turn until one matches, and search
            // is the busiest route it answers (no earlier route can take /api/search).
            config.routes.get("/api/search", search::api);
            config.routes.get("/health", ctx -> Api.health(ctx, site.get()));
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
            config.routes.get("/static/<name>", assets::serve);
            config.routes.get("/favicon.ico", assets::favicon);
            config.routes.get("/robots.txt", publishing::robots);
            config.routes.get("/sitemap.xml", publishing::sitemap);
            config.routes.get("/sitemap-{n}.xml", publishing::sitemapPart);
            // Before /{lang} and /{lang}/feedback, which would take these paths for a language.
            config.routes.get("/insights", insight.insights()::page);
            config.routes.get("/insights/feedback.csv", insight.insights()::feedbackCsv);
            config.routes.get("/insights/searches.csv", insight.insights()::searchesCsv);
            config.routes.post("/api/feedback", insight.feedback()::api);
            config.routes.post("/api/search/instant", insight.searches()::instant);
            config.routes.post("/api/search/click", insight.searches()::click);
            config.routes.get("/", pages::root);
            config.routes.get("/{lang}", pages::langRoot);
            config.routes.get("/api/admin-consent", consent::api);
            // After /api/search (above), which /{lang}/search would take for a language.
            for (SitePage page : SitePage.values()) {
                Handler handler = switch (page) {
                    case HOME -> browse::home;
                    case ADMIN_CONSENT -> consent::page;
                    case SEARCH -> search::page;
                    case TAGS -> browse::tags;
                    case PRIVACY -> insight.privacy()::page;
                };
                config.routes.get(page.route(), handler);
            }
            config.routes.get("/{lang}/error/{code}", search::errorCode);
            config.routes.get("/{lang}/feed.xml", publishing::feed);
            config.routes.get("/{lang}/opensearch.xml", publishing::openSearch);
            config.routes.get(SitePage.TAGS.route() + "/{tag}", browse::tag);
            config.routes.post("/{lang}/feedback", insight.feedback()::form);
            config.routes.get("/{lang}/<path>", pages::article);

            config.routes.error(HttpStatus.NOT_FOUND.getCode(), ctx -> {
                if (ctx.endpoints().matchedHttpEndpoint() == null) {
                    // No route at all: the router's own text would repeat the method and path back.
                    if (ctx.method() == io.javalin.http.HandlerType.GET) {
                        frame.notFound(ctx);
                    } else {
                        ctx.contentType("text/plain; charset=utf-8").result(NOT_FOUND_TEXT);
                    }
                } else if (ctx.result() == null) {
                    frame.notFound(ctx);
                }
            });
            config.routes.exception(io.javalin.http.MethodNotAllowedResponse.class, (e, ctx) -> {
                String allowed = e.getDetails().getOrDefault("availableMethods", "");
                if (allowed.contains("GET") && !allowed.contains("HEAD")) {
                    allowed = allowed + ", HEAD"; // a HEAD is answered as the GET (see CachedPages)
                }
                ctx.status(HttpStatus.METHOD_NOT_ALLOWED).header("Allow", allowed)
                        .contentType("text/plain; charset=utf-8").result(METHOD_NOT_ALLOWED_TEXT);
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                if (clientWentAway(e)) {
                    // The client closed the connection before its request's body was all sent: no
                    // one is left to answer, and nothing here went wrong.
                    LOG.debug("{} {}: the client went away before its request was whole", ctx.method(), ctx.path());
                    ctx.status(HttpStatus.BAD_REQUEST).result("");
                    return;
                }
                LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
                ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType("text/plain; charset=utf-8")
                        .result("Internal error / Erro interno");
            });
        });
    }

    /** Whether an exception is the end of a client's input before its request was whole. */
    static boolean clientWentAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.EOFException) {
                return true;
            }
        }
        return false;
    }
}
