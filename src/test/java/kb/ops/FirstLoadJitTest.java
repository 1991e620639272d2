package kb.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstLoadJitTest {
    @TempDir
    Path dir;

    private static String directives() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        return (String) server.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesPrint",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
    }

    private static List<String> patterns() throws IOException {
        String json;
        try (InputStream in = FirstLoadJit.class.getResourceAsStream(FirstLoadJit.RESOURCE)) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]+)\"").matcher(json);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void theCompilerHoldsTheDirectivesUntilClosedAndNoFileIsLeftBehind() throws Exception {
        assertFalse(directives().contains("Lucene912PostingsWriter"), "no directive of ours before");
        try (FirstLoadJit jit = FirstLoadJit.start(dir.resolve("data"))) {
            assertTrue(jit.holds());
            String held = directives();
            assertTrue(held.contains("Lucene912PostingsWriter") && held.contains("kb/content/SimpleMarkdown"), held);
        }
        assertFalse(directives().contains("Lucene912PostingsWriter"), "taken away on close");
        try (Stream<Path> left = Files.list(dir.resolve("data"))) {
            assertEquals(List.of(), left.toList(), "the directives' file is deleted once read");
        }
    }

    @Test
    void closingTwiceTakesAwayOnlyItsOwnDirective() throws Exception {
        int before = directives().split("Directive:", -1).length;
        FirstLoadJit jit = FirstLoadJit.start(dir);
        assertEquals(before + 1, directives().split("Directive:", -1).length);
        jit.close();
        jit.close();
        assertEquals(before, directives().split("Directive:", -1).length);
    }

    @Test
    void withoutTheDiagnosticCommandNothingChanges() throws Exception {
        MBeanServer bare = MBeanServerFactory.newMBeanServer();
        String before = directives();
        try (FirstLoadJit jit = FirstLoadJit.start(dir, bare)) {
            assertFalse(jit.holds());
            assertEquals(before, directives());
        }
    }

    @Test
    void aDataFolderThatCannotBeWrittenChangesNothing() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        String before = directives();
        try (FirstLoadJit jit = FirstLoadJit.start(file)) {
            assertFalse(jit.holds());
            assertEquals(before, directives());
        }
    }

    /**
     * Each pattern names a class that exists (and, where it names methods, methods it has), so that
     * a renamed class in a new Lucene release fails here instead of silently compiling again. None
     * names the JDK's own classes, which change from one release to the next (the JDK's copy of ASM
     * that spins lambdas is gone in JDK 25).
     */
    @Test
    void everyPatternNamesCodeThatExists() throws Exception {
        List<String> patterns = patterns();
        assertTrue(patterns.size() > 10, patterns.toString());
        for (String pattern : patterns) {
            int dot = pattern.lastIndexOf('.');
            String type = pattern.substring(0, dot);
            String method = pattern.substring(dot + 1);
            assertTrue(type.startsWith("kb/") || type.startsWith("org/apache/lucene/"), pattern);
            String name = (type.endsWith("*") ? type.substring(0, type.length() - 1) : type).replace('/', '.');
            Class<?> c = Class.forName(name, false, FirstLoadJit.class.getClassLoader());
            if (!method.equals("*")) {
                String prefix = method.endsWith("*") ? method.substring(0, method.length() - 1) : method;
                assertTrue(Arrays.stream(c.getDeclaredMethods()).map(Method::getName).anyMatch(n -> n.startsWith(prefix)), pattern);
            }
        }
    }

    /**
     * What only a load runs: nothing a reader's request runs is kept from the optimizing compiler.
     * Of the search package, only the steps that turn one article into the index's documents.
     */
    @Test
    void noPatternNamesTheServingOrSearchingCode() throws Exception {
        List<String> writing = List.of("kb/search/IndexStore.keep*", "kb/search/IndexStore.documents", "kb/search/IndexStore.common");
        for (String pattern : patterns()) {
            if (writing.contains(pattern)) {
                continue;
            }
            assertFalse(pattern.startsWith("kb/web") || pattern.startsWith("kb/search") || pattern.startsWith("io/javalin")
                    || pattern.startsWith("org/eclipse/jetty") || pattern.contains("Reader") || pattern.contains("Producer")
                    || pattern.contains("search/") || pattern.contains("decode"), pattern);
        }
    }
}
