package kb.content;

import java.io.ByteArrayOutputStream;
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
 * What the site keeps in memory of an article (everything but the rendered HTML and the sections'
 * text: {@link Article#slim()}) as bytes, and the article put back together from them and its
 * body (the HTML, which stays on disk until a page needs it, and the sections' texts, which the
 * index keeps with their sections). Strings are UTF-8 with an int length, so no string has the
 * 64 KiB limit of {@code writeUTF}.
 */
public final class ArticleCodec {
    /** Bumped whenever the layout below, or how the index stores the body, changes: stored articles of another format are parsed again. */
    public static final int FORMAT = 3;

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

    /** The article {@link #meta} wrote, without its body. */
    public static Article readMeta(byte[] bytes) {
        return readMeta(bytes, 0, bytes.length);
    }

    /**
     * The article {@link #meta} wrote into {@code bytes[offset, offset + length)}, as a doc value
     * gives it: decoded in place (a start reads every article this way).
     */
    public static Article readMeta(byte[] bytes, int offset, int length) {
        try {
            Reader in = new Reader(bytes, offset, length);
            String lang = in.str();
            String url = in.str();
            String title = in.str();
            String description = in.str();
            String lastmod = in.str();
            String translationKey = in.str();
            List<String> aliases = in.strings();
            List<String> tags = in.strings();
            int weight = in.readInt();
            String intro = in.str();
            int n = in.count();
            List<Section> sections = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String id = in.str();
                String heading = in.str();
                int level = in.readInt();
                sections.add(new Section(id, heading, level, null, in.strings()));
            }
            List<String> links = in.strings();
            Path source = Path.of(in.str());
            return new Article(lang, url, title, description,
                    lastmod.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(lastmod)), translationKey,
                    aliases, tags, weight, null, intro, sections, links, source);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not an article written by this version: " + e, e);
        }
    }

    /**
     * The slim article with its rendered HTML put back, and each section's text, in section order,
     * as the index keeps them: the HTML a stored string (which the index writes as UTF-8 itself,
     * without an array of ours for each page), each section's text a doc value that snippets read.
     */
    public static Article withBody(Article slim, String html, List<String> sectionTexts) {
        if (sectionTexts.size() != slim.sections().size()) {
            throw new IllegalArgumentException("the index has " + sectionTexts.size() + " section texts, the article "
                    + slim.sections().size() + " sections");
        }
        List<Section> sections = new ArrayList<>(sectionTexts.size());
        for (int i = 0; i < sectionTexts.size(); i++) {
            Section s = slim.sections().get(i);
            sections.add(new Section(s.id(), s.heading(), s.level(), sectionTexts.get(i), s.aliasIds()));
        }
        return new Article(slim.lang(), slim.url(), slim.title(), slim.description(), slim.lastmod(), slim.translationKey(),
                slim.aliases(), slim.tags(), slim.weight(), html, slim.intro(), sections, slim.links(), slim.source());
    }

    /** Reads what {@link #write} wrote, straight from the array: strings are decoded in place, once. */
    private static final class Reader {
        private final byte[] bytes;
        private final int end;
        private int at;

        Reader(byte[] bytes, int offset, int length) throws IOException {
            if (offset < 0 || length < 1 || offset + length > bytes.length) {
                throw new IOException("no article in " + length + " bytes");
            }
            this.bytes = bytes;
            this.at = offset;
            this.end = offset + length;
            int format = bytes[at++];
            if (format != FORMAT) {
                throw new IOException("format " + format + ", expected " + FORMAT);
            }
        }

        int readInt() throws IOException {
            if (end - at < 4) {
                throw new IOException("an int where " + (end - at) + " bytes remain");
            }
            int v = (bytes[at] & 0xff) << 24 | (bytes[at + 1] & 0xff) << 16 | (bytes[at + 2] & 0xff) << 8 | (bytes[at + 3] & 0xff);
            at += 4;
            return v;
        }

        /** A count of strings or sections: each takes at least four bytes. */
        int count() throws IOException {
            int n = readInt();
            if (n < 0 || n > (end - at) / 4) {
                throw new IOException("a list of " + n + " where " + (end - at) + " bytes remain");
            }
            return n;
        }

        String str() throws IOException {
            int n = readInt();
            if (n < 0 || n > end - at) {
                throw new IOException("a string of " + n + " bytes where " + (end - at) + " remain");
            }
            String s = new String(bytes, at, n, StandardCharsets.UTF_8);
            at += n;
            return s;
        }

        List<String> strings() throws IOException {
            int n = count();
            List<String> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(str());
            }
            return list;
        }
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
}
