package kb.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Front matter read without the YAML engine ({@link SimpleYaml}) must be exactly what the engine
 * reads, and anything it is not sure of must go to the engine. Checked on the shipped articles and
 * on generated front matter mixing the simple form with everything YAML reads differently.
 */
class SimpleYamlTest {
    private static final String[] KEYS = {
        "title", "description", "lastmod", "translationKey", "slug", "aliases", "tags", "weight", "draft",
        "yes", "on", "Title", "x_1", "2nd", "-bad", "a b", "key",
    };
    private static final String[] VALUES = {
        "\"Find your Microsoft Entra tenant ID\"", "\"Permissões necessárias: Mail.ReadWrite\"", "\"\"", "\" spaced \"",
        "\"a # not a comment\"", "\"quote \\\" inside\"", "\"tab\there\"", "\"unclosed", "\"x\" trailing", "'single quoted'",
        "find-tenant-id", "kb-04450", "Find your tenant", "Find  two spaces", "yes", "No", "true", "null", "NULL", "~",
        "on", "Off", "y", "n", "2024-10-04", "2024-13-45", "2024-02-30", "1500-01-01", "2024-1-4", "2024-10-04T10:00:00Z",
        "2", "0", "007", "123456789", "1234567890", "1_000", "0x1F", "1.5", "1e3", ".inf", "-3", "+3",
        "[\"office-365\", \"microsoft-entra\"]", "[]", "[ ]", "[\"a\",\"b\"]", "[ \"a\" , \"b\" ]", "[a, b]", "[\"a\", b]",
        "[\"a\",]", "[\"a\"", "[[\"a\"]]", "{a: 1}", "\"São Paulo\"", "São Paulo", "Ação", "ação", "Admin consent: whole tenant",
        "value # comment", "a:b", "&anchor x", "*alias", "!!str 3", "|", ">", "@at", "`tick`", "- item", "a, b", "(paren) x/y",
        "e5", "Yes.", "\"日本語 ✓\"", "\"\uFEFFbom\"", "\"nbsp\u00a0x\"", "\"\u0085nel\"", "\"emoji 😀\"", "end ",
    };

    /** Values the simple reader takes: most generated lines use these, so that both paths are exercised. */
    private static final String[] SIMPLE_VALUES = {
        "\"Find your Microsoft Entra tenant ID\"", "\"Permissões necessárias: Mail.ReadWrite\"", "\"\"", "\" spaced \"",
        "\"a # not a comment\"", "find-tenant-id", "Find your tenant", "2024-10-04", "2", "0", "123456789", "Ação",
        "[\"office-365\", \"microsoft-entra\"]", "[]", "[ \"a\" , \"b\" ]", "\"日本語 ✓\"", "\"nbsp\u00a0x\"", "(paren) x/y",
    };

    private static String generated(Random random) {
        StringBuilder yaml = new StringBuilder();
        int lines = 1 + random.nextInt(6);
        for (int i = 0; i < lines; i++) {
            int kind = random.nextInt(60);
            if (kind == 0) {
                yaml.append('\n');
                continue;
            }
            if (kind == 1) {
                yaml.append("# a comment\n");
                continue;
            }
            if (kind == 2) {
                yaml.append("tags:\n  - \"one\"\n  - two\n");
                continue;
            }
            String key = random.nextInt(4) == 0 ? KEYS[random.nextInt(KEYS.length)] : KEYS[random.nextInt(8)];
            String sep = switch (random.nextInt(40)) {
                case 0 -> ":";
                case 1 -> ":   ";
                case 2 -> " : ";
                case 3 -> ":\t";
                default -> ": ";
            };
            String value = random.nextInt(5) == 0 ? VALUES[random.nextInt(VALUES.length)] : SIMPLE_VALUES[random.nextInt(SIMPLE_VALUES.length)];
            yaml.append(key).append(sep).append(value);
            yaml.append(random.nextInt(40) == 0 ? " \n" : "\n");
        }
        return yaml.toString();
    }

    /** What the engine reads, or its error: the answer the simple reader must give, or leave to it. */
    private static Object engine(String yaml) {
        try {
            Map<?, ?> fields = FrontMatter.readWithEngine(yaml);
            return fields == null ? Map.of() : fields;
        } catch (FrontMatter.Invalid e) {
            return "invalid: " + e.getMessage();
        } catch (RuntimeException e) {
            return "failed: " + e;
        }
    }

    private static Object simple(String yaml) {
        try {
            return FrontMatter.readYaml(yaml);
        } catch (FrontMatter.Invalid e) {
            return "invalid: " + e.getMessage();
        } catch (RuntimeException e) {
            return "failed: " + e;
        }
    }

    @Test
    void generatedFrontMatterReadsExactlyAsTheEngineReadsIt() {
        Random random = new Random(11);
        int simpleOnes = 0;
        for (int i = 0; i < 30_000; i++) {
            String yaml = generated(random);
            assertEquals(engine(yaml), simple(yaml), yaml);
            if (SimpleYaml.read(yaml) != null) {
                simpleOnes++;
            }
        }
        // The generator must exercise both paths, or the comparison says little.
        assertThat(simpleOnes).isBetween(3_000, 27_000);
    }

    @Test
    void theShippedArticlesAreReadWithoutTheEngineAndAsTheEngineReadsThem() throws IOException {
        List<String> frontMatters = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("content"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                String text = Files.readString(p).replace("\r\n", "\n");
                frontMatters.add(text.substring(4, text.indexOf("\n---\n", 3) + 1));
            }
        }
        assertThat(frontMatters).isNotEmpty();
        for (String yaml : frontMatters) {
            assertThat(SimpleYaml.read(yaml)).as(yaml).isNotNull();
            assertEquals(engine(yaml), simple(yaml), yaml);
        }
    }

    @Test
    void whatItLeavesToTheEngine() {
        for (String yaml : List.of("title: \"a\"\ntitle: \"b\"\n", "title: \"a\" # note\n", "title: yes\n",
                "weight: 012\n", "lastmod: 1500-01-01\n", "title:\t\"a\"\n", "tags:\n  - a\n", "\n\n", "title: \"a\\u0041\"\n")) {
            assertThat(SimpleYaml.read(yaml)).as(yaml).isNull();
        }
    }
}
