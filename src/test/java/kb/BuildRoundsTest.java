package kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@link BuildRounds} from Maven when asked: {@code -Dkb.bench.corpus=DIR [-Dkb.bench.rounds=N]}. */
class BuildRoundsTest {
    @Test
    @EnabledIfSystemProperty(named = "kb.bench.corpus", matches = ".+")
    void buildsTheSameSiteEveryRound(@TempDir Path scratch) throws Exception {
        List<String> versions = BuildRounds.run(Path.of(System.getProperty("kb.bench.corpus")).resolve("content"), scratch,
                Integer.getInteger("kb.bench.rounds", 3), System.out);
        assertThat(versions).hasSizeGreaterThan(1).allMatch(v -> v.equals(versions.get(0)));
    }
}
