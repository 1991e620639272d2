package kb.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import kb.BrowseContent;
import kb.ContentFiles;
import kb.TestServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The home stays small however many articles there are: it shows categories, never the whole list. */
class HomeSizeTest {
    static final int PER_LANGUAGE = 2_000;
    static final int AT_THE_TOP = 60;
    static final List<String> FOLDERS = List.of("mail", "calendar", "security", "sync", "api", "mobile-devices",
            "licensing", "migration", "compliance", "integrations", "authentication", "administration");

    @TempDir
    Path content;

    @Test
    void theHomeOfTwoThousandArticlesPerLanguageStaysUnder100KbAndPagesTheArticlesAtTheTop() throws Exception {
        LocalDate day = LocalDate.of(2023, 1, 1);
        for (String lang : List.of("pt", "en")) {
            for (int i = 0; i < PER_LANGUAGE; i++) {
                String folder = i < AT_THE_TOP ? "" : FOLDERS.get(i % FOLDERS.size()) + "/";
                String title = (lang.equals("pt") ? "Artigo de ajuda número " : "Help article number ") + i;
                ContentFiles.write(content, lang + "/" + folder + "article-" + i + ".md",
                        BrowseContent.article(title, "k" + i, day.plusDays(i % 700), List.of("tag-" + (i % 30)), null));
            }
        }
        try (TestServer server = new TestServer(content)) {
            for (String lang : List.of("pt", "en")) {
                HttpResponse<String> home = server.get("/" + lang + "/");
                assertThat(home.statusCode()).isEqualTo(200);
                int bytes = home.body().getBytes(StandardCharsets.UTF_8).length;
                assertThat(bytes).as(lang + " home bytes").isLessThan(100 * 1024);
                Document doc = Jsoup.parse(home.body(), server.base());
                assertThat(doc.select(".category-card")).hasSize(FOLDERS.size());
                assertThat(doc.select(".category-card .category-preview li")).hasSize(FOLDERS.size() * 3);
                assertThat(doc.select(".home-recent a.article-link")).hasSize(10);
                // 60 articles outside any folder: 50 on the home, the rest on its page 2.
                assertThat(doc.select(".home-articles a.article-link")).hasSize(50);
                assertThat(doc.select(".home-articles .pagination a[rel=next]").attr("href")).isEqualTo("/" + lang + "/?page=2");
                Document second = server.page("/" + lang + "/?page=2");
                assertThat(second.select(".home-articles a.article-link")).hasSize(AT_THE_TOP - 50);
                assertThat(second.select(".category-card")).isEmpty();
                int listed = doc.select(".category-card .category-count").eachText().stream()
                        .mapToInt(t -> Integer.parseInt(t.replaceAll("[^0-9]", ""))).sum();
                assertThat(listed).isEqualTo(PER_LANGUAGE - AT_THE_TOP);
            }
        }
    }
}
