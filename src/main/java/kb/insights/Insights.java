package kb.insights;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;
import kb.content.Library;
import kb.insights.db.Database;
import kb.insights.db.Writer;
import kb.insights.feedback.FeedbackRoutes;
import kb.insights.feedback.ReaderIds;
import kb.insights.report.Access;
import kb.insights.report.InsightsPage;
import kb.insights.searchlog.SearchLog;
import kb.web.Frame;
import kb.web.Responder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front door of insights: opens the database (without waiting for it), starts the one writer,
 * and hands {@code Main} the route handlers. Nothing here can stop the site from starting.
 */
public final class Insights implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Insights.class);

    /** The handlers {@code Main} wires to routes. */
    public record Routes(FeedbackRoutes feedback, SearchLog searches, InsightsPage insights, PrivacyPage privacy) {}

    private final Database database;
    private final Writer writer;
    private final ReaderIds readers;
    private final Access access;
    private final Guard guard;
    private final InsightsSettings settings;
    private final Clock clock;

    private Insights(Database database, Writer writer, ReaderIds readers, Access access, Guard guard,
            InsightsSettings settings, Clock clock) {
        this.database = database;
        this.writer = writer;
        this.readers = readers;
        this.access = access;
        this.guard = guard;
        this.settings = settings;
        this.clock = clock;
    }

    public static Insights start(Path dataDir, InsightsSettings settings, MeterRegistry registry, Supplier<URI> publicBase,
            Clock clock) {
        return start(dataDir, settings, registry, publicBase, clock, Writer.DEFAULT_CAPACITY);
    }

    /** @param capacity how many rows may wait for the database before new ones are dropped */
    public static Insights start(Path dataDir, InsightsSettings settings, MeterRegistry registry, Supplier<URI> publicBase,
            Clock clock, int capacity) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            LOG.warn("cannot create the data folder {} ({}): feedback and searches wait in memory", dataDir.toAbsolutePath(), e.toString());
        }
        String url = settings.databaseUrl().orElseGet(() -> Database.defaultUrl(dataDir));
        Database database = Database.open(url, settings.databasePassword());
        ReaderIds readers = new ReaderIds();
        Writer writer = new Writer(database, capacity, new Retention(settings.retentionDays(), clock, readers::forgetBefore),
                registry, clock).start();
        LOG.info("insights: feedback and searches go to {} (kept {} days), written in the background",
                database.description(), settings.retentionDays());
        Access access = new Access(Access.password(settings, dataDir), clock);
        return new Insights(database, writer, readers, access, new Guard(publicBase), settings, clock);
    }

    public Routes routes(Supplier<Library> library, Frame frame, Responder responder) {
        SearchLog searches = new SearchLog(writer, guard, clock, () -> library.get().languages());
        return new Routes(new FeedbackRoutes(library, frame, responder, writer, guard, readers, clock), searches,
                new InsightsPage(database.dataSource(), access, frame, responder, library, clock),
                new PrivacyPage(frame, responder, settings.retentionDays()));
    }


    @Override
    public void close() {
        writer.close();
        database.close();
    }
}
