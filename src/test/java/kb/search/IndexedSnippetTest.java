package kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.content.Article;
import kb.content.Library;
import kb.content.Section;
import org.junit.jupiter.api.Test;

/**
 * A section's snippet is marked from the offsets its body's postings keep, not by analysing the
 * text again: the marks must be exactly those the analysis finds, on the shipped articles and
 * among the bench's generated ones, for the kinds of words readers type (plain, accented or not,
 * identifiers and codes, misspelled, several at once, phrases).
 */
class IndexedSnippetTest {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_.]*[\\p{L}\\p{N}]|\\p{L}");

    @Test
    void shippedSnippetsMarkWhatTheAnalysisMarks() throws IOException {
        compare(TestContent.shippedLibrary(), TestContent.shipped(), 600);
    }

    @Test
    void snippetsAmongTheBenchArticlesMarkWhatTheAnalysisMarks() throws IOException {
        java.nio.file.Path content = SearchEvaluation.withDistractors();
        Library library = TestContent.load(content);
        compare(library, SearchIndex.build(library, content), 600);
    }

    private static void compare(Library library, SearchIndex index, int queriesPerLanguage) throws IOException {
        Random random = new Random(7);
        int indexed = 0;
        int compared = 0;
        for (String lang : List.of("pt", "en")) {
            LanguageIndex language = index.languageIndex(lang);
            List<String> words = words(library.articles(lang));
            for (int q = 0; q < queriesPerLanguage; q++) {
                String query = query(words, random);
                LanguageIndex.Ranking ranking = language.rank(UserQuery.parse(query), Long.MAX_VALUE, null);
                MatchedTerms matched = MatchedTerms.of(ranking.query());
                Snippets.Postings postings = ranking.view() == null ? null : new Snippets.Postings(matched, ranking.view().getIndexReader());
                List<LanguageIndex.Scored> hits = ranking.hits();
                for (int i = 0; i < Math.min(10, hits.size()); i++) {
                    LanguageIndex.Scored hit = hits.get(i);
                    String fromIndex = language.hits(List.of(hit), matched, postings).get(0).snippet();
                    String fromText = language.hits(List.of(hit), matched, null).get(0).snippet();
                    assertThat(fromIndex).as("%s: “%s”, %s", lang, query, hit.entry().url()).isEqualTo(fromText);
                    compared++;
                    if (hit.entry().section() != null && postings != null) {
                        String text = hit.entry().section().text() != null ? hit.entry().section().text()
                                : IndexStore.sectionTexts(language.reader(), new int[] {hit.doc()})[0];
                        // Asked directly: null would mean the marks were not read from the postings at all.
                        String read = text.isBlank() ? null : Snippets.indexed(text, postings, hit.doc());
                        if (read != null && read.contains("<mark>")) {
                            assertThat(read).isEqualTo(fromIndex);
                            indexed++;
                        }
                    }
                }
            }
        }
        // The comparison means something only if many of the snippets compared were read from the postings.
        assertThat(compared).isGreaterThan(1000);
        assertThat(indexed).isGreaterThan(compared / 3);
    }

    /** Every word of every section's text, as written (identifiers and codes whole). */
    private static List<String> words(List<Article> articles) {
        List<String> words = new ArrayList<>();
        for (Article article : articles) {
            for (Section section : article.sections()) {
                if (section.text() == null) {
                    continue;
                }
                Matcher m = WORD.matcher(section.text());
                while (m.find()) {
                    words.add(m.group());
                }
            }
        }
        return words;
    }

    private static String query(List<String> words, Random random) {
        int n = 1 + random.nextInt(3);
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String w = words.get(random.nextInt(words.size()));
            switch (random.nextInt(6)) {
                case 0 -> w = java.text.Normalizer.normalize(w, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
                case 1 -> w = w.length() > 4 ? w.substring(0, 2) + w.substring(3) : w; // a letter left out
                case 2 -> w = w.toLowerCase(java.util.Locale.ROOT);
                default -> { }
            }
            picked.add(w);
        }
        String query = String.join(" ", picked);
        return n > 1 && random.nextInt(5) == 0 ? "\"" + query + "\"" : query;
    }
}
