package se.vagvisaren.language.dates;

import static se.vagvisaren.language.dates.DateWords.NUMBER_PATTERN;
import static se.vagvisaren.language.dates.DateWords.WEEKDAY_PATTERN;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@link Repetition} from folded lower-case text. "Every month" wins over "every week" when both
 * are written; a weekday series ("varje måndag") is weekly.
 */
final class RepetitionRules {

    // Unicode classes everywhere, as in DateRules: since Java 19 \b treats non-ASCII letters as non-letters without them.

    private static final Pattern SERIES = Pattern.compile(
            "\\b(varje|varannan|every other|every)\\s+(" + WEEKDAY_PATTERN + ")(?:ar|en|s)?\\b", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern WEEKLY = Pattern.compile("\\b(?:varje\\s+vecka|en\\s+gang\\s+i\\s+veckan|veckovis"
            + "|every\\s+week|once\\s+a\\s+week|weekly)\\b", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern MONTHLY = Pattern.compile("\\b(?:varje\\s+manad|en\\s+gang\\s+i\\s+manaden|manadsvis"
            + "|every\\s+month|once\\s+a\\s+month|monthly)\\b", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern TIMES = Pattern.compile("\\b(" + NUMBER_PATTERN + ")\\s+(?:ganger|times|tillfallen)\\b", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern WEEKS = Pattern.compile("\\b(?:i|for|under)\\s+(" + NUMBER_PATTERN
            + ")\\s+(?:veckor|vecka|weeks|week)\\b", Pattern.UNICODE_CHARACTER_CLASS);

    private RepetitionRules() {
    }

    /** @return {@code null} when the text does not say it repeats */
    static Repetition read(String folded, String original) {
        List<String> words = new ArrayList<>();
        Matcher monthly = MONTHLY.matcher(folded);
        while (monthly.find()) {
            words.add(original.substring(monthly.start(), monthly.end()));
        }
        Matcher weekly = WEEKLY.matcher(folded);
        while (weekly.find()) {
            words.add(original.substring(weekly.start(), weekly.end()));
        }
        Matcher series = SERIES.matcher(folded);
        boolean isSeries = series.find();
        if (isSeries) {
            // Only "varje": the day itself is a date mention and leaves the title with it.
            words.add(original.substring(series.start(1), series.end(1)));
        }
        if (words.isEmpty()) {
            return null;
        }
        boolean everyMonth = MONTHLY.matcher(folded).find();
        int interval = isSeries && series.group(1).startsWith("varannan") || isSeries && series.group(1).equals("every other")
                ? 2 : 1;
        return new Repetition(everyMonth ? Repetition.Cadence.MONTHLY : Repetition.Cadence.WEEKLY, interval,
                isSeries ? DateWords.weekday(series.group(2)) : null, count(folded, interval), words);
    }

    /** "3 gånger" as written; "i fyra veckor" as the number of times in that many weeks. */
    private static Integer count(String folded, int interval) {
        Matcher times = TIMES.matcher(folded);
        if (times.find()) {
            return DateWords.number(times.group(1));
        }
        Matcher weeks = WEEKS.matcher(folded);
        if (weeks.find()) {
            int n = DateWords.number(weeks.group(1));
            return n < 0 ? null : (n + interval - 1) / interval;
        }
        return null;
    }
}
