package kb.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * How the articles write each accent-free word: {@code permissoes} is shown as {@code permissões}.
 * Made once per index from the terms of the spell field, so a suggestion reads like the articles.
 */
final class Vocabulary {
    private final Map<String, String> writtenForm;

    private Vocabulary(Map<String, String> writtenForm) {
        this.writtenForm = Map.copyOf(writtenForm);
    }

    static Vocabulary of(IndexReader reader) throws IOException {
        Terms terms = MultiTerms.getTerms(reader, Analysis.SPELL);
        if (terms == null) {
            return new Vocabulary(Map.of());
        }
        record Best(String word, int docFreq) {}
        Map<String, Best> best = new HashMap<>();
        TermsEnum it = terms.iterator();
        for (BytesRef term = it.next(); term != null; term = it.next()) {
            if (isAscii(term)) {
                continue;
            }
            String word = term.utf8ToString();
            int df = it.docFreq();
            best.merge(Analysis.fold(word), new Best(word, df), (a, b) -> b.docFreq() > a.docFreq() ? b : a);
        }
        Map<String, String> written = new HashMap<>();
        for (Map.Entry<String, Best> e : best.entrySet()) {
            // The folded form counts every document with either spelling: show the accented one
            // when at least half of them write it so.
            int foldedDf = it.seekExact(new BytesRef(e.getKey())) ? it.docFreq() : 0;
            if (e.getValue().docFreq() * 2 >= foldedDf) {
                written.put(e.getKey(), e.getValue().word());
            }
        }
        return new Vocabulary(written);
    }

    /** The word as the articles write it; the folded word itself when they write it so. */
    String written(String folded) {
        return writtenForm.getOrDefault(folded, folded);
    }

    int size() {
        return writtenForm.size();
    }

    private static boolean isAscii(BytesRef term) {
        for (int i = term.offset; i < term.offset + term.length; i++) {
            if (term.bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }
}
