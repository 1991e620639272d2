package kb;

import kb.consent.ConsentSettings;
import kb.content.Library;
import kb.search.SearchIndex;

/**
 * One consistent version of everything the site serves. Requests read the current one; a reload
 * builds a new one and swaps it in whole, so no request sees half of a change.
 *
 * @param version a digest of every content file; the same files give the same version on any replica
 */
public record Site(Library library, SearchIndex search, ConsentSettings consentSettings, String version) {}
