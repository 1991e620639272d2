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
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Cuts the snippet of a hit from the entry's plain text, the part with the most distinct matched
 * words, and marks them. Matches are where the index's own analysis found the searched terms (so
 * {@code conexoes} marks {@code conexões}): for a section, the offsets its postings keep; otherwise
 * the text analysed again. The output is built here, character by character:
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
        String text = scanned(fullText);
        return cut(text, matched.isEmpty() ? new ArrayList<>() : find(text, matched), fullText.length());
    }

    /**
     * The same snippet of a section document's text, its matches read from the offsets its body's
     * postings keep instead of from analysing the text again: the index analysed that very text
     * (its {@link Analysis#BODY}) with the same chain, so the places are the same. Null when the
     * matches cannot be read that way (identifiers matched by prefix, a field without offsets).
     */
    static String indexed(String fullText, Postings postings, int doc) throws IOException {
        String text = scanned(fullText);
        List<int[]> found = postings.find(doc, text);
        return found == null ? null : cut(text, found, fullText.length());
    }

    /**
     * Where one search's terms are in the body of the section documents it shows. Made once per
     * search and used by its thread alone: the dictionary and postings enums of a segment serve
     * every hit in it (a fresh postings enum with offsets allocates its block buffers again).
     */
    static final class Postings {
        private final MatchedTerms matched;
        private final IndexReader view;
        private LeafReaderContext leaf;
        private TermsEnum dictionary;
        private PostingsEnum postings;

        /** @param view the reader of the searcher that ranked the hits, whose document numbers they carry */
        Postings(MatchedTerms matched, IndexReader view) {
            this.matched = matched;
            this.view = view;
        }

        /** The matches within the text (the document's body, as far as it is looked at); null when they cannot be read here. */
        private List<int[]> find(int doc, String text) throws IOException {
            List<BytesRef> terms = matched.exactTerms();
            if (terms == null) {
                return null;
            }
            List<int[]> found = new ArrayList<>();
            if (terms.isEmpty()) {
                return found;
            }
            List<LeafReaderContext> leaves = view.leaves();
            LeafReaderContext at = leaves.get(ReaderUtil.subIndex(doc, leaves));
            if (at != leaf) {
                Terms body = at.reader().terms(Analysis.BODY);
                if (body == null || !body.hasOffsets()) {
                    return null;
                }
                leaf = at;
                dictionary = body.iterator();
                postings = null;
            }
            int local = doc - leaf.docBase;
            for (BytesRef term : terms) {
                if (!dictionary.seekExact(term)) {
                    continue;
                }
                postings = dictionary.postings(postings, PostingsEnum.OFFSETS);
                if (postings.advance(local) != local) {
                    continue;
                }
                for (int i = postings.freq(); i > 0; i--) {
                    postings.nextPosition();
                    add(found, postings.startOffset(), postings.endOffset(), text);
                }
            }
            return found;
        }
    }

    /** The part of a text that is looked at for matches. */
    private static String scanned(String fullText) {
        return fullText.length() > MAX_SCAN ? fullText.substring(0, MAX_SCAN) : fullText;
    }

    private static String cut(String text, List<int[]> found, int fullLength) {
        List<int[]> marks = merge(found);
        int[] window = window(text, marks);
        return render(text, window[0], window[1], marks, fullLength);
    }

    /** A match's place, if it lies within the text looked at. */
    private static void add(List<int[]> found, int start, int end, String text) {
        if (start >= 0 && start < end && end <= text.length()) {
            found.add(new int[] {start, end});
        }
    }

    private List<int[]> find(String text, MatchedTerms matched) {
        List<int[]> found = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(Analysis.BODY, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (matched.contains(term.buffer(), term.length())) {
                    add(found, offset.startOffset(), offset.endOffset(), text);
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
