package kb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.util.AttributeSource;

/**
 * A text analyzed once and replayed for every document that repeats it: an article's title on
 * each of its sections. The replay shares the analyzer's attributes, which is safe because the
 * index writer consumes one field at a time.
 */
final class ReplayedTokens extends TokenStream {
    private final List<AttributeSource.State> tokens;
    private final AttributeSource.State end;
    private int next;

    private ReplayedTokens(AttributeSource attributes, List<AttributeSource.State> tokens, AttributeSource.State end) {
        super(attributes);
        this.tokens = List.copyOf(tokens);
        this.end = end;
    }

    static ReplayedTokens of(Analyzer analyzer, String field, String text) throws IOException {
        List<AttributeSource.State> tokens = new ArrayList<>();
        try (TokenStream source = analyzer.tokenStream(field, text)) {
            source.reset();
            while (source.incrementToken()) {
                tokens.add(source.captureState());
            }
            source.end();
            return new ReplayedTokens(source, tokens, source.captureState());
        }
    }

    @Override
    public void reset() {
        next = 0;
    }

    @Override
    public boolean incrementToken() {
        if (next >= tokens.size()) {
            return false;
        }
        restoreState(tokens.get(next++));
        return true;
    }

    @Override
    public void end() {
        restoreState(end);
    }

    @Override
    public void close() {
        // The analyzer's own stream was closed when the tokens were recorded.
    }
}
