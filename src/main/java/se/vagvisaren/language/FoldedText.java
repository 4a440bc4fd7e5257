package se.vagvisaren.language;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import se.vagvisaren.language.dates.OneForOneFolding;

/**
 * The one normalisation of chat text: a copy folded for matching, with a map back to the original
 * offsets. Folding applies Unicode compatibility decomposition (NFKD, which includes everything NFKC
 * maps: full-width digits {@code １９８５} become {@code 1985}, ligatures {@code ﬁ} become {@code fi},
 * {@code ＠} becomes {@code @}), drops combining marks (å → a, ö → o, so text typed without Swedish
 * letters matches too), drops invisible format characters (zero-width spaces, soft hyphens), turns
 * every kind of space into {@code ' '} and every dash into {@code '-'}, maps digits of other scripts
 * to ASCII, and maps Cyrillic and Greek look-alike letters to Latin ones. Case is kept.
 *
 * <p>Folding goes code point by code point, so every folded character knows which original
 * characters it came from; findings can therefore be reported and redacted in the original text.
 */
public final class FoldedText {

    /** Swedish lower-casing; the same as the root locale's for every letter, but says what is meant. */
    public static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    /** Cyrillic and Greek letters that look like Latin ones (the usual homoglyph tricks). */
    private static final Map<Character, Character> LOOK_ALIKES = Map.ofEntries(
            Map.entry('а', 'a'), Map.entry('е', 'e'), Map.entry('о', 'o'), Map.entry('р', 'p'),
            Map.entry('с', 'c'), Map.entry('у', 'y'), Map.entry('х', 'x'), Map.entry('і', 'i'),
            Map.entry('ј', 'j'), Map.entry('ѕ', 's'), Map.entry('ԁ', 'd'), Map.entry('һ', 'h'),
            Map.entry('к', 'k'), Map.entry('м', 'm'), Map.entry('т', 't'), Map.entry('в', 'b'),
            Map.entry('н', 'h'), Map.entry('ӏ', 'l'),
            Map.entry('А', 'A'), Map.entry('В', 'B'), Map.entry('Е', 'E'), Map.entry('К', 'K'),
            Map.entry('М', 'M'), Map.entry('Н', 'H'), Map.entry('О', 'O'), Map.entry('Р', 'P'),
            Map.entry('С', 'C'), Map.entry('Т', 'T'), Map.entry('Х', 'X'), Map.entry('У', 'Y'),
            Map.entry('І', 'I'), Map.entry('Ј', 'J'), Map.entry('Ѕ', 'S'),
            Map.entry('α', 'a'), Map.entry('ο', 'o'), Map.entry('ν', 'v'), Map.entry('ρ', 'p'),
            Map.entry('τ', 't'), Map.entry('ι', 'i'), Map.entry('κ', 'k'), Map.entry('υ', 'u'),
            Map.entry('Α', 'A'), Map.entry('Β', 'B'), Map.entry('Ε', 'E'), Map.entry('Ζ', 'Z'),
            Map.entry('Η', 'H'), Map.entry('Ι', 'I'), Map.entry('Κ', 'K'), Map.entry('Μ', 'M'),
            Map.entry('Ν', 'N'), Map.entry('Ο', 'O'), Map.entry('Ρ', 'P'), Map.entry('Τ', 'T'),
            Map.entry('Υ', 'Y'), Map.entry('Χ', 'X'));

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /**
     * NFKD of every code point below {@value #TABLED}, computed once with the same {@link Normalizer} call that
     * {@link #of} makes for any other code point: almost all chat text is Latin, and normalising one code point
     * at a time cost three small objects per character on every message (JFR, docs/performance.md).
     */
    private static final int TABLED = 0x0250;
    private static final String[] DECOMPOSED = new String[TABLED];

    static {
        for (int cp = 0; cp < TABLED; cp++) {
            DECOMPOSED[cp] = Normalizer.normalize(String.valueOf((char) cp), Normalizer.Form.NFKD);
        }
    }

    private final String text;
    private final int[] originalStart;
    private final int[] originalEnd;
    private final int originalLength;

    private FoldedText(String text, int[] originalStart, int[] originalEnd, int originalLength) {
        this.text = text;
        this.originalStart = originalStart;
        this.originalEnd = originalEnd;
        this.originalLength = originalLength;
    }

    /** Folds {@code original}; {@code null} folds to the empty text. */
    public static FoldedText of(String original) {
        String source = original == null ? "" : original;
        StringBuilder out = new StringBuilder(source.length());
        int[] starts = new int[source.length() + 8];
        int[] ends = new int[source.length() + 8];
        int i = 0;
        while (i < source.length()) {
            int cp = source.codePointAt(i);
            int next = i + Character.charCount(cp);
            String decomposed = cp < TABLED ? DECOMPOSED[cp]
                    : Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
            for (int k = 0; k < decomposed.length(); k++) {
                char c = decomposed.charAt(k);
                char folded = fold(c);
                if (folded == 0) {
                    continue;
                }
                if (out.length() == starts.length) {
                    starts = Arrays.copyOf(starts, starts.length * 2);
                    ends = Arrays.copyOf(ends, ends.length * 2);
                }
                starts[out.length()] = i;
                ends[out.length()] = next;
                out.append(folded);
            }
            i = next;
        }
        return new FoldedText(out.toString(), starts, ends, source.length());
    }

    /** The folded character for {@code c}, or 0 when it is dropped. */
    private static char fold(char c) {
        int type = Character.getType(c);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.FORMAT || (type == Character.CONTROL && !Character.isWhitespace(c))) {
            return 0;
        }
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return c == '\n' || c == '\r' ? '\n' : ' ';
        }
        if (type == Character.DASH_PUNCTUATION || c == '\u2212') {
            return '-';
        }
        if (Character.isDigit(c) && (c < '0' || c > '9')) {
            return (char) ('0' + Character.digit(c, 10));
        }
        Character lookAlike = LOOK_ALIKES.get(c);
        return lookAlike != null ? lookAlike : c;
    }

    /**
     * The folded text in lower case (Swedish locale), offsets kept: lower-casing goes character by
     * character, so the rare letter whose lower case is longer ("İ") keeps its one-character form.
     */
    public FoldedText lowerCase() {
        char[] lower = text.toCharArray();
        for (int i = 0; i < lower.length; i++) {
            lower[i] = Character.toLowerCase(lower[i]);
        }
        return new FoldedText(new String(lower), originalStart, originalEnd, originalLength);
    }

    /** {@code text} folded and in lower case: "Fjärde STEGET" and "fjarde steget" both give {@code fjarde steget}. */
    public static String fold(String text) {
        return of(text).lowerCase().text();
    }

    /**
     * {@code text} in lower case with Latin diacritics folded one character for one ({@code å ä → a},
     * {@code ö ø → o}, {@code é → e}, {@code æ → a}, {@code ł → l}), so offsets in the result point at the same
     * characters in {@code text}. For readers that report positions in the original without an offset map
     * (the intent model's features); other scripts and signs are left as they are. The date reader uses the
     * same folding: it is {@link OneForOneFolding}, kept in the leaf date package so that both can call it.
     */
    public static String foldKeepingLength(String text) {
        return OneForOneFolding.fold(text);
    }

    /**
     * {@code text} with accents and other combining marks removed but case, signs and spaces kept, for
     * regular expressions written in content files (where a folded dash could change a character class).
     */
    public static String withoutAccents(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    }

    /** The folded text. */
    public String text() {
        return text;
    }

    /** Offset in the original text where folded character {@code foldedIndex} starts. */
    public int originalStart(int foldedIndex) {
        return foldedIndex >= text.length() ? originalLength : originalStart[foldedIndex];
    }

    /** Offset in the original text just after the folded range ending (exclusive) at {@code foldedEnd}. */
    public int originalEnd(int foldedEnd) {
        return foldedEnd <= 0 ? 0 : originalEnd[foldedEnd - 1];
    }
}
