package kb.search;

import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.it.ItalianLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.ConditionalTokenFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterIterator;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseLightStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The one place that decides how text becomes terms: the fields of the index and the analyzer
 * chain they share, per language. Index and queries must agree, so both come from here.
 *
 * <p>The chain: split identifiers into their parts while keeping them whole, lower case, strip
 * accents, drop stop words (written with or without accents), then stem. Portuguese folds
 * <em>before</em> stemming so that short words ({@code pão}/{@code pao}) and unaccented plurals
 * ({@code conexoes}) meet their accented forms; {@link NasalPluralFilter} puts back the one accent
 * the light stemmer needs for {@code -ões}/{@code -ães} plurals.
 *
 * <p>Which stop words and stemmer, by the language's {@link kb.content.Language#analysis()}:
 * Portuguese and English as above; Spanish, French, German and Italian their Lucene stop words and
 * light stemmers; any other language a neutral chain (no stop words, no stemming) that still splits
 * identifiers, lower-cases and folds accents.
 *
 * <p>At index time the same single pass also adds each identifier's lookup terms
 * ({@link IdentifierForms}) and counts the words of the vocabulary ({@link WordCounts}), so the
 * text of a large site is read once.
 */
final class Analysis {
    /**
     * The section's heading; on the article's own document, its title. One field for both, so
     * that a heading word and a title word weigh alike, their rarity judged among all documents.
     */
    static final String HEADING = "heading";
    /** The section's text; for the article's own document, its description and intro. */
    static final String BODY = "body";
    /**
     * The article's title again, on each of its sections, so that a query mixing title and section
     * words finds the section; a field of its own so that headings keep their weight.
     */
    static final String CONTEXT = "context";
    /**
     * The entry's key across languages ({@link Entry#key}), not analyzed: how a word that only
     * another language knows finds the translations of the sections that language finds it in.
     */
    static final String KEY = "key";
    /** Doc values: the position of the document's article or section in the index's entry list. */
    static final String ENTRY = "entry";

    private static final int SPLIT_FLAGS = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
            | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
            | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE
            | WordDelimiterGraphFilter.SPLIT_ON_NUMERICS
            | WordDelimiterGraphFilter.PRESERVE_ORIGINAL;
    /** Catenation only at index time: a query for {@code MailReadWrite} finds {@code Mail.ReadWrite}. */
    private static final int INDEX_SPLIT_FLAGS = SPLIT_FLAGS | WordDelimiterGraphFilter.CATENATE_ALL;

    private final String lang;
    private final String family;
    private final CharArraySet stopWords;
    private final Analyzer forText;
    private final Analyzer forQuery;

    /** The analysis of a language whose code is its ISO 639 language ({@code pt}, {@code en}, {@code es}). */
    Analysis(String lang) {
        this(lang, lang);
    }

    /**
     * @param lang   the language's code on the site: filler words and synonyms are read by it
     * @param family the ISO 639 language whose Lucene stop words and stemmer apply
     */
    Analysis(String lang, String family) {
        this.lang = lang;
        this.family = family;
        this.stopWords = foldedStopWords(family);
        this.forText = new WordAnalyzer(family, stopWords, true, null, false);
        this.forQuery = new WordAnalyzer(family, stopWords, false, null, false);
    }

    String lang() {
        return lang;
    }

    /** Analyzes documents, and counts their words into {@code words} for the vocabulary. */
    Analyzer forIndex(WordCounts words) {
        return forIndex(ThreadLocal.withInitial(() -> new WordCounts.Target(words)));
    }

    /**
     * Analyzes documents, and counts their words into whatever each thread's target holds at the
     * time (nothing while it holds null): how each article's words are counted apart.
     */
    Analyzer forIndex(ThreadLocal<WordCounts.Target> targets) {
        return new WordAnalyzer(family, stopWords, true, targets, true);
    }

    /**
     * The writer's chain with every step run for every token, as {@link RememberedWords} would
     * without its memory: the reference that the remembered chain is checked against.
     */
    Analyzer forIndexStepByStep(ThreadLocal<WordCounts.Target> targets) {
        return new WordAnalyzer(family, stopWords, true, targets, false);
    }

    /** Analyzes text exactly as the index did (without counting): what snippets mark. */
    Analyzer forIndex() {
        return forText;
    }

    /** Analyzes what readers type: no catenation, no identifier terms, graphs kept for the query builder. */
    Analyzer forQuery() {
        return forQuery;
    }

    /** The term under which an identifier form is indexed: {@code #mail.readwrite}. */
    static String identifierTerm(String form) {
        return IdentifierForms.MARK + form;
    }

    /** Lower case, accents removed: {@code Permissões} becomes {@code permissoes}. */
    static String fold(String text) {
        char[] in = text.toLowerCase(Locale.ROOT).toCharArray();
        char[] out = new char[in.length * 4];
        int length = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
        return new String(out, 0, length);
    }

    private static CharArraySet foldedStopWords(String family) {
        CharArraySet base = switch (family) {
            case "pt" -> PortugueseAnalyzer.getDefaultStopSet();
            case "en" -> EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
            case "es" -> SpanishAnalyzer.getDefaultStopSet();
            case "fr" -> FrenchAnalyzer.getDefaultStopSet();
            case "de" -> GermanAnalyzer.getDefaultStopSet();
            case "it" -> ItalianAnalyzer.getDefaultStopSet();
            default -> CharArraySet.EMPTY_SET;
        };
        CharArraySet all = new CharArraySet(base.size() * 2, false);
        for (Object word : base) {
            String w = new String((char[]) word);
            all.add(w);
            all.add(fold(w));
        }
        return CharArraySet.unmodifiableSet(all);
    }

    /** Every field's chain (see the class comment). */
    private static final class WordAnalyzer extends Analyzer {
        private final String lang;
        private final CharArraySet stopWords;
        private final boolean atIndexTime;
        private final ThreadLocal<WordCounts.Target> words;
        private final boolean remember;

        WordAnalyzer(String lang, CharArraySet stopWords, boolean atIndexTime, ThreadLocal<WordCounts.Target> words,
                boolean remember) {
            this.lang = lang;
            this.stopWords = stopWords;
            this.atIndexTime = atIndexTime;
            this.words = words;
            this.remember = remember;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            // The writer's chain: its tokenizer gives StandardTokenizer's tokens without the scanner
            // for most text, and each distinct identifier and token is worked out once.
            boolean writer = words != null && remember;
            Tokenizer source = writer ? new LatinTokenizer() : new StandardTokenizer();
            TokenStream s = source;
            if (lang.equals("en")) {
                s = new EnglishPossessiveFilter(s);
            }
            if (atIndexTime) {
                s = new IdentifierForms(s);
            }
            if (writer) {
                s = new RememberedSplits(s);
                s = new RememberedWords(s, words.get(), this::afterLowerCase);
            } else {
                s = new IdentifierSplitter(s, atIndexTime);
                s = new LowerCaseFilter(s);
                if (words != null) {
                    // Components are made on, and kept for, the thread that uses them: its target.
                    s = new WordCounts.Counter(s, words.get());
                }
                s = afterLowerCase(s);
            }
            return new TokenStreamComponents(source, s);
        }

        /** Accents folded, stop words dropped, then stemmed: what follows lower-casing (and counting). */
        private TokenStream afterLowerCase(TokenStream s) {
            s = new ASCIIFoldingFilter(s);
            s = new StopFilter(s, stopWords);
            return switch (lang) {
                // Folds what it stems; NasalPluralFilter's accents only go on words long enough to be stemmed.
                case "pt" -> new PortugueseLightStemFilter(new NasalPluralFilter(s));
                case "en" -> new PorterStemFilter(s);
                case "es" -> new SpanishLightStemFilter(s);
                case "fr" -> new FrenchLightStemFilter(s);
                case "de" -> new GermanLightStemFilter(s);
                case "it" -> new ItalianLightStemFilter(s);
                default -> s;
            };
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }

    /**
     * Splits identifiers into their parts ({@code Mail.ReadWrite} also gives {@code Mail},
     * {@code Read}, {@code Write}; the index also gets {@code MailReadWrite}) and keeps them whole,
     * marked as keywords so that no stemmer changes them. Only tokens that look like identifiers
     * go through the splitter: nearly all words do not, and the splitter (with the graph
     * flattening the index needs) is the costliest step of the chain.
     */
    private static final class IdentifierSplitter extends ConditionalTokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        IdentifierSplitter(TokenStream in, boolean atIndexTime) {
            super(in, tokens -> splitSteps(tokens, atIndexTime));
        }

        @Override
        protected boolean shouldFilter() {
            return splits(term.buffer(), term.length());
        }
    }

    /** Whether a token goes through the splitter: it has parts, and is not one of the marked identifier terms. */
    static boolean splits(char[] b, int len) {
        return !IdentifierForms.isForm(b, len) && Identifiers.hasParts(b, len);
    }

    /** The splitter's steps, applied to the tokens that {@link #splits}. */
    static TokenStream splitSteps(TokenStream tokens, boolean atIndexTime) {
        // Parts get their own offsets (nothing before changes a term's length), so a snippet
        // can mark "REST" inside "OFFICE_ERROR_REST_API".
        TokenStream split = new WordDelimiterGraphFilter(tokens, true, WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE,
                atIndexTime ? INDEX_SPLIT_FLAGS : SPLIT_FLAGS, null);
        // The whole identifier (and its catenation) keeps its spelling; its parts are words.
        return new IdentifierKeywordFilter(atIndexTime ? new FlattenGraphFilter(split) : split);
    }
}
