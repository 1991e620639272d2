package kb.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Words and phrases that searchers use for the same thing, read from a file authors edit, in Solr's
 * synonyms format: {@code a, b, c} makes the entries equivalent; {@code a, b => c} searches for
 * {@code c} when the query says {@code a} or {@code b}; {@code #} starts a comment.
 *
 * <p>Expansion happens at query time, at the level of whole words of the query: each matched
 * span becomes a choice between the equivalent phrases, and each phrase goes through the field's
 * own analyzer. That keeps multi-word entries with stop words inside ({@code caixa de entrada})
 * working, which a synonym filter placed before a stop filter does not.
 */
final class Synonyms {
    private static final Logger LOG = LoggerFactory.getLogger(Synonyms.class);
    private static final int MAX_PHRASE_WORDS = 6;
    private static final int MAX_ALTERNATIVES = 8;

    /** The key of each phrase (folded words joined by one space) to what to search for instead. */
    private final Map<String, List<String>> alternatives;
    private final List<String> problems;

    private Synonyms(Map<String, List<String>> alternatives, List<String> problems) {
        this.alternatives = Map.copyOf(alternatives);
        this.problems = List.copyOf(problems);
    }

    static Synonyms none() {
        return new Synonyms(Map.of(), List.of());
    }

    /** Reads a synonyms file; a missing file means no synonyms, a broken line is logged and skipped. */
    static Synonyms read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (NoSuchFileException e) {
            LOG.info("no synonyms file at {}; searching without synonyms", file);
            return none();
        } catch (IOException | RuntimeException e) {
            LOG.warn("synonyms file {} cannot be read ({}); searching without synonyms", file, e.toString());
            return none();
        }
    }

    /** Parses synonyms text; {@code source} names it in log lines. */
    static Synonyms parse(String text, String source) {
        Map<String, Set<String>> rules = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = stripComment(lines[i]).strip();
            if (line.isEmpty()) {
                continue;
            }
            String problem = addLine(line, rules);
            if (problem != null) {
                problems.add(source + ":" + (i + 1) + ": " + problem + "; line skipped");
                LOG.warn("synonyms {}", problems.get(problems.size() - 1));
            }
        }
        Map<String, List<String>> alternatives = new HashMap<>();
        rules.forEach((key, phrases) -> alternatives.put(key, List.copyOf(phrases).subList(0, Math.min(phrases.size(), MAX_ALTERNATIVES))));
        return new Synonyms(alternatives, problems);
    }

    /** The broken lines, each as {@code file:line: reason; line skipped}, as they were logged. */
    List<String> problems() {
        return problems;
    }

    /** Whether there are no synonyms at all. */
    boolean isEmpty() {
        return alternatives.isEmpty();
    }

    /** A run of query words, {@code [start, end)}, that has other ways of being said. */
    record Match(int start, int end, List<String> alternatives) {}

    /** The longest synonym entries found in the words, left to right, not overlapping. */
    List<Match> find(List<String> words) {
        List<Match> found = new ArrayList<>();
        if (alternatives.isEmpty()) {
            return found;
        }
        List<String> keys = words.stream().map(Synonyms::key).toList();
        int i = 0;
        while (i < keys.size()) {
            Match match = null;
            for (int end = Math.min(keys.size(), i + MAX_PHRASE_WORDS); end > i && match == null; end--) {
                String key = String.join(" ", keys.subList(i, end)).strip();
                List<String> alts = key.isEmpty() ? null : alternatives.get(key);
                if (alts != null) {
                    match = new Match(i, end, alts);
                }
            }
            if (match != null) {
                found.add(match);
                i = match.end();
            } else {
                i++;
            }
        }
        return found;
    }

    /** Adds one line's rules; returns why the line is broken, or null. */
    private static String addLine(String line, Map<String, Set<String>> rules) {
        String[] sides = splitArrow(line);
        if (sides == null) {
            return "more than one '=>'";
        }
        List<String> left = entries(sides[0]);
        List<String> right = sides.length == 2 ? entries(sides[1]) : left;
        if (sides.length == 2 && left.isEmpty()) {
            return "nothing before '=>'";
        }
        if (right.isEmpty()) {
            return sides.length == 2 ? "nothing after '=>'" : "no entries";
        }
        for (String entry : sides.length == 2 ? concat(left, right) : left) {
            if (key(entry).isEmpty()) {
                return "entry '" + entry + "' has no letters or digits";
            }
        }
        if (sides.length == 1 && left.size() < 2) {
            return "only one entry; list equivalents separated by commas";
        }
        for (String from : left) {
            Set<String> to = rules.computeIfAbsent(key(from), k -> new LinkedHashSet<>());
            to.addAll(right);
        }
        return null;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Splits at an unescaped {@code =>}; null when there are several. */
    private static String[] splitArrow(String line) {
        int at = -1;
        for (int i = 0; i < line.length() - 1; i++) {
            if (line.charAt(i) == '\\') {
                i++;
            } else if (line.charAt(i) == '=' && line.charAt(i + 1) == '>') {
                if (at >= 0) {
                    return null;
                }
                at = i;
            }
        }
        return at < 0 ? new String[] {line} : new String[] {line.substring(0, at), line.substring(at + 2)};
    }

    /** Comma-separated entries, {@code \,} being a literal comma; empty entries are ignored. */
    private static List<String> entries(String side) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < side.length(); i++) {
            char c = side.charAt(i);
            if (c == '\\' && i + 1 < side.length()) {
                current.append(side.charAt(++i));
            } else if (c == ',') {
                addEntry(out, current);
            } else {
                current.append(c);
            }
        }
        addEntry(out, current);
        return out;
    }

    private static void addEntry(List<String> out, StringBuilder current) {
        String entry = current.toString().strip().replaceAll("\\s+", " ");
        if (!entry.isEmpty()) {
            out.add(entry);
        }
        current.setLength(0);
    }

    private static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '\\') {
                i++;
            } else if (line.charAt(i) == '#') {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /** Folded words joined by single spaces: {@code "Caixa de Entrada"} and {@code "caixa  de entrada"} share a key. */
    static String key(String phrase) {
        String folded = Analysis.fold(phrase);
        StringBuilder key = new StringBuilder();
        int i = 0;
        while (i < folded.length()) {
            if (!Character.isLetterOrDigit(folded.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < folded.length() && Character.isLetterOrDigit(folded.charAt(i))) {
                i++;
            }
            if (!key.isEmpty()) {
                key.append(' ');
            }
            key.append(folded, start, i);
        }
        return key.toString();
    }
}
