package kb.content;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the internal links of the loaded articles that lead nowhere: a {@code /pt/…} or {@code /en/…}
 * path that is no article, alias, category, tag or site page, or a {@code #fragment} that is no section of the
 * target article. Each is reported at the line of the Markdown file where it is written, found by
 * searching the file's text for the link, since the rendered HTML no longer knows its source lines.
 */
final class LinkChecker {
    private static final String TAGS = Tag.INDEX + "/";

    /** A broken href as the article renders it, and why. */
    record Found(String href, String reason) {}

    private final Library library;
    private final Set<String> sitePages;
    private final Memory memory;

    /** An article's links as resolved paths and fragments: parsed once per article, checked on every load. */
    record Parsed(Article article, List<Target> targets, List<Found> found, Object shape) {}

    /**
     * One href, resolved against the article's URL.
     *
     * @param path     the decoded path; null when the link cannot break (external, empty) or is not valid
     * @param bare     the path without trailing slashes: what it is looked up as
     * @param fragment the decoded fragment, or null
     * @param local    whether the link stays on the page ({@code #…} or {@code ?…})
     * @param invalid  whether the href is not a valid URI
     */
    record Target(String href, String path, String bare, String fragment, boolean local, boolean invalid) {}

    /**
     * What a check leaves for the next one: each article's links as parsed (by source), the
     * sources whose links lead to each path, and what the check found. A check after an edit then
     * looks only at the edited articles and at those whose links lead to what changed.
     */
    static final class Memory {
        private final Map<Path, Parsed> parsed = new ConcurrentHashMap<>();
        /**
         * The sources with a link to each path (a link's {@link Target#bare} path): made from
         * {@link #parsed} at the first check after an edit, not by every check of the whole site
         * (a start needs none), and dropped by the next one.
         */
        private volatile Map<String, Set<Path>> linkedFrom;
        private volatile List<BrokenLink> found;
        private volatile Object shape;

        /** Whether a check has run: until one has, a check after an edit checks every link. */
        boolean checkedOnce() {
            return found != null;
        }

        private Map<String, Set<Path>> linkedFrom() {
            Map<String, Set<Path>> from = linkedFrom;
            if (from == null) {
                from = new java.util.HashMap<>();
                for (Parsed p : parsed.values()) {
                    link(from, p.article().source(), p.targets(), true);
                }
                linkedFrom = from;
            }
            return from;
        }

        /** An edited article's links in place of its old ones, when the map is made (edits are checked one load at a time). */
        private void relink(Path source, List<Target> before, List<Target> now) {
            Map<String, Set<Path>> from = linkedFrom;
            if (from != null) {
                link(from, source, before, false);
                link(from, source, now, true);
            }
        }

        private static void link(Map<String, Set<Path>> from, Path source, List<Target> targets, boolean add) {
            for (Target t : targets) {
                if (t.bare() == null) {
                    continue;
                }
                if (add) {
                    from.computeIfAbsent(t.bare(), k -> new java.util.HashSet<>()).add(source);
                } else {
                    from.computeIfPresent(t.bare(), (k, sources) -> sources.remove(source) && sources.isEmpty() ? null : sources);
                }
            }
        }
    }

    /**
     * A check on its own: every article's links parsed and checked.
     *
     * @param sitePages pages that exist in every language besides the articles, as the path after
     *                  {@code /<lang>}: {@code "/"}, {@code "/admin-consent"}, {@code "/search"}
     */
    LinkChecker(Library library, Set<String> sitePages) {
        this(library, sitePages, new Memory(), null);
    }

    /**
     * @param memory  what the previous check left: updated with what this one finds
     * @param touched the paths (article URLs and aliases) whose target changed since that check:
     *                an unchanged article none of whose links leads to one of them keeps its
     *                findings; null to check every article
     */
    LinkChecker(Library library, Set<String> sitePages, Memory memory, Set<String> touched) {
        this.library = library;
        this.sitePages = Set.copyOf(sitePages);
        this.memory = memory;
        this.touched = touched;
        this.shape = library.catalog().shape();
    }

    private final Set<String> touched;
    private final Object shape;

    /** Every broken internal link of every article, in file order. */
    List<BrokenLink> check(Path contentDir) {
        memory.parsed.keySet().retainAll(library.sources());
        memory.linkedFrom = null;
        // Each article on its own: in parallel (a first load checks every link of the site).
        List<BrokenLink> all = located(contentDir, library.all().parallelStream()
                .map(article -> new Broken(article, brokenIn(article)))
                .filter(b -> !b.found().isEmpty())
                .sorted(Comparator.comparing(b -> b.article().source()))
                .toList());
        remember(all);
        return all;
    }

    /**
     * Every broken internal link of every article, in file order, when the files are the same as
     * at the previous check and only the articles from {@code edited} changed: those are checked,
     * with the articles that link to a path in {@code touched}, and every other article keeps what
     * the previous check found. Every article is checked when the catalog's pages changed, or when
     * there was no previous check.
     */
    List<BrokenLink> checkEdited(Path contentDir, Set<Path> edited) {
        List<BrokenLink> before = memory.found;
        if (touched == null || before == null || !sameShape(memory.shape)) {
            return check(contentDir);
        }
        Map<String, Set<Path>> linkedFrom = memory.linkedFrom();
        Set<Path> again = new java.util.TreeSet<>(edited);
        for (String path : touched) {
            again.addAll(linkedFrom.getOrDefault(path, Set.of()));
        }
        List<Broken> now = new ArrayList<>();
        for (Path source : again) {
            library.bySource(source).ifPresent(article -> {
                List<Found> found = brokenIn(article);
                if (!found.isEmpty()) {
                    now.add(new Broken(article, found));
                }
            });
        }
        List<BrokenLink> all = new ArrayList<>();
        for (BrokenLink b : before) {
            if (!again.contains(b.file())) {
                all.add(b);
            }
        }
        all.addAll(located(contentDir, now));
        // Stable: each file's links stay in document order.
        all.sort(Comparator.comparing(BrokenLink::file));
        remember(all);
        return List.copyOf(all);
    }

    private record Broken(Article article, List<Found> found) {}

    /** The broken links with their lines: the file is read only for an article with a broken link. */
    private static List<BrokenLink> located(Path contentDir, List<Broken> broken) {
        List<BrokenLink> out = new ArrayList<>();
        for (Broken b : broken) {
            Lines lines = new Lines(source(contentDir.resolve(b.article().source())));
            for (Found f : b.found()) {
                out.add(new BrokenLink(b.article().source(), lines.of(f.href()), f.href(), f.reason()));
            }
        }
        return out;
    }

    private void remember(List<BrokenLink> found) {
        memory.found = List.copyOf(found);
        memory.shape = shape;
    }

    /** Each broken href of the article with its reason, in document order. */
    private List<Found> brokenIn(Article article) {
        Parsed p = memory.parsed.get(article.source());
        List<Target> targets;
        if (p == null || p.article() != article) {
            targets = article.links().stream().map(href -> parse(article, href)).toList();
            memory.relink(article.source(), p == null ? List.of() : p.targets(), targets);
        } else {
            if (touched != null && sameShape(p.shape()) && !leadsTo(p.targets(), touched)) {
                return p.found();
            }
            targets = p.targets();
        }
        List<Found> broken = new ArrayList<>();
        for (Target target : targets) {
            reasonIfBroken(article, target).ifPresent(reason -> broken.add(new Found(target.href(), reason)));
        }
        memory.parsed.put(article.source(), new Parsed(article, targets, List.copyOf(broken), shape));
        return broken;
    }

    /** Whether the pages an earlier check knew are this one's: compared once per earlier catalog, not per article. */
    private boolean sameShape(Object earlier) {
        if (earlier == shape || earlier == knownSame) {
            return true;
        }
        if (earlier.equals(shape)) {
            knownSame = earlier;
            return true;
        }
        return false;
    }

    private volatile Object knownSame;

    private static boolean leadsTo(List<Target> targets, Set<String> touched) {
        for (Target t : targets) {
            if (t.bare() != null && touched.contains(t.bare())) {
                return true;
            }
        }
        return false;
    }

    static Target parse(Article from, String href) {
        if (href.isEmpty() || href.startsWith("//") || hasScheme(href)) {
            return new Target(href, null, null, null, false, false);
        }
        if (isPlainPath(href)) {
            // "/pt/artigo#secao", as most links are: what resolving and decoding it would give, without either.
            int hash = href.indexOf('#');
            int pathEnd = hash < 0 ? href.length() : hash;
            int query = href.indexOf('?');
            if (query >= 0 && query < pathEnd) {
                pathEnd = query;
            }
            // Many articles link to the same few: one copy of each path and fragment (see SharedStrings).
            String path = SharedStrings.of(href, 0, pathEnd);
            int end = path.length();
            while (end > 1 && path.charAt(end - 1) == '/') {
                end--;
            }
            return new Target(href, path, SharedStrings.of(path, 0, end), hash < 0 ? null : SharedStrings.of(href, hash + 1, href.length()),
                    false, false);
        }
        return parseUri(from, href);
    }

    /** Whether the link starts with a URL scheme ({@code https:}, {@code mailto:}): a letter, then letters, digits, {@code + . -}, then a colon. */
    static boolean hasScheme(String href) {
        if (href.isEmpty() || !isAsciiLetter(href.charAt(0))) {
            return false;
        }
        for (int i = 1; i < href.length(); i++) {
            char c = href.charAt(i);
            if (c == ':') {
                return true;
            }
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '.' && c != '-') {
                return false;
            }
        }
        return false;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** What a link leads to, by resolving it against the article's URL as a browser would. */
    static Target parseUri(Article from, String href) {
        try {
            URI uri = URI.create(from.url()).resolve(new URI(href));
            String path = decode(uri.getRawPath() == null ? "" : uri.getRawPath());
            String fragment = uri.getRawFragment() == null ? null : decode(uri.getRawFragment());
            int end = path.length();
            while (end > 1 && path.charAt(end - 1) == '/') {
                end--;
            }
            return new Target(href, path, path.substring(0, end), fragment, href.startsWith("#") || href.startsWith("?"), false);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return new Target(href, null, null, null, false, true);
        }
    }

    /**
     * A site path made only of letters, digits and {@code - _ . ~ / # ? = &}, with no empty, {@code .}
     * or {@code ..} segment: nothing in it that resolving or percent-decoding would change.
     */
    static boolean isPlainPath(String href) {
        if (href.isEmpty() || href.charAt(0) != '/' || href.contains("//") || href.contains("/.")
                || href.indexOf('#') != href.lastIndexOf('#')) {
            return false;
        }
        for (int i = 0; i < href.length(); i++) {
            char c = href.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~' || c == '/' || c == '#' || c == '?' || c == '=' || c == '&';
            if (!plain) {
                return false;
            }
        }
        return true;
    }

    private Optional<String> reasonIfBroken(Article from, Target link) {
        if (link.invalid()) {
            return Optional.of("not a valid link");
        }
        String path = link.path();
        String fragment = link.fragment();
        if (path == null) {
            return Optional.empty();
        }
        if (link.local()) {
            return sectionMissing(from, fragment, null);
        }
        Optional<String> lang = library.languages().ofPath(path);
        if (lang.isEmpty()) {
            return Optional.empty();
        }
        String bare = link.bare();
        Optional<Article> target = library.article(bare).or(() -> library.redirectFor(bare).flatMap(library::article));
        if (target.isPresent()) {
            return sectionMissing(target.get(), fragment, target.get());
        }
        String page = bare.substring(1 + lang.get().length());
        if (page.isEmpty() || sitePages.contains(page) || library.catalog().category(bare).isPresent()) {
            return Optional.empty();
        }
        if (page.startsWith(TAGS) && page.indexOf('/', TAGS.length()) < 0) {
            String slug = page.substring(TAGS.length());
            return library.catalog().tag(lang.get(), slug).isPresent() ? Optional.empty()
                    : Optional.of("no article in " + lang.get() + " has the tag '" + slug + "' (" + bare + ")");
        }
        return Optional.of("no article, alias, category or page at " + bare);
    }

    /** The reason a link into {@code target} is broken, if its section is not there; {@code elsewhere} is null for the link's own page. */
    private static Optional<String> sectionMissing(Article target, String fragment, Article elsewhere) {
        if (fragment == null || fragment.isEmpty() || target.section(fragment).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("no section #" + fragment + " " + (elsewhere == null ? "on this page" : "in " + elsewhere.url()));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String source(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Line numbers of links in one file. The n-th time a link is asked for, the n-th place it is
     * written is searched first, so repeated links get their own lines; a link written once and
     * used often (a reference definition) gets the line of that one place.
     */
    static final class Lines {
        private final String text;
        private final Map<String, Integer> searchedUpTo = new HashMap<>();

        Lines(String text) {
            this.text = text;
        }

        int of(String href) {
            for (String form : forms(href)) {
                int from = searchedUpTo.getOrDefault(form, 0);
                int at = text.indexOf(form, from);
                if (at < 0) {
                    at = text.indexOf(form);
                }
                if (at >= 0) {
                    searchedUpTo.put(form, at + form.length());
                    return lineAt(at);
                }
            }
            return 0;
        }

        /** The link as rendered, then as an author may have typed it: not percent-encoded, or with entities. */
        private static List<String> forms(String href) {
            List<String> forms = new ArrayList<>();
            forms.add(href);
            try {
                forms.add(decode(href));
            } catch (IllegalArgumentException e) {
                // keep the rendered form only
            }
            forms.add(href.replace("&", "&amp;"));
            return forms;
        }

        private int lineAt(int index) {
            int line = 1;
            for (int i = 0; i < index; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }
}
