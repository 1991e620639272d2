package kb.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kb.content.Language;
import kb.content.Languages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UI strings of one language: the built-in {@code i18n/messages_<code>.properties} (pt, en, es),
 * overridden or completed by the content's {@code i18n/<code>.properties}. A key the language lacks
 * is taken from English and logged once per key and language.
 */
public final class Messages {
    private static final Logger LOG = LoggerFactory.getLogger(Messages.class);
    /** The language every other one falls back on. */
    static final String FALLBACK = "en";

    private final Language language;
    private final Map<String, String> strings;
    private final Map<String, String> fallback;
    private final Set<String> reported;
    private final DateTimeFormatter longDate;

    private Messages(Language language, Map<String, String> strings, Map<String, String> fallback, Set<String> reported) {
        this.language = language;
        this.reported = reported;
        this.strings = Map.copyOf(strings);
        this.fallback = Map.copyOf(fallback);
        this.longDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language.locale());
    }

    /** The built-in strings of one of the built-in languages ({@code pt}, {@code en}); for tests and tools. */
    public Messages(String lang) {
        this(Languages.BUILT_IN.orDefault(lang), builtIn(Languages.BUILT_IN.orDefault(lang).code()), builtIn(FALLBACK),
                ConcurrentHashMap.newKeySet());
    }

    /**
     * The strings of every language of the site, with the overrides in {@code i18nDir/<code>.properties}
     * (a missing folder or file means none; an unreadable one is logged and skipped).
     */
    public static Map<String, Messages> load(Languages languages, Path i18nDir) {
        return load(languages, i18nDir, ConcurrentHashMap.newKeySet());
    }

    /**
     * @param reported the {@code <code>:<key>} pairs already logged as missing; shared by the loads of
     *                 one site so that a reload does not log them again
     */
    public static Map<String, Messages> load(Languages languages, Path i18nDir, Set<String> reported) {
        Map<String, String> english = builtIn(FALLBACK);
        english.putAll(overrides(i18nDir, FALLBACK));
        Map<String, Messages> all = new LinkedHashMap<>();
        for (Language l : languages.all()) {
            Map<String, String> strings = builtIn(l.code());
            strings.putAll(overrides(i18nDir, l.code()));
            all.put(l.code(), new Messages(l, strings, english, reported));
        }
        return Map.copyOf(all);
    }

    public Locale locale() {
        return language.locale();
    }

    public Language language() {
        return language;
    }

    /**
     * The string for the key, with {@code {0}}-style arguments filled in; English when the language
     * lacks it; {@code ??key??} when English lacks it too.
     */
    public String get(String key, Object... args) {
        String pattern = strings.get(key);
        if (pattern == null) {
            pattern = fallback.get(key);
            if (pattern == null) {
                return "??" + key + "??";
            }
            if (reported.add(language.code() + ":" + key)) {
                LOG.warn("UI string '{}' is missing in {}: using English (add it to i18n/{}.properties)", key,
                        language.code(), language.code());
            }
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, language.locale()).format(args);
    }

    /** {@link #get} without arguments, for templates. */
    public String text(String key) {
        return get(key);
    }

    /** Whether the language or English has the key. */
    public boolean has(String key) {
        return strings.containsKey(key) || fallback.containsKey(key);
    }

    /** "4 de outubro de 2024" / "October 4, 2024", by the language's locale. */
    public String date(LocalDate date) {
        return longDate.format(date);
    }

    /** The jar's strings per language code: read once, as the jar does not change while the site runs. */
    private static final Map<String, Map<String, String>> BUILT_IN = new ConcurrentHashMap<>();

    /** A copy of the built-in strings of a language (empty when it has none), for the caller to add its overrides to. */
    private static Map<String, String> builtIn(String code) {
        return new HashMap<>(BUILT_IN.computeIfAbsent(code, c -> {
            try (InputStream in = Messages.class.getResourceAsStream("/i18n/messages_" + c + ".properties")) {
                return in == null ? Map.of() : Map.copyOf(read(new InputStreamReader(in, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new IllegalStateException("the built-in UI strings of " + c + " cannot be read", e);
            }
        }));
    }

    private static Map<String, String> overrides(Path i18nDir, String code) {
        Path file = i18nDir.resolve(code + ".properties");
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("content problem: {}: cannot be read ({}); using the built-in UI strings", file, e.getMessage());
            return Map.of();
        }
    }

    private static Map<String, String> read(Reader in) throws IOException {
        Properties p = new Properties();
        p.load(in);
        Map<String, String> map = new HashMap<>();
        p.stringPropertyNames().forEach(k -> map.put(k, p.getProperty(k)));
        return map;
    }
}
