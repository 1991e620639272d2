package kb.content;

import java.text.Normalizer;
import java.util.HashSet;
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

    /** The slug of a text, without uniqueness: {@code "Conexão à API"} becomes {@code "conexao-a-api"}. */
    public static String slug(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String withoutMarks = decomposed.replaceAll("\\p{M}+", "");
        String lower = withoutMarks.toLowerCase(Locale.ROOT);
        return lower.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }
}
