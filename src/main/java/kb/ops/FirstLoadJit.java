package kb.ops;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps HotSpot's optimizing compiler (C2) off the code that only a load runs, while a process's
 * first load runs: reading front matter and Markdown and writing the page, making each article's
 * documents and handing each document's fields to the writer (but not the per-token loop below),
 * and the index writer's flush (postings, the terms dictionary, doc values, norms).
 * Such code runs for seconds and then hardly again, and on two cores the compiler's one C2 thread
 * is what a cold start waits for: it is busy through the whole build, taking a core from the build
 * while it compiles, some of these methods several times over. Kept to the quick compiler (C1,
 * which still compiles them to good code), a cold start at 10,000 articles per language takes
 * 10–11 % less CPU, and 3 % less again with the per-article steps added (bench/ANALYSIS.md).
 * The search path, the page server and the analysis chain are compiled as before.
 *
 * <p>Through the JVM's own management interface ({@code Compiler.directives_add} and
 * {@code Compiler.directives_remove} of its {@code DiagnosticCommand} bean), from inside the
 * process: the command that runs the site stays without JVM options. The directives are read from
 * a file ({@link #RESOURCE}, copied into the data folder for that moment and deleted). A method
 * left to C1 while they hold stays so afterwards (HotSpot marks it); none serves a reader. On a
 * JVM without that command, or with a data folder that cannot be written, nothing is changed.
 *
 * <p>Directives are one stack for the whole JVM: {@link #close} takes away the last one added,
 * which is this one as long as nothing else in the process adds any.
 */
public final class FirstLoadJit implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FirstLoadJit.class);

    /** The directives, on the class path beside this class. */
    static final String RESOURCE = "first-load-jit.json";
    private static final String BEAN = "com.sun.management:type=DiagnosticCommand";
    private static final String[] SIGNATURE = {String[].class.getName()};

    private final MBeanServer server;
    private final ObjectName bean;
    private boolean added;

    private FirstLoadJit(MBeanServer server, ObjectName bean, boolean added) {
        this.server = server;
        this.bean = bean;
        this.added = added;
    }

    /** Adds the directives to this JVM's compiler until {@link #close}. */
    public static FirstLoadJit start(Path dataDir) {
        return start(dataDir, ManagementFactory.getPlatformMBeanServer());
    }

    /** As {@link #start(Path)}, through the given bean server (tests give one without the command). */
    static FirstLoadJit start(Path dataDir, MBeanServer server) {
        ObjectName bean;
        try {
            bean = new ObjectName(BEAN);
            if (!server.isRegistered(bean)) {
                LOG.debug("no {} in this JVM: the compiler is left as it is", BEAN);
                return new FirstLoadJit(server, bean, false);
            }
        } catch (JMException e) {
            return new FirstLoadJit(server, null, false);
        }
        Path file = null;
        try {
            Files.createDirectories(dataDir);
            file = Files.createTempFile(dataDir, "jit-", ".json");
            try (InputStream in = FirstLoadJit.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IOException(RESOURCE + " is not on the class path");
                }
                Files.write(file, in.readAllBytes());
            }
            Object said = server.invoke(bean, "compilerDirectivesAdd", new Object[] {new String[] {file.toString()}}, SIGNATURE);
            // HotSpot answers "N compiler directives added", or why it added none.
            boolean added = said != null && said.toString().contains("added") && !said.toString().startsWith("0 ");
            if (!added) {
                LOG.warn("the compiler did not take the first load's directives: {}", said);
            }
            return new FirstLoadJit(server, bean, added);
        } catch (IOException | JMException | RuntimeException e) {
            LOG.info("the compiler is left as it is for the first load ({})", e.toString());
            return new FirstLoadJit(server, bean, false);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.debug("cannot delete {}", file, e);
                }
            }
        }
    }

    /** Whether the directives were taken and still hold. */
    boolean holds() {
        return added;
    }

    /** Takes the directives away; the compiler compiles everything as it would have from now on. */
    @Override
    public synchronized void close() {
        if (!added) {
            return;
        }
        added = false;
        try {
            server.invoke(bean, "compilerDirectivesRemove", new Object[] {new String[0]}, SIGNATURE);
        } catch (JMException | RuntimeException e) {
            LOG.warn("cannot take the first load's compiler directives away ({})", e.toString());
        }
    }
}
