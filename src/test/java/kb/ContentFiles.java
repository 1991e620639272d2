package kb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes content files the way an author would, for tests that build a content folder. */
public final class ContentFiles {
    private ContentFiles() {}

    /** Writes UTF-8 text at {@code dir/path}, creating the folders on the way. */
    public static Path write(Path dir, String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
