package kb.content;

import java.nio.file.Path;

/** A content file that could not be served, and why. */
public record Problem(Path file, String reason) {
    @Override
    public String toString() {
        return file + ": " + reason;
    }
}
