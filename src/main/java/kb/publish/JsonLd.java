package kb.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kb.content.Article;

/**
 * The schema.org data of a page as JSON-LD: a TechArticle for an article, the WebSite (with its
 * search action) for a home, a WebPage otherwise, each with its BreadcrumbList. The JSON is written
 * by Jackson and then made safe to sit inside {@code <script type="application/ld+json">}.
 */
final class JsonLd {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where a page sits: the site's home in that language, the categories on the way (absolute URLs) and the page itself. */
    record Place(String lang, String inLanguage, String siteName, String homeUrl, String url, String title, String description, List<Step> trail) {}

    /** A page between the home and this one in the BreadcrumbList. */
    record Step(String name, String url) {}

    private JsonLd() {}

    static String home(Place p, String searchTemplate) {
        Map<String, Object> site = node("WebSite");
        site.put("name", p.siteName());
        site.put("url", p.homeUrl());
        site.put("inLanguage", p.inLanguage());
        putIfNotEmpty(site, "description", p.description());
        Map<String, Object> action = node("SearchAction");
        Map<String, Object> target = node("EntryPoint");
        target.put("urlTemplate", searchTemplate);
        action.put("target", target);
        action.put("query-input", "required name=search_term_string");
        site.put("potentialAction", action);
        return graph(List.of(site));
    }

    static String article(Place p, Article article) {
        Map<String, Object> a = node("TechArticle");
        a.put("@id", p.url() + "#article");
        a.put("headline", p.title());
        a.put("name", p.title());
        putIfNotEmpty(a, "description", p.description());
        a.put("inLanguage", p.inLanguage());
        article.lastmod().ifPresent(d -> a.put("dateModified", d.toString()));
        a.put("url", p.url());
        a.put("mainEntityOfPage", p.url());
        if (!article.tags().isEmpty()) {
            a.put("keywords", String.join(", ", article.tags()));
        }
        a.put("isPartOf", website(p));
        return graph(List.of(a, breadcrumbs(p)));
    }

    static String page(Place p) {
        Map<String, Object> page = node("WebPage");
        page.put("name", p.title());
        putIfNotEmpty(page, "description", p.description());
        page.put("inLanguage", p.inLanguage());
        page.put("url", p.url());
        page.put("isPartOf", website(p));
        return graph(List.of(page, breadcrumbs(p)));
    }

    private static Map<String, Object> website(Place p) {
        Map<String, Object> site = node("WebSite");
        site.put("name", p.siteName());
        site.put("url", p.homeUrl());
        return site;
    }

    private static Map<String, Object> breadcrumbs(Place p) {
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(crumb(1, p.siteName(), p.homeUrl()));
        for (Step step : p.trail()) {
            items.add(crumb(items.size() + 1, step.name(), step.url()));
        }
        items.add(crumb(items.size() + 1, p.title(), p.url()));
        Map<String, Object> list = node("BreadcrumbList");
        list.put("itemListElement", items);
        return list;
    }

    private static Map<String, Object> crumb(int position, String name, String url) {
        Map<String, Object> item = node("ListItem");
        item.put("position", position);
        item.put("name", name);
        item.put("item", url);
        return item;
    }

    private static Map<String, Object> node(String type) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("@type", type);
        return node;
    }

    private static void putIfNotEmpty(Map<String, Object> node, String key, String value) {
        Optional.ofNullable(value).filter(v -> !v.isBlank()).ifPresent(v -> node.put(key, v));
    }

    private static String graph(List<Map<String, Object>> nodes) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", "https://schema.org");
        doc.put("@graph", nodes);
        try {
            return scriptSafe(JSON.writeValueAsString(doc));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings always serialize", e);
        }
    }

    /**
     * Inside a script element the HTML parser ends the block at {@code </script} and treats
     * {@code <!--} specially; JSON allows these characters escaped, so no text can close the block.
     */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }
}
