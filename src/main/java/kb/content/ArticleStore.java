package kb.content;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where articles are kept between loads and between runs, so that a file already taken in is not
 * read, parsed and rendered again: the loader asks it before parsing a file and hands it every
 * file it parses. {@link #NONE} keeps nothing (every start parses everything; a reload still
 * reuses the previous load's unchanged articles in memory).
 */
public interface ArticleStore {
    /**
     * What the store holds for one file.
     *
     * @param article     as the library should hold it (possibly {@link Article#slim() slim})
     * @param size        the file's size in bytes when it was taken in
     * @param modified    its last-modified time, in milliseconds
     * @param fingerprint the digest of its path and bytes (see {@link Library#version()})
     */
    record Stored(Article article, long size, long modified, byte[] fingerprint) {}

    /** Called with the content's languages before any file of a load is asked about or handed over. */
    default void prepare(Languages languages) {}

    /** What was taken in from the file at this path (relative to the content folder), if anything. */
    Optional<Stored> stored(Path relative);

    /**
     * Takes in a file parsed anew; returns the article as the library should hold it. Called from
     * the loader's worker threads, several at once.
     */
    Article keep(Article parsed, long size, long modified, byte[] fingerprint);

    /**
     * Called once a load has handed over every file it parsed, before it makes the library and
     * publishes: a store may start writing what it buffered while the loader works on one core.
     */
    default void keptAll() {}

    /** Keeps nothing. */
    ArticleStore NONE = new ArticleStore() {
        @Override
        public Optional<Stored> stored(Path relative) {
            return Optional.empty();
        }

        @Override
        public Article keep(Article parsed, long size, long modified, byte[] fingerprint) {
            return parsed;
        }
    };
}
