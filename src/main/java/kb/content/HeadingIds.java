package kb.content;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Makes anchor ids from heading text the way the contract says: lower case, accents removed, runs
 * of anything else turned into {@code -}, repeats made unique with {@code -2}, {@code -3}.
 */
public final class HeadingIds {
    private final Set<String> taken = new HashSet<>();

    /** Reserves an id that is already fixed (an explicit {@code {#id}}), so generated ids avoid it. */
    public void reserve(String id) {
        taken.add(id);
    }

    /** Returns a fresh id for the text, unique among every id reserved or handed out so far. */
    public String next(String text) {
        String base = slug(text);
        if (base.isEmpty()) {
            base = "section";
        }
        String id = base;
        for (int n = 2; taken.contains(id); n++) {
            id = base + "-" + n;
        }
        taken.add(id);
        return id;
    }

    /** A heading's id, and the generated id that also lands on it when the author pinned another (or null). */
    record Assigned(String id, String alias) {
        /** The alias as the section's list of extra ids. */
        List<String> aliases() {
            return alias == null ? List.of() : List.of(alias);
        }
    }

    /**
     * The ids of a page's headings, in order, from their texts and their explicit ids (null where
     * none): an explicit id is kept the first time it appears, and the id its text would have had
     * still lands there when no other heading has it; every other heading gets a generated id
     * unique among all of them.
     */
    static List<Assigned> assign(List<String> texts, List<String> explicit) {
        HeadingIds ids = new HeadingIds();
        for (String id : explicit) {
            if (id != null) {
                ids.reserve(id);
            }
        }
        List<Assigned> out = new ArrayList<>(texts.size());
        Set<String> seenExplicit = new HashSet<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            String id = explicit.get(i);
            if (id == null || !seenExplicit.add(id)) {
                out.add(new Assigned(ids.next(text), null));
                continue;
            }
            // Links made before the author pinned the id still point at the generated one.
            String generated = slug(text);
            boolean alias = !generated.isEmpty() && !generated.equals(id) && ids.next(text).equals(generated);
            out.add(new Assigned(id, alias ? generated : null));
        }
        return out;
    }

    /** The slug of a text, without uniqueness: {@code "Conexão à API"} becomes {@code "conexao-a-api"}. */
    public static String slug(String text) {
        return SLUGS.of(text);
    }

    /** Tags and folder names repeat across thousands of articles, and every load lists them again. */
    private static final Remembered SLUGS = new Remembered(HeadingIds::slugOf, 50_000);

    private static String slugOf(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String withoutMarks = MARKS.matcher(decomposed).replaceAll("");
        String lower = withoutMarks.toLowerCase(Locale.ROOT);
        return EDGES.matcher(OTHER.matcher(lower).replaceAll("-")).replaceAll("");
    }

    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");
    private static final java.util.regex.Pattern OTHER = java.util.regex.Pattern.compile("[^a-z0-9]+");
    private static final java.util.regex.Pattern EDGES = java.util.regex.Pattern.compile("^-+|-+$");
}
