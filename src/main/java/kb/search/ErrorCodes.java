package kb.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import kb.content.Article;
import kb.content.PatchedMap;
import kb.content.Section;
import kb.content.SharedStrings;

/**
 * Where each error code of one language's articles is explained: the target of
 * {@code /<lang>/error/<CODE>}. A code's place is the first section (in the library's article
 * order) that names it in its heading or first paragraph, or else the first that names it at all.
 */
final class ErrorCodes {
    /**
     * Where a code is explained.
     *
     * @param article   the article
     * @param sectionId the section's id, or null for the top of the article (the code is in its intro)
     */
    record Place(Article article, String sectionId) {
        String url() {
            return sectionId == null ? article.url() : article.url() + "#" + sectionId;
        }
    }

    private final Map<String, Place> places;

    private ErrorCodes(Map<String, Place> places) {
        this.places = places; // never changed: a later version is a patch over it (PatchedMap)
    }

    /**
     * One code as an article names it.
     *
     * @param code      the code
     * @param sectionId the section that names it, or null for the article's title, description or intro
     * @param prominent whether it is named in a heading, a title, a description, an intro or a
     *                  section's first paragraph, rather than further down a section
     */
    record Found(String code, String sectionId, boolean prominent) {}

    /** The codes of one language's articles, in the library's order. */
    static ErrorCodes of(List<Article> articles) {
        return of(articles, ErrorCodes::in);
    }

    /**
     * The codes of one language's articles, in the library's order, from what each article names
     * (as {@link #in} found it; null for an article that names none).
     */
    static ErrorCodes of(List<Article> articles, Function<Article, List<Found>> named) {
        Map<String, Place> prominent = new HashMap<>();
        Map<String, Place> anywhere = new HashMap<>();
        for (Article article : articles) {
            List<Found> found = named.apply(article);
            if (found == null) {
                continue;
            }
            for (Found f : found) {
                Map<String, Place> into = f.prominent() ? prominent : anywhere;
                // Most codes are named again and again: look before making a place.
                if (!into.containsKey(f.code())) {
                    into.put(f.code(), new Place(article, f.sectionId()));
                }
            }
        }
        anywhere.putAll(prominent);
        return new ErrorCodes(anywhere);
    }

    /** An article and the codes it names. */
    record Named(Article article, List<Found> found) {}

    /**
     * These places, with the given codes placed again among the articles that name them ({@code
     * order} being the library's): a code no served article names any more has no place.
     */
    ErrorCodes with(Map<String, List<Named>> named, java.util.Comparator<Article> order) {
        PatchedMap.Change<String, Place> changed = new PatchedMap.Change<>();
        named.forEach((code, where) -> {
            Place prominent = null;
            Article prominentAt = null;
            Place anywhere = null;
            Article anywhereAt = null;
            for (Named n : where) {
                // As of() reads an article: its first prominent naming of the code, and its first other one.
                Found first = null;
                Found firstOther = null;
                for (Found f : n.found()) {
                    if (f.code().equals(code)) {
                        if (f.prominent() && first == null) {
                            first = f;
                        } else if (!f.prominent() && firstOther == null) {
                            firstOther = f;
                        }
                    }
                }
                if (first != null && (prominentAt == null || order.compare(n.article(), prominentAt) < 0)) {
                    prominent = new Place(n.article(), first.sectionId());
                    prominentAt = n.article();
                }
                if (firstOther != null && (anywhereAt == null || order.compare(n.article(), anywhereAt) < 0)) {
                    anywhere = new Place(n.article(), firstOther.sectionId());
                    anywhereAt = n.article();
                }
            }
            Place place = prominent != null ? prominent : anywhere;
            if (place == null) {
                changed.remove(code);
            } else {
                changed.put(code, place);
            }
        });
        return new ErrorCodes(changed.apply(places));
    }

    /** Up to {@code n} of the codes, in no particular order. */
    List<String> some(int n) {
        List<String> out = new ArrayList<>(Math.min(n, places.size()));
        for (String code : places.keySet()) {
            if (out.size() >= n) {
                break;
            }
            out.add(code);
        }
        return out;
    }

    /** The codes an article (with its body) names, in the order it names them. */
    static List<Found> in(Article article) {
        List<Found> found = new ArrayList<>();
        collect(article.title(), 0, article.title().length(), null, true, found);
        collect(article.description(), 0, article.description().length(), null, true, found);
        collect(article.intro(), 0, article.intro().length(), null, true, found);
        for (Section section : article.sections()) {
            String text = section.text();
            int firstBreak = text.indexOf('\n');
            int paragraphEnd = firstBreak < 0 ? text.length() : firstBreak;
            collect(section.heading(), 0, section.heading().length(), section.id(), true, found);
            collect(text, 0, paragraphEnd, section.id(), true, found);
            collect(text, paragraphEnd, text.length(), section.id(), false, found);
        }
        return found;
    }

    /** One line per code: code, tab, section id (empty for none), tab, P or A. */
    static byte[] toBytes(List<Found> found) {
        StringBuilder out = new StringBuilder();
        for (Found f : found) {
            out.append(f.code()).append('\t').append(f.sectionId() == null ? "" : f.sectionId()).append('\t')
                    .append(f.prominent() ? 'P' : 'A').append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static List<Found> fromBytes(byte[] bytes) {
        return fromBytes(bytes, 0, bytes.length);
    }

    /**
     * What {@link #toBytes} wrote into {@code bytes[offset, offset + length)}, read in place (a
     * start reads every article's this way): lines of code, section id and mark, tab-separated;
     * other lines are skipped.
     */
    static List<Found> fromBytes(byte[] bytes, int offset, int length) {
        List<Found> found = new ArrayList<>();
        int end = offset + length;
        for (int line = offset; line < end; ) {
            int stop = indexOf(bytes, (byte) '\n', line, end);
            int tab1 = indexOf(bytes, (byte) '\t', line, stop);
            int tab2 = tab1 < stop ? indexOf(bytes, (byte) '\t', tab1 + 1, stop) : stop;
            // code, tab, section id (maybe empty), tab, one mark, and no third tab
            if (tab1 > line && tab2 < stop && stop - tab2 == 2 && indexOf(bytes, (byte) '\t', tab2 + 1, stop) == stop) {
                // Codes and section ids repeat across articles: one copy of each (see SharedStrings).
                String code = SharedStrings.decode(bytes, line, tab1 - line);
                String section = tab2 == tab1 + 1 ? null : SharedStrings.decode(bytes, tab1 + 1, tab2 - tab1 - 1);
                found.add(new Found(code, section, bytes[tab2 + 1] == 'P'));
            }
            line = stop + 1;
        }
        return found;
    }

    private static int indexOf(byte[] bytes, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return to;
    }

    Optional<Place> find(String code) {
        return Optional.ofNullable(places.get(code));
    }

    private static void collect(String text, int from, int to, String sectionId, boolean prominent, List<Found> into) {
        codes(text, from, to, code -> into.add(new Found(SharedStrings.of(code), SharedStrings.of(sectionId), prominent)));
    }

    /**
     * Each error code in {@code text[from, to)}, in order: what {@link Identifiers#scan} finds there
     * that {@link Identifiers#isErrorCode is one}. A code has an underscore, so only the runs of
     * identifier characters around an underscore are scanned (found by the JDK's scan of the
     * String), not the whole text: a start does this for every section of every article.
     */
    static void codes(String text, int from, int to, java.util.function.Consumer<String> sink) {
        for (int u = text.indexOf('_', from); u >= 0 && u < to; ) {
            int start = u;
            while (start > from && Identifiers.isIdentifierChar(text.charAt(start - 1))) {
                start--;
            }
            int end = u + 1;
            while (end < to && Identifiers.isIdentifierChar(text.charAt(end))) {
                end++;
            }
            Identifiers.scan(text, start, end, (identifier, s, e) -> {
                if (Identifiers.isErrorCode(identifier)) {
                    sink.accept(identifier);
                }
            });
            u = text.indexOf('_', end);
        }
    }
}
