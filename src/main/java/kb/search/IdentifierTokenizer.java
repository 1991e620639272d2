package kb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/** Emits the index forms of each identifier in the text ({@link Identifiers#indexForms}), and nothing else. */
final class IdentifierTokenizer extends Tokenizer {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final StringBuilder text = new StringBuilder();
    private final char[] buffer = new char[4096];
    private final List<String> forms = new ArrayList<>();
    private final List<int[]> spans = new ArrayList<>();
    private int next;

    @Override
    public void reset() throws IOException {
        super.reset();
        text.setLength(0);
        forms.clear();
        spans.clear();
        next = 0;
        for (int n = input.read(buffer); n >= 0; n = input.read(buffer)) {
            text.append(buffer, 0, n);
        }
        Identifiers.scan(text, (identifier, start, end) -> {
            for (String form : Identifiers.indexForms(identifier)) {
                forms.add(form);
                spans.add(new int[] {start, end});
            }
        });
    }

    @Override
    public boolean incrementToken() {
        if (next >= forms.size()) {
            return false;
        }
        clearAttributes();
        term.setEmpty().append(forms.get(next));
        int[] span = spans.get(next++);
        offset.setOffset(correctOffset(span[0]), correctOffset(span[1]));
        return true;
    }

    @Override
    public void end() throws IOException {
        super.end();
        int end = correctOffset(text.length());
        offset.setOffset(end, end);
    }
}
