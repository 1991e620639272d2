package kb.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import kb.publish.Head;
import kb.publish.HeadMeta;

/**
 * What the layout around every page shows: the title and description, the head's metadata, the
 * breadcrumb's steps, the language switch and the header's search box. Built by {@link Frame}.
 *
 * @param lang          the page's language code
 * @param description   the one-sentence summary for {@code <meta name=description>}; may be empty
 * @param head          canonical, hreflang, Open Graph, JSON-LD, or {@code noindex}
 * @param trail         the categories between the home and the page, for the breadcrumb
 * @param switches      links to this page in the other languages
 * @param hreflangs     each language's BCP-47 tag, by code (hits of other languages carry theirs)
 * @param hreflangPairs the same as {@code code=tag} pairs, for instant search's script
 * @param languageNames each language's name, by code
 * @param query         what the header's search box shows
 */
public record Layout(String lang, String title, String description, HeadMeta head, List<Head.Crumb> trail,
        List<Switch> switches, Map<String, String> hreflangs, String hreflangPairs, Map<String, String> languageNames,
        String query) {

    /**
     * One link of the language switch: to this page in another language, named in that language.
     *
     * @param sectionIds the target's section ids in order, for the script that keeps the reader's place; null when unknown
     */
    public record Switch(String lang, String hreflang, String name, String hint, String url, String sectionIds) {}

    public Layout {
        trail = List.copyOf(trail);
        switches = List.copyOf(switches);
    }

    /** The same layout with the header's search box holding a query. */
    public Layout withQuery(String text) {
        return new Layout(lang, title, description, head, trail, switches, hreflangs, hreflangPairs, languageNames, text);
    }

    /** The same layout with another head (a paged list's, say). */
    Layout withHead(HeadMeta other) {
        return new Layout(lang, title, description, other, trail, switches, hreflangs, hreflangPairs, languageNames, query);
    }

    /**
     * Points the language switch somewhere else than the page's translation (the other language's
     * category even where it has fewer pages, say): {@code url} gives a language's new target, or empty to keep it.
     */
    Layout retargetSwitch(Function<String, Optional<String>> url) {
        return withSwitches(switches.stream().map(s -> url.apply(s.lang())
                .map(u -> new Switch(s.lang(), s.hreflang(), s.name(), s.hint(), u, s.sectionIds())).orElse(s)).toList());
    }

    /** Gives each switch link the section ids of the page it leads to (empty: none known). */
    Layout switchSections(Function<String, Optional<String>> ids) {
        return withSwitches(switches.stream().map(s -> ids.apply(s.lang())
                .map(i -> new Switch(s.lang(), s.hreflang(), s.name(), s.hint(), s.url(), i)).orElse(s)).toList());
    }

    private Layout withSwitches(List<Switch> other) {
        return new Layout(lang, title, description, head, trail, other, hreflangs, hreflangPairs, languageNames, query);
    }
}
