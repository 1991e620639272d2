package kb.web;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The UI strings of one language, from {@code i18n/messages_<lang>.properties}. */
public final class Messages {
    private static final Map<String, Locale> LOCALES = Map.of(
            "pt", Locale.forLanguageTag("pt-BR"),
            "en", Locale.forLanguageTag("en-US"));

    private final Locale locale;
    private final ResourceBundle bundle;
    private final DateTimeFormatter longDate;

    public Messages(String lang) {
        this.locale = LOCALES.getOrDefault(lang, LOCALES.get("pt"));
        this.bundle = ResourceBundle.getBundle("i18n.messages", Locale.forLanguageTag(lang),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.longDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
    }

    public Locale locale() {
        return locale;
    }

    /** The string for the key, with {@code {0}}-style arguments filled in; {@code ??key??} when missing. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "??" + key + "??";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** "4 de outubro de 2024" / "October 4, 2024". */
    public String date(LocalDate date) {
        return longDate.format(date);
    }
}
