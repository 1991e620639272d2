package kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.Test;

/**
 * A query analyzed once and made again for another field is the query the builder makes for that
 * field: every word and two-word run of the readers' questions, identifiers and accents included,
 * in both languages.
 */
class FieldRenameTest {
    @Test
    void aQueryMadeForAnotherFieldIsTheOneTheBuilderMakesThere() throws Exception {
        List<String> lines = Files.readAllLines(SearchEvaluation.QUERIES, StandardCharsets.UTF_8);
        for (String lang : List.of("pt", "en")) {
            Set<String> texts = new LinkedHashSet<>(List.of("Mail.ReadWrite", "REST_API_NOT_ENABLED", "AADSTS65001",
                    "offline_access", "HubSpot", "locatário", "e-mail", "Office 365", "não consigo"));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t");
                if (!f[0].equals(lang)) {
                    continue;
                }
                String[] words = f[3].split("\\s+");
                for (int i = 0; i < words.length; i++) {
                    texts.add(words[i]);
                    if (i + 1 < words.length) {
                        texts.add(words[i] + " " + words[i + 1]);
                    }
                }
            }
            QueryBuilder builder = new QueryBuilder(new Analysis(lang).forQuery());
            builder.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
            List<String> kinds = new ArrayList<>();
            for (String text : texts) {
                Query heading = builder.createPhraseQuery(Analysis.HEADING, text);
                for (String field : List.of(Analysis.CONTEXT, Analysis.BODY)) {
                    Query fresh = builder.createPhraseQuery(field, text);
                    if (heading == null) {
                        assertThat(fresh).as("%s in %s", text, field).isNull();
                        continue;
                    }
                    Query renamed = FieldRename.to(heading, field);
                    assertThat(renamed).as("%s (%s) in %s", text, heading.getClass().getSimpleName(), field).isEqualTo(fresh);
                    kinds.add(heading.getClass().getSimpleName());
                }
            }
            assertThat(texts).as(lang).hasSizeGreaterThan(500);
            assertThat(Set.copyOf(kinds)).as("the kinds of query renamed, %s", lang).contains("TermQuery", "BooleanQuery", "PhraseQuery", "MultiPhraseQuery", "SynonymQuery");
        }
    }
}
