package kb.search;

import java.io.CharArrayReader;
import java.io.IOException;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Lucene's {@link StandardTokenizer}, token for token (term, offsets, position, type, and what
 * {@link #end} leaves), found without its scanner when a text is written in the few characters
 * whose word-break rules (Unicode's UAX #29) are simple: Latin letters, digits, ASCII punctuation
 * and white space, and the typographic quotes and dashes. The scanner is a large generated state
 * machine that every character of every article goes through during a cold start; here a table says
 * what each character is, and a word is letters and digits joined by underscores, or by one
 * {@code . ' ’ :} between letters, or one {@code . ' ’ , ;} between digits. A text with any other
 * character, or with a word long enough to meet the scanner's own limit, is handed whole to a
 * {@code StandardTokenizer}. {@code LatinTokenizerTest} compares the two on random text over these
 * characters and others, and on the shipped and bench articles.
 *
 * <p>Only for the index's writer ({@link Analysis}): queries and snippets keep the scanner, and the
 * tests compare the writer's chain with theirs.
 */
final class LatinTokenizer extends Tokenizer {
    /** Longer words go to the scanner, whose buffer (255 characters) decides where they are cut. */
    static final int MAX_WORD = 200;

    private static final byte OTHER = 0;
    private static final byte LETTER = 1;
    private static final byte DIGIT = 2;
    /** {@code _}: joins letters and digits on either side, and is kept in the word. */
    private static final byte UNDERSCORE = 3;
    /** {@code :} and {@code ·}: join two letters. */
    private static final byte MID_LETTER = 4;
    /** {@code . ' ‘ ’}: join two letters or two digits. */
    private static final byte MID_BOTH = 5;
    /** {@code , ;}: join two digits. */
    private static final byte MID_NUMBER = 6;
    /** Anything whose rules are not the above: the text goes to the scanner. */
    private static final byte UNKNOWN = 7;

    private static final byte[] LATIN1 = new byte[256];

    static {
        java.util.Arrays.fill(LATIN1, UNKNOWN);
        for (char c : "\t\n\u000B\f\r".toCharArray()) {
            LATIN1[c] = OTHER;
        }
        for (char c = ' '; c <= '~'; c++) {
            LATIN1[c] = OTHER;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            LATIN1[c] = LETTER;
            LATIN1[c - 'a' + 'A'] = LETTER;
        }
        for (char c = '0'; c <= '9'; c++) {
            LATIN1[c] = DIGIT;
        }
        LATIN1['_'] = UNDERSCORE;
        LATIN1[':'] = MID_LETTER;
        LATIN1['.'] = MID_BOTH;
        LATIN1['\''] = MID_BOTH;
        LATIN1[','] = MID_NUMBER;
        LATIN1[';'] = MID_NUMBER;
        // Latin-1's upper half: letters, and signs that break words; the soft hyphen (a format
        // character, inside words) and the copyright and registered signs (emoji) are left to the scanner.
        for (int c = 0xA0; c <= 0xFF; c++) {
            LATIN1[c] = c >= 0xC0 && c != 0xD7 && c != 0xF7 ? LETTER : OTHER;
        }
        LATIN1[0xAA] = LETTER;
        LATIN1[0xB5] = LETTER;
        LATIN1[0xBA] = LETTER;
        LATIN1[0xB7] = MID_LETTER;
        LATIN1[0xAD] = UNKNOWN;
        LATIN1[0xA9] = UNKNOWN;
        LATIN1[0xAE] = UNKNOWN;
    }

    private static byte kind(char c) {
        if (c < 256) {
            return LATIN1[c];
        }
        return switch (c) {
            case '\u2018', '\u2019' -> MID_BOTH;
            case '\u2013', '\u2014', '\u201C', '\u201D', '\u2026' -> OTHER;
            default -> UNKNOWN;
        };
    }

    private static final String ALPHANUM = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.ALPHANUM];
    private static final String NUM = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.NUM];

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);

    private char[] text = new char[4096];
    private int length;
    /** The words found: start and end of each, the end negative for a number. */
    private int[] words = new int[512];
    private int count;
    private int next;
    private boolean read;

    private StandardTokenizer scanner;
    private CharTermAttribute scannerTerm;
    private OffsetAttribute scannerOffset;
    private PositionIncrementAttribute scannerPosition;
    private TypeAttribute scannerType;
    private boolean scanning;

    @Override
    public boolean incrementToken() throws IOException {
        if (!read) {
            read = true;
            readAll();
            if (!split()) {
                startScanner();
            }
        }
        if (scanning) {
            if (!scanner.incrementToken()) {
                return false;
            }
            clearAttributes();
            term.copyBuffer(scannerTerm.buffer(), 0, scannerTerm.length());
            offset.setOffset(correctOffset(scannerOffset.startOffset()), correctOffset(scannerOffset.endOffset()));
            position.setPositionIncrement(scannerPosition.getPositionIncrement());
            type.setType(scannerType.type());
            return true;
        }
        if (next == count) {
            return false;
        }
        clearAttributes();
        int start = words[2 * next];
        int end = words[2 * next + 1];
        next++;
        boolean number = end < 0;
        if (number) {
            end = -end;
        }
        term.copyBuffer(text, start, end - start);
        offset.setOffset(correctOffset(start), correctOffset(end));
        type.setType(number ? NUM : ALPHANUM);
        return true;
    }

    private void readAll() throws IOException {
        length = 0;
        for (int n; (n = input.read(text, length, text.length - length)) != -1; ) {
            length += n;
            if (length == text.length) {
                text = java.util.Arrays.copyOf(text, text.length * 2);
            }
        }
    }

    /**
     * Finds the words as the scanner would, or says the text is not one this can do: a character
     * it does not know, or a word over {@link #MAX_WORD}.
     */
    private boolean split() {
        char[] t = text;
        int len = length;
        int i = 0;
        while (i < len) {
            byte k = kind(t[i]);
            if (k == UNKNOWN) {
                return false;
            }
            if (k != LETTER && k != DIGIT && k != UNDERSCORE) {
                i++;
                continue;
            }
            int start = i;
            boolean letters = false;
            boolean digits = false;
            byte last = OTHER;
            while (i < len) {
                k = kind(t[i]);
                if (k == LETTER) {
                    letters = true;
                    // The common case: the rest of a word's letters.
                    while (i + 1 < len && kind(t[i + 1]) == LETTER) {
                        i++;
                    }
                } else if (k == DIGIT) {
                    digits = true;
                } else if (k == MID_LETTER || k == MID_BOTH || k == MID_NUMBER) {
                    // One joins only the same kind on both sides: a letter or a digit, not an underscore.
                    byte after = i + 1 < len ? kind(t[i + 1]) : OTHER;
                    boolean joins = last == LETTER && after == LETTER && k != MID_NUMBER
                            || last == DIGIT && after == DIGIT && k != MID_LETTER;
                    if (!joins) {
                        break;
                    }
                } else if (k == UNKNOWN) {
                    return false;
                } else if (k != UNDERSCORE) {
                    break;
                }
                last = k;
                i++;
            }
            if (!letters && !digits) {
                continue; // underscores alone are no word
            }
            if (i - start > MAX_WORD) {
                return false;
            }
            if (2 * count + 2 > words.length) {
                words = java.util.Arrays.copyOf(words, words.length * 2);
            }
            words[2 * count] = start;
            words[2 * count + 1] = letters ? i : -i;
            count++;
        }
        return true;
    }

    private void startScanner() throws IOException {
        if (scanner == null) {
            scanner = new StandardTokenizer();
            scannerTerm = scanner.getAttribute(CharTermAttribute.class);
            scannerOffset = scanner.getAttribute(OffsetAttribute.class);
            scannerPosition = scanner.getAttribute(PositionIncrementAttribute.class);
            scannerType = scanner.getAttribute(TypeAttribute.class);
        }
        scanner.setReader(new CharArrayReader(text, 0, length));
        scanner.reset();
        scanning = true;
    }

    @Override
    public void end() throws IOException {
        super.end();
        if (scanning) {
            scanner.end();
            offset.setOffset(correctOffset(scannerOffset.startOffset()), correctOffset(scannerOffset.endOffset()));
            position.setPositionIncrement(scannerPosition.getPositionIncrement());
        } else {
            int at = correctOffset(length);
            offset.setOffset(at, at);
        }
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        read = false;
        count = 0;
        next = 0;
        length = 0;
    }

    @Override
    public void close() throws IOException {
        try {
            if (scanning) {
                scanning = false;
                scanner.close();
            }
        } finally {
            super.close();
        }
    }
}
