package kb.search;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Runs {@link SearchBench} from Maven when asked: {@code -Dkb.bench.corpus=DIR [-Dkb.bench.builds=N]}. */
class SearchBenchTest {
    @Test
    @EnabledIfSystemProperty(named = "kb.bench.corpus", matches = ".+")
    void benchmarkOnAGeneratedCorpus() throws Exception {
        SearchBench.run(Path.of(System.getProperty("kb.bench.corpus")), Integer.getInteger("kb.bench.builds", 3), System.out);
    }
}
