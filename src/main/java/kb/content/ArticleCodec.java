package kb.content;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An article as bytes, in two parts: what the site keeps in memory (everything but the rendered
 * HTML and the sections' text: {@link Article#slim()}) and the body (those two), which stays on
 * disk until a page or a snippet needs it. Strings are UTF-8 with an int length, so no string has
 * the 64 KiB limit of {@code writeUTF}.
 */
public final class ArticleCodec {
    /** Bumped whenever the layout below changes: stored articles of another format are parsed again. */
    public static final int FORMAT = 1;

    private ArticleCodec() {}

    /** Everything an article has except its body. */
    public static byte[] meta(Article a) {
        return write(out -> {
            str(out, a.lang());
            str(out, a.url());
            str(out, a.title());
            str(out, a.description());
            str(out, a.lastmod().map(LocalDate::toString).orElse(""));
            str(out, a.translationKey());
            strings(out, a.aliases());
            strings(out, a.tags());
            out.writeInt(a.weight());
            str(out, a.intro());
            out.writeInt(a.sections().size());
            for (Section s : a.sections()) {
                str(out, s.id());
                str(out, s.heading());
                out.writeInt(s.level());
                strings(out, s.aliasIds());
            }
            strings(out, a.links());
            str(out, a.source().toString());
        });
    }

    /** The rendered HTML and each section's text, in section order. */
    public static byte[] body(Article a) {
        return write(out -> {
            str(out, a.html());
            out.writeInt(a.sections().size());
            for (Section s : a.sections()) {
                str(out, s.text());
            }
        });
    }

    /** The article {@link #meta} wrote, without its body. */
    public static Article readMeta(byte[] bytes) {
        try (DataInputStream in = open(bytes)) {
            String lang = str(in);
            String url = str(in);
            String title = str(in);
            String description = str(in);
            String lastmod = str(in);
            String translationKey = str(in);
            List<String> aliases = strings(in);
            List<String> tags = strings(in);
            int weight = in.readInt();
            String intro = str(in);
            int n = in.readInt();
            List<Section> sections = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String id = str(in);
                String heading = str(in);
                int level = in.readInt();
                sections.add(new Section(id, heading, level, null, strings(in)));
            }
            List<String> links = strings(in);
            Path source = Path.of(str(in));
            return new Article(lang, url, title, description,
                    lastmod.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(lastmod)), translationKey,
                    aliases, tags, weight, null, intro, sections, links, source);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not an article written by this version: " + e, e);
        }
    }

    /** The slim article with the body {@link #body} wrote put back. */
    public static Article withBody(Article slim, byte[] bytes) {
        try (DataInputStream in = open(bytes)) {
            String html = str(in);
            int n = in.readInt();
            if (n != slim.sections().size()) {
                throw new IllegalArgumentException("the body has " + n + " sections, the article " + slim.sections().size());
            }
            List<Section> sections = new ArrayList<>(n);
            for (Section s : slim.sections()) {
                sections.add(new Section(s.id(), s.heading(), s.level(), str(in), s.aliasIds()));
            }
            return new Article(slim.lang(), slim.url(), slim.title(), slim.description(), slim.lastmod(), slim.translationKey(),
                    slim.aliases(), slim.tags(), slim.weight(), html, slim.intro(), sections, slim.links(), slim.source());
        } catch (IOException e) {
            throw new IllegalArgumentException("not an article body written by this version: " + e, e);
        }
    }

    private static DataInputStream open(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        int format = in.readByte();
        if (format != FORMAT) {
            throw new IOException("format " + format + ", expected " + FORMAT);
        }
        return in;
    }

    @FunctionalInterface
    private interface Writing {
        void to(DataOutputStream out) throws IOException;
    }

    private static byte[] write(Writing writing) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            writing.to(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void str(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static void strings(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) {
            str(out, s);
        }
    }

    private static String str(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("a string of " + n + " bytes where " + in.available() + " remain");
        }
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }

    private static List<String> strings(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("a list of " + n + " where " + in.available() + " bytes remain");
        }
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(str(in));
        }
        return list;
    }
}
