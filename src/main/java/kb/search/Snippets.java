package kb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Cuts the snippet of a hit from the entry's plain text, the part with the most distinct matched
 * words, and marks them. Matches are found by running the index's own analyzers over the text
 * (so {@code conexoes} marks {@code conexões}); the output is built here, character by character:
 * every piece of text is HTML-escaped, and the only markup is {@code <mark>} and {@code </mark>}.
 */
final class Snippets {
    /** About how many characters a snippet shows. */
    static final int WIDTH = 220;
    /** Context kept before the first mark. */
    private static final int LEAD = 50;
    /** A marked word weighs its length, up to this: an identifier outweighs a few short words. */
    private static final int MAX_WEIGHT = 24;
    /** Text further into a long section than this is not looked at. */
    private static final int MAX_SCAN = 20_000;

    private final Analyzer analyzer;

    Snippets(Analysis analysis) {
        this.analyzer = analysis.forIndex();
    }

    /** A marked, escaped snippet of the text; the start of the text when nothing matched. */
    String snippet(String fullText, MatchedTerms matched) {
        String text = fullText.length() > MAX_SCAN ? fullText.substring(0, MAX_SCAN) : fullText;
        List<int[]> marks = matched.isEmpty() ? List.of() : merge(find(text, matched));
        int[] window = window(text, marks);
        return render(text, window[0], window[1], marks, fullText.length());
    }

    private List<int[]> find(String text, MatchedTerms matched) {
        List<int[]> found = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(Analysis.BODY, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                int start = offset.startOffset();
                int end = offset.endOffset();
                if (start >= 0 && start < end && end <= text.length() && matched.contains(term.buffer(), term.length())) {
                    found.add(new int[] {start, end});
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
        return found;
    }

    /** Sorted, with overlapping and touching ranges joined: {@code Read}+{@code Write} marks {@code ReadWrite}. */
    private static List<int[]> merge(List<int[]> ranges) {
        ranges.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
        List<int[]> merged = new ArrayList<>();
        for (int[] r : ranges) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r[0] <= last[1]) {
                last[1] = Math.max(last[1], r[1]);
            } else {
                merged.add(new int[] {r[0], r[1]});
            }
        }
        return merged;
    }

    /** The stretch of text with the most distinct marked words, starting near a mark, ending at a word break. */
    private static int[] window(String text, List<int[]> marks) {
        int bestStart = 0;
        int bestMark = 0;
        int bestScore = -1;
        for (int i = 0; i < marks.size(); i++) {
            int start = Math.max(0, marks.get(i)[0] - LEAD);
            int end = Math.min(text.length(), start + WIDTH);
            Set<String> distinct = new HashSet<>();
            int score = 0;
            for (int j = i; j < marks.size() && marks.get(j)[1] <= end; j++) {
                String marked = text.substring(marks.get(j)[0], marks.get(j)[1]).toLowerCase(Locale.ROOT);
                // Distinct words count most, longer ones (identifiers, phrases) more; repeats a little.
                score += distinct.add(marked) ? 100 * Math.min(marked.length(), MAX_WEIGHT) : 1;
            }
            if (score > bestScore) {
                bestScore = score;
                bestStart = start;
                bestMark = marks.get(i)[0];
            }
        }
        int start = wordStart(text, bestStart, marks.isEmpty() ? 0 : bestMark);
        int end = wordEnd(text, start, Math.min(text.length(), start + WIDTH));
        while (end > start && isBreak(text.charAt(end - 1))) {
            end--;
        }
        return new int[] {start, end};
    }

    /**
     * Where a snippet meant to begin at {@code from} begins so that it does not begin inside a word
     * ("…onceder"): forward to the next word if that is before the mark, else back to the start of
     * the word if it is near, else at the mark itself (a mark starts where a word or a word part starts).
     */
    private static int wordStart(String text, int from, int mark) {
        if (from <= 0) {
            return 0;
        }
        int start = from;
        if (!isBreak(text.charAt(start - 1))) {
            int next = start;
            while (next < mark && !isBreak(text.charAt(next))) {
                next++;
            }
            if (next < mark) {
                start = next;
            } else {
                int back = start;
                while (back > 0 && from - back < LEAD && !isBreak(text.charAt(back - 1))) {
                    back--;
                }
                start = back == 0 || isBreak(text.charAt(back - 1)) ? back : mark;
            }
        }
        while (start < mark && isBreak(text.charAt(start))) {
            start++;
        }
        return start;
    }

    /**
     * Where a snippet meant to end at {@code to} ends so that it does not end inside a word: back to
     * the last break if that keeps at least half the width, else forward to the next one if it is
     * near, else back to any break; only a single word longer than the snippet is cut.
     */
    private static int wordEnd(String text, int start, int to) {
        if (to >= text.length() || isBreak(text.charAt(to)) || isBreak(text.charAt(to - 1))) {
            return to;
        }
        int back = to;
        while (back > start && !isBreak(text.charAt(back - 1))) {
            back--;
        }
        if (back > start + WIDTH / 2) {
            return back;
        }
        int forward = to;
        while (forward < text.length() && forward - to < LEAD && !isBreak(text.charAt(forward))) {
            forward++;
        }
        if (forward == text.length() || isBreak(text.charAt(forward))) {
            return forward;
        }
        if (back > start) {
            return back;
        }
        // One unbroken run longer than the snippet (a URL, a long identifier): cut it, but not between a surrogate pair.
        return Character.isLowSurrogate(text.charAt(to)) ? to - 1 : to;
    }

    /** What separates words as the reader sees them: spaces of any kind, line breaks. */
    private static boolean isBreak(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static String render(String text, int start, int end, List<int[]> marks, int fullLength) {
        StringBuilder out = new StringBuilder(end - start + 64);
        if (start > 0) {
            out.append('…');
        }
        int pos = start;
        for (int[] m : marks) {
            int from = Math.max(m[0], pos);
            int to = Math.min(m[1], end);
            if (from >= to) {
                continue;
            }
            escape(text, pos, from, out);
            out.append("<mark>");
            escape(text, from, to, out);
            out.append("</mark>");
            pos = to;
        }
        escape(text, pos, end, out);
        if (end < fullLength) {
            out.append('…');
        }
        return out.toString().strip();
    }

    /** Escapes text for HTML element content and attribute values alike; line breaks become spaces. */
    static void escape(String text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
