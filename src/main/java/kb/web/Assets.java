package kb.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CSS and JS under {@code static/}, read once into memory and served by exact name only, so no
 * request path can reach any other file. Each URL carries a hash of the file's bytes, which lets
 * browsers keep it for a year and still see a change at once.
 */
public final class Assets {
    private record Asset(byte[] bytes, String contentType, String hash) {}

    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "xml", "application/xml; charset=utf-8",
            "txt", "text/plain; charset=utf-8");

    private final Map<String, Asset> byName;

    private Assets(Map<String, Asset> byName) {
        this.byName = Map.copyOf(byName);
    }

    /** Reads every file under {@code static/} on the classpath, from a folder or from inside the jar. */
    public static Assets fromClasspath() {
        URL root = Assets.class.getClassLoader().getResource("static");
        if (root == null) {
            return new Assets(Map.of());
        }
        try {
            URI uri = root.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return new Assets(read(jar.getPath("/static")));
                }
            }
            return new Assets(read(Path.of(uri)));
        } catch (IOException | URISyntaxException e) {
            throw new UncheckedIOException(new IOException("cannot read static assets", e));
        }
    }

    private static Map<String, Asset> read(Path dir) throws IOException {
        Map<String, Asset> out = new HashMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String name = dir.relativize(p).toString().replace('\\', '/');
                String ext = name.substring(name.lastIndexOf('.') + 1);
                byte[] bytes;
                try (InputStream in = Files.newInputStream(p)) {
                    bytes = in.readAllBytes();
                }
                out.put(name, new Asset(bytes, TYPES.getOrDefault(ext, "application/octet-stream"), sha256(bytes).substring(0, 12)));
            }
        }
        return out;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The URL to put in a page: {@code /static/css/site.css?v=<hash>}. */
    public String url(String name) {
        Asset a = byName.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no static asset " + name);
        }
        return "/static/" + name + "?v=" + a.hash();
    }

    /** {@code GET /static/<name>}; unknown names get a 404 without touching the file system. */
    public void serve(Context ctx) {
        serve(ctx, ctx.path().substring("/static/".length()));
    }

    /**
     * {@code GET /favicon.ico}: what every browser and feed reader asks the site's root for,
     * whatever the page says.
     */
    public void favicon(Context ctx) {
        serve(ctx, "favicon.ico");
    }

    private void serve(Context ctx, String name) {
        Asset a = byName.get(name);
        if (a == null) {
            ctx.status(HttpStatus.NOT_FOUND).contentType("text/plain; charset=utf-8").result("Not found");
            return;
        }
        String etag = "\"" + a.hash() + "\"";
        ctx.header("ETag", etag);
        boolean versioned = a.hash().equals(ctx.queryParam("v"));
        ctx.header("Cache-Control", versioned ? "public, max-age=31536000, immutable" : "public, max-age=300");
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType(a.contentType());
        ctx.result(a.bytes());
    }
}
