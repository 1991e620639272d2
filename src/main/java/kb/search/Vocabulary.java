package kb.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kb.content.PatchedMap;

/**
 * The words the articles use, accent-free, with how often they occur and how they are written
 * ({@code permissoes} is written {@code permissões}): what typos are corrected against. Made once
 * per index from the words the build counted, and after an edit {@link #patched} for the words it
 * changed (its maps are the previous ones with those words changed, {@link PatchedMap}): a save
 * costs its own words, not the site's.
 */
final class Vocabulary {
    private final Map<String, Integer> counts;
    private final Map<String, String> writtenForm;
    /** The forms other than the folded one itself that each word is written in ({@code permissões}). */
    private final Map<String, Set<String>> otherForms;
    private volatile Map<Integer, Word[][]> buckets;

    /** A word with its letters as code points and which letters it has ({@link #letterSet}), worked out once, not at every comparison. */
    private record Word(String text, int[] letters, long letterSet) {
        static Word of(String text) {
            int[] letters = text.codePoints().toArray();
            return new Word(text, letters, Vocabulary.letterSet(letters));
        }
    }

    /**
     * The letters a word has, each as one bit of 64 (letters that share a bit only make two words
     * look closer). One edit adds or removes at most one letter and a substitution does both, so
     * two words whose sets differ by more than twice {@code edits} letters are further apart than
     * that: most of the vocabulary is passed over without computing a distance.
     */
    static long letterSet(int[] letters) {
        long set = 0;
        for (int c : letters) {
            set |= 1L << (c & 63);
        }
        return set;
    }

    private Vocabulary(Map<String, Integer> counts, Map<String, String> writtenForm, Map<String, Set<String>> otherForms,
            Map<Integer, Word[][]> buckets) {
        this.counts = counts;
        this.writtenForm = writtenForm;
        this.otherForms = otherForms;
        this.buckets = buckets;
    }

    static Vocabulary of(WordCounts counted) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Set<String>> forms = new HashMap<>();
        counted.forEach((word, count) -> {
            String folded = Analysis.fold(word);
            counts.merge(folded, count, Integer::sum);
            if (!word.equals(folded)) {
                forms.computeIfAbsent(folded, f -> new HashSet<>()).add(word);
            }
        });
        Map<String, String> written = new HashMap<>();
        forms.forEach((folded, others) -> {
            String w = mostWritten(folded, others, counted);
            if (!w.equals(folded)) {
                written.put(folded, w);
            }
        });
        return new Vocabulary(counts, written, forms, null);
    }

    /** The form of a word the articles use most; of forms used as often, the first in code-point order. */
    private static String mostWritten(String folded, Set<String> others, WordCounts counted) {
        String best = folded;
        int most = counted.count(folded);
        for (String w : others) {
            int n = counted.count(w);
            if (n > most || (n == most && w.compareTo(best) < 0)) {
                best = w;
                most = n;
            }
        }
        return best;
    }

    /**
     * What {@link #of} would make of {@code counted}, when only the counts of the words in {@code
     * changed} (as written) differ from the ones this was made of: those words are counted again,
     * over this vocabulary's maps. The typo lookup's buckets are kept when no word came or went,
     * and otherwise only the changed words' buckets are made again.
     */
    Vocabulary patched(WordCounts counted, Set<String> changed) {
        // Each folded word the change concerns, with the forms it may now be written in.
        Map<String, Set<String>> concerned = new HashMap<>();
        for (String word : changed) {
            String folded = Analysis.fold(word);
            Set<String> forms = concerned.computeIfAbsent(folded, f -> new HashSet<>(otherForms.getOrDefault(f, Set.of())));
            if (!word.equals(folded)) {
                forms.add(word);
            }
        }
        PatchedMap.Change<String, Integer> counts = new PatchedMap.Change<>();
        PatchedMap.Change<String, String> written = new PatchedMap.Change<>();
        PatchedMap.Change<String, Set<String>> forms = new PatchedMap.Change<>();
        Set<String> cameOrWent = new HashSet<>();
        concerned.forEach((folded, candidates) -> {
            Set<String> others = new HashSet<>();
            int total = counted.count(folded);
            for (String w : candidates) {
                int n = counted.count(w);
                if (n > 0) {
                    others.add(w);
                    total += n;
                }
            }
            if (others.isEmpty()) {
                forms.remove(folded);
            } else {
                forms.put(folded, Set.copyOf(others));
            }
            String w = total > 0 ? mostWritten(folded, others, counted) : folded;
            if (total > 0) {
                counts.put(folded, total);
            } else {
                counts.remove(folded);
            }
            if (w.equals(folded)) {
                written.remove(folded);
            } else {
                written.put(folded, w);
            }
            if (this.counts.containsKey(folded) != total > 0) {
                cameOrWent.add(folded);
            }
        });
        Map<String, Integer> patchedCounts = counts.apply(this.counts);
        Map<Integer, Word[][]> b = buckets;
        if (b != null && !cameOrWent.isEmpty()) {
            b = rebucketed(b, patchedCounts, cameOrWent);
        }
        return new Vocabulary(patchedCounts, written.apply(writtenForm), forms.apply(otherForms), b);
    }

    /** The buckets with those of the given words' first letter and length made again from {@code counts}. */
    private static Map<Integer, Word[][]> rebucketed(Map<Integer, Word[][]> buckets, Map<String, Integer> counts, Set<String> words) {
        Map<Integer, Word[][]> out = new HashMap<>(buckets);
        for (String w : words) {
            if (w.isEmpty()) {
                continue;
            }
            Word word = Word.of(w);
            int[] letters = word.letters();
            Word[][] byLength = out.get(letters[0]);
            byLength = byLength == null ? new Word[letters.length + 1][]
                    : Arrays.copyOf(byLength, Math.max(byLength.length, letters.length + 1));
            List<Word> bucket = new ArrayList<>();
            for (Word old : byLength[letters.length] == null ? new Word[0] : byLength[letters.length]) {
                if (!old.text().equals(w)) {
                    bucket.add(old);
                }
            }
            if (counts.containsKey(w)) {
                bucket.add(word);
            }
            byLength[letters.length] = bucket.isEmpty() ? null : bucket.toArray(new Word[0]);
            out.put(letters[0], byLength);
        }
        return out;
    }

    /** A word close to another, and how close: 1 - edits / the shorter one's length. */
    record Near(String word, float similarity) {}

    /**
     * The words within {@code edits} edits of a word it does not contain (insertions, deletions,
     * substitutions and swaps of two neighbouring letters), that begin with the same letter, the
     * word itself excluded. The words are kept by first letter and length; a lookup compares
     * only the words of that letter and a length within reach, each with a bounded edit distance.
     */
    List<Near> near(String folded, int edits) {
        if (folded.isEmpty()) {
            return List.of();
        }
        Word[][] byLength = byFirstLetter().get(folded.codePointAt(0));
        if (byLength == null) {
            return List.of();
        }
        int[] q = folded.codePoints().toArray();
        long qSet = letterSet(q);
        List<Near> out = new ArrayList<>();
        int[][] rows = new int[3][q.length + 1];
        for (int len = Math.max(1, q.length - edits); len <= q.length + edits && len < byLength.length; len++) {
            Word[] words = byLength[len];
            if (words == null) {
                continue;
            }
            for (Word w : words) {
                if (Long.bitCount(qSet ^ w.letterSet()) > 2 * edits) {
                    continue;
                }
                int d = w.text().equals(folded) ? 0 : distance(q, w.letters(), edits, rows);
                if (d > 0 && d <= edits) {
                    out.add(new Near(w.text(), 1f - (float) d / Math.min(q.length, len)));
                }
            }
        }
        return out;
    }

    /**
     * The optimal-string-alignment distance (a swap of two neighbours is one edit), or
     * {@code max + 1} as soon as it must exceed {@code max}.
     */
    static int distance(int[] a, int[] b, int max, int[][] rows) {
        if (Math.abs(a.length - b.length) > max) {
            return max + 1;
        }
        int n = a.length;
        if (rows[0].length < n + 1) {
            rows = new int[3][n + 1];
        }
        int[] twoBack = rows[0];
        int[] back = rows[1];
        int[] row = rows[2];
        for (int j = 0; j <= n; j++) {
            back[j] = j;
        }
        for (int i = 1; i <= b.length; i++) {
            row[0] = i;
            int best = row[0];
            for (int j = 1; j <= n; j++) {
                int cost = a[j - 1] == b[i - 1] ? 0 : 1;
                int v = Math.min(Math.min(back[j] + 1, row[j - 1] + 1), back[j - 1] + cost);
                if (i > 1 && j > 1 && a[j - 1] == b[i - 2] && a[j - 2] == b[i - 1]) {
                    v = Math.min(v, twoBack[j - 2] + 1);
                }
                row[j] = v;
                best = Math.min(best, v);
            }
            if (best > max) {
                return max + 1;
            }
            int[] t = twoBack;
            twoBack = back;
            back = row;
            row = t;
        }
        return back[n];
    }

    /** The words by first letter, then by length: made when a typo is first looked up in this version. */
    private Map<Integer, Word[][]> byFirstLetter() {
        Map<Integer, Word[][]> b = buckets;
        if (b == null) {
            synchronized (this) {
                b = buckets;
                if (b == null) {
                    Map<Integer, Map<Integer, List<Word>>> grouped = new HashMap<>();
                    for (String w : counts.keySet()) {
                        if (!w.isEmpty()) {
                            Word word = Word.of(w);
                            grouped.computeIfAbsent(word.letters()[0], k -> new HashMap<>())
                                    .computeIfAbsent(word.letters().length, k -> new ArrayList<>()).add(word);
                        }
                    }
                    b = new HashMap<>();
                    for (Map.Entry<Integer, Map<Integer, List<Word>>> letter : grouped.entrySet()) {
                        int longest = letter.getValue().keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
                        Word[][] byLength = new Word[longest + 1][];
                        letter.getValue().forEach((len, words) -> byLength[len] = words.toArray(new Word[0]));
                        b.put(letter.getKey(), byLength);
                    }
                    buckets = b;
                }
            }
        }
        return b;
    }

    /** Whether the articles use the word (accent-free, lower case). */
    boolean knows(String folded) {
        return counts.containsKey(folded);
    }

    /** How often the articles use the word (accent-free, lower case). */
    int count(String folded) {
        return counts.getOrDefault(folded, 0);
    }

    /** The word as the articles most often write it. */
    String written(String folded) {
        return writtenForm.getOrDefault(folded, folded);
    }

    int size() {
        return counts.size();
    }
}
