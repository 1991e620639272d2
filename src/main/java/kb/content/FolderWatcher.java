package kb.content;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a folder tree and calls back once a burst of changes has settled, so that an editor's
 * save-rename-delete dance, or a {@code git pull} of many files, causes one reload, not many.
 */
public final class FolderWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FolderWatcher.class);

    private final Path root;
    private final Duration quiet;
    private final Consumer<Set<Path>> onChange;
    /** What changed since the last callback; null once the events overflowed (anything may have changed). */
    private Set<Path> changed = new HashSet<>();
    private final WatchService service;
    private final Thread thread;

    private FolderWatcher(Path root, Duration quiet, Consumer<Set<Path>> onChange) throws IOException {
        this.root = root;
        this.quiet = quiet;
        this.onChange = onChange;
        this.service = root.getFileSystem().newWatchService();
        registerTree(root);
        this.thread = new Thread(this::loop, "content-watcher");
        this.thread.setDaemon(true);
    }

    /**
     * Starts watching; {@code onChange} runs on the watcher's own thread after {@code quiet} without
     * events, with the paths that were created, modified or deleted meanwhile (files and folders),
     * or null when the system lost track of them (anything may have changed).
     */
    public static FolderWatcher start(Path root, Duration quiet, Consumer<Set<Path>> onChange) throws IOException {
        FolderWatcher watcher = new FolderWatcher(root, quiet, onChange);
        watcher.thread.start();
        return watcher;
    }

    private void registerTree(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        // The walk reads each entry's attributes once; only folders are registered.
        try {
            Files.walkFileTree(dir, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult preVisitDirectory(Path d, java.nio.file.attribute.BasicFileAttributes attrs)
                        throws IOException {
                    d.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
                    LOG.warn("cannot watch {} for changes: {}", file, e.toString());
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot watch {} for changes: {}", dir, e.toString());
        }
    }

    private void loop() {
        try {
            while (true) {
                WatchKey first = service.take();
                handle(first);
                // Wait until the folder has been quiet for a moment, collecting further events.
                WatchKey next;
                while ((next = service.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    handle(next);
                }
                Set<Path> paths = changed;
                changed = new HashSet<>();
                try {
                    onChange.accept(paths == null ? null : Set.copyOf(paths));
                } catch (RuntimeException e) {
                    LOG.error("reload after a content change failed; the previous content stays in use", e);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(WatchKey key) {
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW) {
                registerTree(root);
                changed = null;
                continue;
            }
            Path path = dir.resolve((Path) event.context());
            if (changed != null) {
                changed.add(path);
            }
            if (event.kind() == ENTRY_CREATE) {
                registerTree(path);
            }
        }
        if (!key.reset() && dir.equals(root)) {
            LOG.warn("content folder {} went away; watching stops until restart", root);
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            LOG.debug("closing the watch service", e);
        }
        thread.interrupt();
    }
}
