package kb.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads {@code content/languages.yaml}, the site's {@link Languages}:
 *
 * <pre>
 * default: pt
 * languages:
 *   - {code: pt, name: Português, locale: pt-BR}
 *   - {code: en, name: English, locale: en-US, hreflang: en}
 * </pre>
 *
 * A missing file means {@link Languages#BUILT_IN}; a broken one is a {@link Problem} and changes nothing.
 */
public final class LanguagesFile {
    /** Where the file lives, relative to the content folder. */
    public static final String NAME = "languages.yaml";
    private static final long MAX_BYTES = 64 * 1024;
    private static final Set<String> TOP_KEYS = Set.of("default", "languages");
    private static final Set<String> LANGUAGE_KEYS = Set.of("code", "name", "locale", "hreflang");

    /** The languages to serve, and the problem with the file when it could not be used. */
    public record Result(Languages languages, Optional<Problem> problem) {}

    private LanguagesFile() {}

    /**
     * @param previous what stays in use when the file is broken (the last good list, or the built-in one)
     */
    public static Result read(Path contentDir, Languages previous) {
        Path file = contentDir.resolve(NAME);
        if (!Files.exists(file)) {
            return new Result(Languages.BUILT_IN, Optional.empty());
        }
        try {
            return new Result(parse(load(file)), Optional.empty());
        } catch (IllegalArgumentException e) {
            return new Result(previous, Optional.of(new Problem(Path.of(NAME),
                    e.getMessage() + "; still serving " + previous)));
        }
    }

    private static String load(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("not a regular file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException("larger than " + MAX_BYTES / 1024 + " KB");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new IllegalArgumentException("cannot be read (" + e.getClass().getSimpleName() + "; is it UTF-8?)");
        }
    }

    /** The languages a file's text lists. @throws IllegalArgumentException with the reason it cannot be used */
    static Languages parse(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        Object parsed;
        try {
            parsed = new Yaml(new SafeConstructor(options)).load(text);
        } catch (YAMLException e) {
            String line = e.getMessage() == null ? "unreadable" : e.getMessage().lines().findFirst().orElse("unreadable").strip();
            throw new IllegalArgumentException("bad YAML: " + line);
        }
        if (!(parsed instanceof Map<?, ?> top)) {
            throw new IllegalArgumentException("expected 'default:' and 'languages:' keys");
        }
        unknownKeys(top, TOP_KEYS, "");
        if (!(top.get("languages") instanceof List<?> entries) || entries.isEmpty()) {
            throw new IllegalArgumentException("'languages' must be a non-empty list of {code, name, locale}");
        }
        List<Language> languages = new ArrayList<>();
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> fields)) {
                throw new IllegalArgumentException("each entry of 'languages' must be {code: …, name: …, locale: …}, not '" + entry + "'");
            }
            String code = string(fields, "code", "an entry");
            unknownKeys(fields, LANGUAGE_KEYS, " of language " + code);
            String name = string(fields, "name", "language " + code);
            String localeTag = string(fields, "locale", "language " + code);
            Locale locale;
            try {
                locale = new Locale.Builder().setLanguageTag(localeTag).build();
            } catch (IllformedLocaleException e) {
                throw new IllegalArgumentException("language " + code + ": locale '" + localeTag + "' is not a BCP 47 tag such as pt-BR");
            }
            String hreflang = locale.toLanguageTag();
            if (fields.containsKey("hreflang")) {
                String tag = string(fields, "hreflang", "language " + code);
                try {
                    hreflang = new Locale.Builder().setLanguageTag(tag).build().toLanguageTag();
                } catch (IllformedLocaleException e) {
                    throw new IllegalArgumentException("language " + code + ": hreflang '" + tag + "' is not a BCP 47 tag such as en or pt-BR");
                }
            }
            languages.add(new Language(code, name, locale, hreflang));
        }
        Object def = top.get("default");
        String defaultCode = def == null ? languages.get(0).code() : def.toString();
        return new Languages(languages, defaultCode);
    }

    private static void unknownKeys(Map<?, ?> map, Set<String> known, String where) {
        for (Object key : map.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                throw new IllegalArgumentException("unknown key '" + key + "'" + where + " (expected " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    private static String string(Map<?, ?> fields, String key, String what) {
        Object value = fields.get(key);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException(what + " has no '" + key + "'");
        }
        return value.toString().strip();
    }
}
