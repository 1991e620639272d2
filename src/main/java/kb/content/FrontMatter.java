package kb.content;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The YAML block at the top of an article, read with Hugo's field names.
 *
 * @param body the Markdown after the closing {@code ---}
 */
record FrontMatter(
        String title,
        String description,
        Optional<LocalDate> lastmod,
        String translationKey,
        Optional<String> slug,
        List<String> aliases,
        List<String> tags,
        int weight,
        String body) {

    /** Thrown with a reason an author can act on. */
    static final class Invalid extends Exception {
        Invalid(String reason) {
            super(reason, null, false, false);
        }
    }

    static FrontMatter parse(String text) throws Invalid {
        return parse(text, true);
    }

    /** A folder's {@code _index.md}: the front matter and its title are optional there. */
    static FrontMatter parseIndex(String text) throws Invalid {
        String normalized = (text.startsWith("\uFEFF") ? text.substring(1) : text).replace("\r\n", "\n");
        if (!normalized.startsWith("---\n")) {
            return new FrontMatter("", "", Optional.empty(), "", Optional.empty(), List.of(), List.of(), Integer.MAX_VALUE, normalized);
        }
        return parse(text, false);
    }

    private static FrontMatter parse(String text, boolean titleRequired) throws Invalid {
        String normalized = text.startsWith("\uFEFF") ? text.substring(1) : text;
        normalized = normalized.replace("\r\n", "\n");
        if (!normalized.startsWith("---\n")) {
            throw new Invalid("no front matter: the file must start with a line '---'");
        }
        int end = normalized.indexOf("\n---\n", 3);
        int bodyStart = end + 5;
        if (end < 0 && normalized.endsWith("\n---")) {
            end = normalized.length() - 4;
            bodyStart = normalized.length();
        }
        if (end < 0) {
            throw new Invalid("front matter is not closed by a line '---'");
        }
        String yaml = normalized.substring(4, end + 1);
        Map<?, ?> fields = readYaml(yaml);

        String title = string(fields, "title").strip();
        if (title.isEmpty() && titleRequired) {
            throw new Invalid("no title in the front matter");
        }
        return new FrontMatter(
                title,
                string(fields, "description").strip(),
                date(fields, "lastmod"),
                string(fields, "translationKey").strip(),
                Optional.of(string(fields, "slug").strip()).filter(s -> !s.isEmpty()),
                strings(fields, "aliases"),
                strings(fields, "tags"),
                weight(fields),
                normalized.substring(bodyStart));
    }

    static Map<?, ?> readYaml(String yaml) throws Invalid {
        Map<String, Object> simple = SimpleYaml.read(yaml);
        if (simple != null) {
            return simple;
        }
        return readWithEngine(yaml);
    }

    /** What SnakeYAML reads (safe types only, no repeated fields, bounded), or why it cannot. */
    static Map<?, ?> readWithEngine(String yaml) throws Invalid {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        options.setCodePointLimit(64 * 1024);
        try {
            Object parsed = new Yaml(new SafeConstructor(options)).load(yaml);
            if (parsed == null) {
                return Map.of();
            }
            if (!(parsed instanceof Map<?, ?> map)) {
                throw new Invalid("front matter is not a set of 'field: value' lines");
            }
            return map;
        } catch (YAMLException e) {
            throw new Invalid("bad YAML in the front matter: " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().findFirst().orElse("unreadable").strip();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private static String string(Map<?, ?> fields, String key) throws Invalid {
        Object value = fields.get(key);
        if (value == null) {
            return "";
        }
        if (value instanceof Map || value instanceof List) {
            throw new Invalid("'" + key + "' must be a single value");
        }
        return value.toString();
    }

    private static List<String> strings(Map<?, ?> fields, String key) throws Invalid {
        Object value = fields.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            return List.of(value.toString());
        }
        List<String> out = new ArrayList<>();
        for (Object item : list) {
            if (item == null || item instanceof Map || item instanceof List) {
                throw new Invalid("'" + key + "' must be a list of plain values");
            }
            out.add(item.toString());
        }
        return out;
    }

    private static Optional<LocalDate> date(Map<?, ?> fields, String key) throws Invalid {
        Object value = fields.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Date d) {
            return Optional.of(LocalDate.ofInstant(d.toInstant(), java.time.ZoneOffset.UTC));
        }
        try {
            return Optional.of(LocalDate.parse(value.toString().strip()));
        } catch (DateTimeParseException e) {
            throw new Invalid("'" + key + "' must be a date written YYYY-MM-DD, not '" + firstLine(value.toString()) + "'");
        }
    }

    private static int weight(Map<?, ?> fields) throws Invalid {
        Object value = fields.get("weight");
        if (value == null) {
            return Integer.MAX_VALUE;
        }
        if (value instanceof Integer i) {
            return i;
        }
        throw new Invalid("'weight' must be a whole number");
    }
}
