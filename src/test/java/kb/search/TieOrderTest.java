package kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kb.content.Article;
import kb.content.Library;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers that score alike come in the same order however the index was built: by their URL, not
 * by the order their files happened to be indexed in (a parallel build, another replica, a restart).
 */
class TieOrderTest {
    @TempDir
    Path dir;

    private static SearchIndex indexed(Library library, List<Article> order) {
        SearchEngine engine = SearchEngine.inMemory();
        engine.prepare(library.languages());
        for (Article a : order) {
            engine.keep(a, 0, 0, new byte[0]);
        }
        return engine.publish(library, Map.of());
    }

    private static List<String> urls(SearchIndex index, String query) {
        return index.search(query, "en", 10).results().stream().map(SearchHit::url).toList();
    }

    @Test
    void equalAnswersComeInTheSameOrderWhateverOrderTheFilesWereIndexedIn() {
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : List.of("delta", "alpha", "echo", "charlie", "bravo", "foxtrot")) {
            // The same words in every article: every one of them scores alike.
            files.put("en/" + name + ".md", "---\ntitle: \"Guide " + name + "\"\n---\n\n"
                    + "## Shared mailbox sync {#sync}\n\nThe shared mailbox stops syncing with the calendar.\n");
        }
        Library library = TestContent.write(dir, files);
        List<Article> forward = new ArrayList<>(library.all());
        List<Article> backward = new ArrayList<>(forward);
        Collections.reverse(backward);
        SearchIndex one = indexed(library, forward);
        SearchIndex other = indexed(library, backward);
        for (String query : List.of("shared mailbox", "calendar syncing", "mailbox stops")) {
            List<String> first = urls(one, query);
            assertThat(first).as(query).hasSize(files.size());
            assertThat(urls(other, query)).as(query).isEqualTo(first);
            assertThat(first).as(query).isSorted();
        }
    }
}
