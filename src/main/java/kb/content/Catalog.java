package kb.content;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * The ways to browse a {@link Library}: categories (folders) with their subcategories and articles,
 * tags, the recently updated articles and each article's related ones. Built once per content
 * version with every index it needs (by folder, by tag), so no page walks the whole library.
 */
public final class Catalog {
    /** Lists of categories and articles: by weight, then title. */
    public static final Comparator<Article> ARTICLE_ORDER = Comparator.comparingInt(Article::weight)
            .thenComparing(Article::title, String.CASE_INSENSITIVE_ORDER).thenComparing(Article::url);
    static final Comparator<Category> CATEGORY_ORDER = Comparator.comparingInt(Category::weight)
            .thenComparing(Category::title, String.CASE_INSENSITIVE_ORDER).thenComparing(Category::url);
    private static final Comparator<Article> NEWEST_FIRST = Comparator
            .comparing((Article a) -> a.lastmod().orElse(LocalDate.MIN), Comparator.reverseOrder())
            .thenComparing(Article::title, String.CASE_INSENSITIVE_ORDER).thenComparing(Article::url);
    /** How many related articles an article shows. */
    public static final int RELATED = 5;
    /** How many recently updated articles a language keeps at hand. */
    public static final int RECENT = 10;

    private final Map<String, Category> categories;
    /** By the URL of what holds them ({@code /pt} for the top of the language): subcategories and articles. */
    private final Map<String, List<Category>> subcategories = new HashMap<>();
    private final Map<String, List<Article>> articlesIn = new HashMap<>();
    private final Map<String, Integer> counts = new HashMap<>();
    private final Map<String, Map<String, Tag>> tags = new HashMap<>();
    private final Map<String, List<Article>> tagged = new HashMap<>();
    private final Map<String, List<Article>> recent = new HashMap<>();
    private final Map<String, Category> translations = new HashMap<>();
    private final Map<String, List<Article>> related = new ConcurrentHashMap<>();

    Catalog(Languages languages, List<Article> articles, List<Category> categories, BiFunction<Article, String, Optional<Article>> translation) {
        this.categories = categories.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(Category::url, c -> c, (a, b) -> a));
        for (Category c : this.categories.values()) {
            subcategories.computeIfAbsent(holder(c.url()), k -> new ArrayList<>()).add(c);
        }
        subcategories.replaceAll((k, list) -> list.stream().sorted(CATEGORY_ORDER).toList());
        Map<String, List<Article>> byLang = new HashMap<>();
        for (Article a : articles) {
            String holder = holder(a.url());
            articlesIn.computeIfAbsent(holder, k -> new ArrayList<>()).add(a);
            for (String at = holder; this.categories.containsKey(at); at = holder(at)) {
                counts.merge(at, 1, Integer::sum);
            }
            byLang.computeIfAbsent(a.lang(), k -> new ArrayList<>()).add(a);
        }
        articlesIn.replaceAll((k, list) -> ArticleOrder.byWeightThenTitle(list));
        byLang.forEach((lang, list) -> {
            List<Article> sorted = ArticleOrder.byWeightThenTitle(list);
            Map<String, Tag> named = new LinkedHashMap<>();
            String prefix = lang + "/";
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (Article a : sorted) {
                seen.clear();
                for (String tag : a.tags()) {
                    String slug = HeadingIds.slug(tag);
                    // A tag's name is as the first article (in list order) writes it, the first of its spellings there.
                    if (!slug.isEmpty() && seen.add(slug)) {
                        named.putIfAbsent(slug, new Tag(lang, slug, tag, 0));
                        tagged.computeIfAbsent(prefix + slug, k -> new ArrayList<>()).add(a);
                    }
                }
            }
            tags.put(lang, byName(named.values().stream()
                    .map(t -> new Tag(lang, t.slug(), t.name(), tagged.get(lang + "/" + t.slug()).size())).toList()));
            recent.put(lang, ArticleOrder.newest(list, RECENT));
        });
        matchTranslations(languages, translation);
    }

    /** Whether this catalog was made with exactly these categories. */
    boolean hasCategories(List<Category> others) {
        return others.size() == categories.size() && others.stream().allMatch(c -> c.equals(categories.get(c.url())));
    }

    /**
     * This catalog without the articles that went (by identity) and with those that came, the
     * categories being the same: only the lists, counts and tags they are in are patched; the
     * categories' translations are matched again (a walk of the categories' articles, no sorting).
     */
    Catalog after(Languages languages, Set<Article> gone, List<Article> come, BiFunction<Article, String, Optional<Article>> translation) {
        return new Catalog(this, languages, gone, come, translation);
    }

    private Catalog(Catalog previous, Languages languages, Set<Article> gone, List<Article> come,
            BiFunction<Article, String, Optional<Article>> translation) {
        this.categories = previous.categories;
        subcategories.putAll(previous.subcategories);
        articlesIn.putAll(previous.articlesIn);
        counts.putAll(previous.counts);
        tagged.putAll(previous.tagged);
        tags.putAll(previous.tags);
        recent.putAll(previous.recent);
        // The lists each changed article is in (its folder's, its tags'), with the articles that came to them.
        Map<String, List<Article>> folders = new HashMap<>();
        Map<String, List<Article>> tagLists = new HashMap<>();
        Set<String> langs = new HashSet<>();
        gone.forEach(a -> note(a, false, folders, tagLists, langs));
        come.forEach(a -> note(a, true, folders, tagLists, langs));
        counts.values().removeIf(n -> n == 0);
        patch(articlesIn, folders, gone);
        patch(tagged, tagLists, gone);
        for (String lang : langs) {
            // The touched tags' names and counts again; a tag's name is as the first article of its list writes it.
            Map<String, Tag> named = new HashMap<>(previous.tags.getOrDefault(lang, Map.of()));
            String prefix = lang + "/";
            for (String key : tagLists.keySet()) {
                if (key.startsWith(prefix)) {
                    String slug = key.substring(prefix.length());
                    List<Article> list = tagged.get(key);
                    if (list == null) {
                        named.remove(slug);
                    } else {
                        String name = list.get(0).tags().stream().filter(t -> HeadingIds.slug(t).equals(slug)).findFirst().orElse(slug);
                        named.put(slug, new Tag(lang, slug, name, list.size()));
                    }
                }
            }
            tags.put(lang, byName(named.values()));
            recent.put(lang, recentAfter(previous.recent.getOrDefault(lang, List.of()), lang, gone, come));
        }
        if (sameHomesAndKeys(gone, come)) {
            translations.putAll(previous.translations);
        } else {
            matchTranslations(languages, translation);
        }
    }

    /**
     * Counts an article into its folders or out of them, and notes its folder's and its tags'
     * lists as ones to patch (with the article in them when it came).
     */
    private void note(Article a, boolean came, Map<String, List<Article>> folders, Map<String, List<Article>> tagLists,
            Set<String> langs) {
        String holder = holder(a.url());
        for (String at = holder; categories.containsKey(at); at = holder(at)) {
            counts.merge(at, came ? 1 : -1, Integer::sum);
        }
        List<Article> folder = folders.computeIfAbsent(holder, k -> new ArrayList<>());
        if (came) {
            folder.add(a);
        }
        for (String slug : tagSlugs(a)) {
            List<Article> tag = tagLists.computeIfAbsent(a.lang() + "/" + slug, k -> new ArrayList<>());
            if (came) {
                tag.add(a);
            }
        }
        langs.add(a.lang());
    }

    /** Each noted list without the articles that went and with those that came; an emptied list goes. */
    private static void patch(Map<String, List<Article>> lists, Map<String, List<Article>> came, Set<Article> gone) {
        came.forEach((key, added) -> {
            List<Article> list = ArticleOrder.byWeightThenTitle(lists.getOrDefault(key, List.of()), gone, added);
            if (list.isEmpty()) {
                lists.remove(key);
            } else {
                lists.put(key, list);
            }
        });
    }

    /** A language's tags by name, as its tag index lists them, by slug. */
    private static Map<String, Tag> byName(java.util.Collection<Tag> tags) {
        Map<String, Tag> sorted = new LinkedHashMap<>();
        tags.stream().sorted(Comparator.comparing(Tag::name, String.CASE_INSENSITIVE_ORDER)).forEach(t -> sorted.put(t.slug(), t));
        return sorted;
    }

    /**
     * Whether the articles that came are the ones that went, each in the same folder with the same
     * translation key (an edit of a title, a text, tags): then no category's translation changes.
     */
    private boolean sameHomesAndKeys(Set<Article> gone, List<Article> come) {
        if (gone.size() != come.size()) {
            return false;
        }
        Map<Path, Article> before = new HashMap<>();
        gone.forEach(a -> before.put(a.source(), a));
        for (Article a : come) {
            Article b = before.get(a.source());
            if (b == null || !b.url().equals(a.url()) || !b.lang().equals(a.lang()) || !b.translationKey().equals(a.translationKey())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The newest articles of a language after a change: the previous ones and those that came,
     * unless one of the previous ones went (then the next newest is unknown here and every article
     * of the language is looked at).
     */
    private List<Article> recentAfter(List<Article> before, String lang, Set<Article> gone, List<Article> come) {
        List<Article> candidates = new ArrayList<>();
        for (Article a : before) {
            if (gone.contains(a)) {
                List<Article> all = new ArrayList<>();
                articlesIn.forEach((holder, list) -> {
                    if (holder.equals("/" + lang) || holder.startsWith("/" + lang + "/")) {
                        all.addAll(list);
                    }
                });
                return ArticleOrder.newest(all, RECENT);
            }
            candidates.add(a);
        }
        for (Article a : come) {
            if (a.lang().equals(lang)) {
                candidates.add(a);
            }
        }
        return ArticleOrder.newest(candidates, RECENT);
    }

    /**
     * A category's version in another language: the one with the same {@code translationKey}, else
     * the one where most of its articles' translations live, when that one's articles likewise
     * translate mostly into it (folders translated as in {@code seguranca/} and {@code security/}).
     */
    private void matchTranslations(Languages languages, BiFunction<Article, String, Optional<Article>> translation) {
        Map<String, Category> byKey = new HashMap<>();
        for (Category c : categories.values()) {
            if (!c.translationKey().isEmpty()) {
                byKey.putIfAbsent(c.lang() + "\0" + c.translationKey(), c);
            }
        }
        Map<String, Category> likely = new HashMap<>();
        for (Category c : categories.values()) {
            List<Article> own = articlesIn.getOrDefault(c.url(), List.of());
            for (String lang : languages.codes()) {
                if (lang.equals(c.lang())) {
                    continue;
                }
                if (!c.translationKey().isEmpty() && byKey.containsKey(lang + "\0" + c.translationKey())) {
                    translations.put(c.url() + "\0" + lang, byKey.get(lang + "\0" + c.translationKey()));
                    continue;
                }
                Map<String, Integer> votes = new HashMap<>();
                for (Article a : own) {
                    translation.apply(a, lang).map(t -> holder(t.url())).filter(categories::containsKey)
                            .ifPresent(u -> votes.merge(u, 1, Integer::sum));
                }
                votes.forEach((u, n) -> {
                    if (n * 2 > own.size()) {
                        likely.put(c.url() + "\0" + lang, categories.get(u));
                    }
                });
            }
        }
        likely.forEach((key, there) -> {
            String url = key.substring(0, key.indexOf('\0'));
            Category back = likely.get(there.url() + "\0" + categories.get(url).lang());
            if (back != null && back.url().equals(url)) {
                translations.putIfAbsent(key, there);
            }
        });
    }

    /**
     * Which category and tag pages exist: what a link to a page that is not an article depends on.
     * Equal for two catalogs with the same pages.
     */
    Object shape() {
        return List.of(categories.keySet(), tagged.keySet());
    }

    /** What holds a page: the category one folder up, or the language's top ({@code /pt}). */
    private String holder(String url) {
        String up = url.substring(0, url.lastIndexOf('/'));
        while (up.indexOf('/', 1) > 0 && !categories.containsKey(up)) {
            up = up.substring(0, up.lastIndexOf('/'));
        }
        return up;
    }

    private static List<String> tagSlugs(Article a) {
        return a.tags().stream().map(HeadingIds::slug).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** The category at a site-relative URL (no trailing slash). */
    public Optional<Category> category(String url) {
        return Optional.ofNullable(categories.get(url));
    }

    /** Every category of a language, by URL. */
    public List<Category> categories(String lang) {
        return categories.values().stream().filter(c -> c.lang().equals(lang))
                .sorted(java.util.Comparator.comparing(Category::url)).toList();
    }

    /** The categories at the top of a language, by weight then title. */
    public List<Category> topCategories(String lang) {
        return subcategories.getOrDefault("/" + lang, List.of());
    }

    /** The categories directly inside one, by weight then title. */
    public List<Category> subcategories(Category category) {
        return subcategories.getOrDefault(category.url(), List.of());
    }

    /** The articles directly inside a category, by weight then title. */
    public List<Article> articles(Category category) {
        return articlesIn.getOrDefault(category.url(), List.of());
    }

    /** The articles at the top of a language folder, in no category, by weight then title. */
    public List<Article> topArticles(String lang) {
        return articlesIn.getOrDefault("/" + lang, List.of());
    }

    /** How many articles a category holds, its subcategories' included. */
    public int articleCount(Category category) {
        return counts.getOrDefault(category.url(), 0);
    }

    /** The category an article is in; empty for one at the top of its language. */
    public Optional<Category> categoryOf(Article article) {
        return category(holder(article.url()));
    }

    /** The categories from the top of the language down to this page's own: what its breadcrumb shows. */
    public List<Category> trail(String url) {
        List<Category> trail = new ArrayList<>();
        for (String at = holder(url); categories.containsKey(at); at = holder(at)) {
            trail.add(0, categories.get(at));
        }
        return trail;
    }

    /** The same category in another language, by translationKey or by where its articles' translations are. */
    public Optional<Category> translation(Category category, String lang) {
        if (category.lang().equals(lang)) {
            return Optional.of(category);
        }
        return Optional.ofNullable(translations.get(category.url() + "\0" + lang));
    }

    /** Every tag of a language, by name. */
    public List<Tag> tags(String lang) {
        return List.copyOf(tags.getOrDefault(lang, Map.of()).values());
    }

    /** The tag of a language with this slug. */
    public Optional<Tag> tag(String lang, String slug) {
        return Optional.ofNullable(tags.getOrDefault(lang, Map.of()).get(slug));
    }

    /** An article's tags, as it lists them. */
    public List<Tag> tagsOf(Article article) {
        Map<String, Tag> ofLang = tags.getOrDefault(article.lang(), Map.of());
        return tagSlugs(article).stream().map(ofLang::get).filter(java.util.Objects::nonNull).toList();
    }

    /** The articles carrying a tag, by weight then title. */
    public List<Article> articles(Tag tag) {
        return tagged.getOrDefault(tag.lang() + "/" + tag.slug(), List.of());
    }

    /** The most recently updated articles of a language, newest first; at most {@link #RECENT}. */
    public List<Article> recent(String lang) {
        return recent.getOrDefault(lang, List.of());
    }

    /**
     * Up to {@link #RELATED} articles of the same language to read next: those sharing the article's
     * category and tags first. Worked out the first time it is asked, once per content version, from
     * the article's own category and tags only.
     */
    public List<Article> related(Article article) {
        return related.computeIfAbsent(article.url(), u -> relatedTo(article));
    }

    private List<Article> relatedTo(Article article) {
        String home = holder(article.url());
        // By identity: an article's own equals and hashCode would walk its whole body and sections.
        // Twice the score (the folder counts 2, each shared tag 1), plus one in the same folder: the
        // order of score, then the same folder first, in one number.
        Map<Article, Integer> rank = new java.util.IdentityHashMap<>();
        for (Article a : articlesIn.getOrDefault(home, List.of())) {
            rank.merge(a, 2 * 2 + 1, Integer::sum);
        }
        for (String slug : tagSlugs(article)) {
            for (Article a : tagged.getOrDefault(article.lang() + "/" + slug, List.of())) {
                rank.merge(a, 2, Integer::sum);
            }
        }
        rank.remove(article);
        // The best few of thousands (a folder, a common tag), kept in one pass instead of sorting
        // them all: that took tens of milliseconds on the first view of an article after every edit.
        Candidate[] kept = new Candidate[RELATED];
        int size = 0;
        for (Map.Entry<Article, Integer> e : rank.entrySet()) {
            Candidate c = new Candidate(e.getKey(), e.getValue());
            if (size == kept.length && c.compareTo(kept[size - 1]) >= 0) {
                continue;
            }
            int at = size == kept.length ? size - 1 : size++;
            while (at > 0 && c.compareTo(kept[at - 1]) < 0) {
                kept[at] = kept[at - 1];
                at--;
            }
            kept[at] = c;
        }
        List<Article> out = new java.util.ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(kept[i].article());
        }
        return List.copyOf(out);
    }

    /** A related article with its rank (see {@link #relatedTo}); of equal ranks, the newest first. */
    private record Candidate(Article article, int rank) implements Comparable<Candidate> {
        @Override
        public int compareTo(Candidate o) {
            return rank != o.rank ? Integer.compare(o.rank, rank) : NEWEST_FIRST.compare(article, o.article);
        }
    }
}
