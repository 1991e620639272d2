import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The ceiling of this stack for one article page: Jetty 12 (the one inside target/kb.jar) with a
 * plain {@code Handler.Abstract} answering every request with the same bytes, no routing, no
 * servlet layer, no Javalin, on the site's pool of request threads. bench/run.sh runs it with wrk the way it runs the jar's article page.
 *
 * <pre>java -cp target/kb.jar bench/BareJetty.java PORT FILE [HEADERS]</pre>
 *
 * FILE: the body (the jar's article page, fetched with curl). HEADERS: optional, the jar's answer
 * headers as {@code curl -D} wrote them; every one of them is sent again (the same headers shape:
 * Content-Type, ETag, Cache-Control, Vary and the security headers) except those Jetty writes itself
 * (Date, Content-Length, Connection, Transfer-Encoding, Server, Keep-Alive) and Content-Encoding.
 * Without HEADERS: Content-Type text/html; charset=utf-8, an ETag from the bytes' MD5, and the
 * jar's Cache-Control. Content-Length always. HTTP/1.1 only, on 127.0.0.1, no Server header.
 */
public class BareJetty {
    private static final List<String> SKIP = List.of("date", "content-length", "connection", "transfer-encoding",
            "server", "keep-alive", "content-encoding");

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java -cp target/kb.jar bench/BareJetty.java PORT FILE [HEADERS]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        byte[] body = Files.readAllBytes(Path.of(args[1]));
        Map<String, String> headers = new LinkedHashMap<>();
        if (args.length > 2) {
            for (String line : Files.readAllLines(Path.of(args[2]), StandardCharsets.ISO_8859_1)) {
                int colon = line.indexOf(':');
                if (line.startsWith("HTTP/") || colon <= 0) {
                    continue;
                }
                String name = line.substring(0, colon).trim();
                if (!SKIP.contains(name.toLowerCase(Locale.ROOT))) {
                    headers.put(name, line.substring(colon + 1).trim());
                }
            }
        }
        if (headers.keySet().stream().noneMatch("content-type"::equalsIgnoreCase)) {
            headers.put("Content-Type", "text/html; charset=utf-8");
        }
        if (headers.keySet().stream().noneMatch("etag"::equalsIgnoreCase)) {
            headers.put("ETag", "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body)) + "\"");
        }
        if (headers.keySet().stream().noneMatch("cache-control"::equalsIgnoreCase)) {
            headers.put("Cache-Control", "public, max-age=60, must-revalidate");
        }
        String length = Integer.toString(body.length);

        // The site's own request threads (kb.web.RequestThreads): the same stack, configured the same.
        Server server = new Server(kb.web.RequestThreads.pool(Runtime.getRuntime().availableProcessors()));
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(200);
                for (Map.Entry<String, String> h : headers.entrySet()) {
                    response.getHeaders().put(h.getKey(), h.getValue());
                }
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, length);
                response.write(true, ByteBuffer.wrap(body), callback);
                return true;
            }
        });
        server.start();
        System.out.println("BareJetty: " + body.length + " bytes on http://127.0.0.1:" + port + "/ (Jetty "
                + Server.getVersion() + ", headers " + headers.keySet() + ")");
        server.join();
    }
}
