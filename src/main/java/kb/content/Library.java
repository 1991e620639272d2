package kb.content;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything loaded from one read of the content folder: the articles by URL, their aliases and
 * translations, and the files that could not be served. Immutable; a reload makes a new one.
 */
public final class Library {
    private final Map<String, Article> byUrl;
    private final Map<String, String> aliases;
    private final Map<String, List<Article>> byLang;
    private final Map<String, Map<String, Article>> byTranslationKey;
    private final List<Problem> problems;
    private final Map<Path, Article> bySource;
    private final Map<Path, byte[]> fingerprints;
    private final String version;
    private final List<BrokenLink> brokenLinks;
    private final Catalog catalog;
    private final Languages languages;

    /** No articles at all: what a first load compares against. */
    public static final Library EMPTY = new Library(Languages.BUILT_IN, List.of(), List.of(), Map.of(), List.of(), List.of(), Map.of(), "empty");

    /** A library for checking links before the final one exists: no fingerprints, no version. */
    Library(Languages languages, List<Article> articles, List<Category> categories, Map<String, String> aliases, List<Problem> problems) {
        this(languages, articles, categories, aliases, problems, List.of(), Map.of(), "unversioned");
    }

    Library(Languages languages, List<Article> articles, List<Category> categories, Map<String, String> aliases, List<Problem> problems,
            List<BrokenLink> brokenLinks, Map<Path, byte[]> fingerprints, String version) {
        this.languages = languages;
        this.brokenLinks = List.copyOf(brokenLinks);
        this.version = version;
        this.fingerprints = Map.copyOf(fingerprints);
        this.byUrl = articles.stream().collect(Collectors.toUnmodifiableMap(Article::url, a -> a));
        this.bySource = articles.stream().collect(Collectors.toUnmodifiableMap(Article::source, a -> a));
        this.aliases = Map.copyOf(aliases);
        this.problems = List.copyOf(problems);
        Map<String, List<Article>> byLanguage = new HashMap<>();
        for (Article a : articles) {
            byLanguage.computeIfAbsent(a.lang(), k -> new java.util.ArrayList<>()).add(a);
        }
        Map<String, List<Article>> lists = new HashMap<>();
        for (String lang : languages.codes()) {
            lists.put(lang, ArticleOrder.byWeightThenNewest(byLanguage.getOrDefault(lang, List.of())));
        }
        this.byLang = Map.copyOf(lists);
        Map<String, Map<String, Article>> keys = new HashMap<>();
        for (Article a : articles) {
            if (!a.translationKey().isEmpty()) {
                keys.computeIfAbsent(a.translationKey(), k -> new HashMap<>()).put(a.lang(), a);
            }
        }
        this.byTranslationKey = keys.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Map.copyOf(e.getValue())));
        this.catalog = new Catalog(languages, articles, categories, this::translation);
    }

    /**
     * What a reload changed: the articles that came (new, or a new version of a file) and the
     * articles of the previous library that went (removed, or replaced by a new version), by identity.
     */
    record Delta(List<Article> come, Set<Article> gone) {}

    /** The articles of {@code articles} that {@code previous} does not hold, and those of {@code previous} that are no longer there. */
    static Delta delta(Library previous, List<Article> articles) {
        Set<Article> now = java.util.Collections.newSetFromMap(new IdentityHashMap<>(articles.size() * 2));
        now.addAll(articles);
        List<Article> come = new ArrayList<>();
        for (Article a : articles) {
            if (previous.bySource.get(a.source()) != a) {
                come.add(a);
            }
        }
        Set<Article> gone = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (List<Article> list : previous.byLang.values()) {
            for (Article a : list) {
                if (!now.contains(a)) {
                    gone.add(a);
                }
            }
        }
        return new Delta(come, gone);
    }

    /**
     * The library of a reload: {@code articles} as the loader found them, most of them the very
     * objects {@code previous} holds. When only a few came, went or changed, and the languages and
     * categories are the same, the previous library's maps and sorted lists are patched (each
     * list in its length plus a few comparisons) instead of built and sorted again; otherwise it
     * is built anew. Either way the result is the same library.
     */
    static Library after(Library previous, Delta delta, Languages languages, List<Article> articles, List<Category> categories,
            Map<String, String> aliases, List<Problem> problems) {
        if (previous.byUrl.isEmpty() || !previous.languages.equals(languages) || !previous.catalog.hasCategories(categories)
                || delta.come().size() + delta.gone().size() > Math.max(PATCH_LIMIT, articles.size() / 20)) {
            return new Library(languages, articles, categories, aliases, problems);
        }
        return new Library(previous, languages, delta.gone(), delta.come(), aliases, problems);
    }

    /**
     * The library after files were only edited (see {@code ContentLoader}): the same URLs, sources,
     * translation keys and aliases, no problems before or after; {@code delta} replaces articles
     * one for one. The previous library's maps and lists are patched.
     */
    static Library edited(Library previous, Delta delta) {
        return new Library(previous, previous.languages, delta.gone(), delta.come(), previous.aliases, previous.problems);
    }

    /** More changes than this (or a twentieth of the articles) and a reload builds the library anew. */
    private static final int PATCH_LIMIT = 64;

    private Library(Library previous, Languages languages, Set<Article> gone, List<Article> come, Map<String, String> aliases,
            List<Problem> problems) {
        this.languages = languages;
        this.brokenLinks = List.of();
        this.version = "unversioned";
        this.fingerprints = Map.of();
        // Patched, not copied: twenty thousand entries each, for the one article an edit changes.
        PatchedMap.Change<String, Article> urls = new PatchedMap.Change<>();
        PatchedMap.Change<Path, Article> sources = new PatchedMap.Change<>();
        PatchedMap.Change<String, Map<String, Article>> keys = new PatchedMap.Change<>();
        Set<String> keysTouched = new HashSet<>();
        for (Article a : gone) {
            // By identity: an article's equals would walk its whole body and sections.
            if (previous.byUrl.get(a.url()) == a) {
                urls.remove(a.url());
            }
            if (previous.bySource.get(a.source()) == a) {
                sources.remove(a.source());
            }
            if (!a.translationKey().isEmpty()) {
                keysTouched.add(a.translationKey());
            }
        }
        for (Article a : come) {
            urls.put(a.url(), a);
            sources.put(a.source(), a);
            if (!a.translationKey().isEmpty()) {
                keysTouched.add(a.translationKey());
            }
        }
        for (String key : keysTouched) {
            Map<String, Article> inner = new HashMap<>(previous.byTranslationKey.getOrDefault(key, Map.of()));
            inner.values().removeIf(gone::contains);
            for (Article a : come) {
                if (a.translationKey().equals(key)) {
                    inner.put(a.lang(), a);
                }
            }
            if (inner.isEmpty()) {
                keys.remove(key);
            } else {
                keys.put(key, Map.copyOf(inner));
            }
        }
        this.byUrl = urls.apply(previous.byUrl);
        this.bySource = sources.apply(previous.bySource);
        this.byTranslationKey = keys.apply(previous.byTranslationKey);
        this.aliases = Map.copyOf(aliases);
        this.problems = List.copyOf(problems);
        Map<String, List<Article>> lists = new HashMap<>();
        for (String lang : languages.codes()) {
            List<Article> came = come.stream().filter(a -> a.lang().equals(lang)).toList();
            List<Article> before = previous.byLang.getOrDefault(lang, List.of());
            boolean touched = !came.isEmpty() || gone.stream().anyMatch(a -> a.lang().equals(lang));
            lists.put(lang, touched ? ArticleOrder.byWeightThenNewest(before, gone, came) : before);
        }
        this.byLang = Map.copyOf(lists);
        this.catalog = previous.catalog.after(languages, gone, come, this::translation);
    }

    /**
     * This library with what the link check found and its version: the indexes and the catalog
     * are shared, not built again, since the articles are the same.
     *
     * @param fingerprints unmodifiable, kept as it is
     */
    Library checked(List<BrokenLink> brokenLinks, Map<Path, byte[]> fingerprints, String version) {
        return new Library(this, brokenLinks, fingerprints, version);
    }

    private Library(Library base, List<BrokenLink> brokenLinks, Map<Path, byte[]> fingerprints, String version) {
        this.languages = base.languages;
        this.byUrl = base.byUrl;
        this.bySource = base.bySource;
        this.aliases = base.aliases;
        this.problems = base.problems;
        this.byLang = base.byLang;
        this.byTranslationKey = base.byTranslationKey;
        this.catalog = base.catalog;
        this.brokenLinks = List.copyOf(brokenLinks);
        // The loader's own map, made for this library and unmodifiable: not copied (twenty thousand entries at each edit).
        this.fingerprints = fingerprints;
        this.version = version;
    }

    /** The languages this library was loaded with ({@code content/languages.yaml}), in order, with the default. */
    public Languages languages() {
        return languages;
    }

    /** Categories, tags, recent and related articles: how readers browse this library. */
    public Catalog catalog() {
        return catalog;
    }

    /** The article at a site-relative URL (no trailing slash). */
    public Optional<Article> article(String url) {
        return Optional.ofNullable(byUrl.get(url));
    }

    /** Where an old URL (an alias) now lives. */
    public Optional<String> redirectFor(String url) {
        return Optional.ofNullable(aliases.get(url));
    }

    /** The order of {@link #articles(String)}: by weight, then newest first, then title, then URL. */
    public static final java.util.Comparator<Article> LIST_ORDER = ArticleOrder.WEIGHT_NEWEST;

    /** The articles of one language, by weight, then newest first, then title. */
    public List<Article> articles(String lang) {
        return byLang.getOrDefault(lang, List.of());
    }

    /** Every article, all languages. */
    public List<Article> all() {
        return byLang.values().stream().flatMap(List::stream).toList();
    }

    /** The article in another language that shares this one's translation key. */
    public Optional<Article> translation(Article article, String lang) {
        if (article.lang().equals(lang)) {
            return Optional.of(article);
        }
        if (article.translationKey().isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(byTranslationKey.getOrDefault(article.translationKey(), Map.of()).get(lang));
    }

    /** The article of a language with this translation key, if there is one. */
    public Optional<Article> byTranslationKey(String translationKey, String lang) {
        return Optional.ofNullable(byTranslationKey.getOrDefault(translationKey, Map.of()).get(lang));
    }

    /** A digest of every content file's path and bytes: equal on every replica serving the same files. */
    public String version() {
        return version;
    }

    /** The files the articles were loaded from (relative to the content folder). */
    java.util.Set<Path> sources() {
        return bySource.keySet();
    }

    /** The article loaded from a file (path relative to the content folder). */
    Optional<Article> bySource(Path source) {
        return Optional.ofNullable(bySource.get(source));
    }

    /** Each article's file digest, by file. */
    Map<Path, byte[]> fingerprints() {
        return fingerprints;
    }

    /** The digest of the path and bytes an article was loaded from; empty when unknown. */
    byte[] fingerprint(Path source) {
        return fingerprints.getOrDefault(source, new byte[0]);
    }

    /** The files that were not served, each with its reason. */
    public List<Problem> problems() {
        return problems;
    }

    /** The internal links of the served articles that lead to no page or no section, in file order. */
    public List<BrokenLink> brokenLinks() {
        return brokenLinks;
    }
}
