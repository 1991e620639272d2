package kb;

import java.util.Map;
import kb.consent.ConsentSettings;
import kb.content.Library;
import kb.content.Languages;
import kb.search.SearchIndex;
import kb.web.Messages;

/**
 * One consistent version of everything the site serves. Requests read the current one; a reload
 * builds a new one and swaps it in whole, so no request sees half of a change.
 *
 * @param version  a digest of every content file; the same files give the same version on any replica
 * @param messages the UI strings of each of the library's languages, by code
 */
public record Site(Library library, SearchIndex search, ConsentSettings consentSettings, String version,
        Map<String, Messages> messages) {
    /** The same content version, settings and strings, over {@code library} and {@code search}. */
    Site with(Library library, SearchIndex search) {
        return new Site(library, search, consentSettings, version, messages);
    }

    /** The languages being served: those of the loaded content. */
    public Languages languages() {
        return library.languages();
    }

    /** The UI strings of one of the site's languages; the default language's for any other code. */
    public Messages messages(String lang) {
        Messages m = messages.get(lang);
        return m != null ? m : messages.get(languages().defaultLanguage().code());
    }
}
