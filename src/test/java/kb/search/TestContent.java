package kb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import kb.content.ContentLoader;
import kb.content.Library;

/** Content for search tests: the shipped articles, or small ones written to a folder and loaded as the site loads them. */
final class TestContent {
    /** The project's own content folder (Maven runs tests from the project directory). */
    static final Path SHIPPED = Path.of("content");

    private TestContent() {}

    /** The shipped articles and synonyms, indexed once per test JVM. */
    static SearchIndex shipped() {
        return Shipped.INDEX;
    }

    static Library shippedLibrary() {
        return Shipped.LIBRARY;
    }

    private static final class Shipped {
        static final Library LIBRARY = load(SHIPPED);
        static final SearchIndex INDEX = SearchIndex.build(LIBRARY, SHIPPED);
    }

    /** Writes the files (path under the folder → text) and loads them. */
    static Library write(Path dir, Map<String, String> files) {
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path file = dir.resolve(f.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return load(dir);
    }

    /** Writes the files and indexes them with the synonyms files among them, if any. */
    static SearchIndex index(Path dir, Map<String, String> files) {
        return SearchIndex.build(write(dir, files), dir);
    }

    static Library load(Path dir) {
        return new ContentLoader(Set.of("admin-consent")).load(dir);
    }

    /** The text of every Markdown file under the folder, in path order: what analysis tests run over. */
    static List<String> sources(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            List<String> texts = new java.util.ArrayList<>();
            for (Path p : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                texts.add(Files.readString(p));
            }
            return texts;
        }
    }

    /** An article file: front matter with title and translation key, then the Markdown body. */
    static String article(String title, String translationKey, String body) {
        return "---\ntitle: \"" + title + "\"\ntranslationKey: " + translationKey + "\n---\n\n" + body + "\n";
    }
}
