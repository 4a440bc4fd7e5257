package se.vagvisaren.language.dates;

import java.time.DayOfWeek;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Swedish and English month names, weekday names and small number words, folded (no å/ä/ö) as the date
 * parser sees text. Grammar words, not content: they define the date language the parser understands.
 */
final class DateWords {

    static final Map<String, Integer> MONTHS = table(
            "januari january jan", 1, "februari february feb", 2, "mars march mar", 3, "april apr", 4,
            "maj may", 5, "juni june jun", 6, "juli july jul", 7, "augusti august aug", 8,
            "september sept sep", 9, "oktober october okt oct", 10, "november nov", 11, "december dec", 12);

    static final Map<String, Integer> WEEKDAYS = table(
            "mandag monday", 1, "tisdag tuesday", 2, "onsdag wednesday", 3, "torsdag thursday", 4,
            "fredag friday", 5, "lordag saturday", 6, "sondag sunday", 7);

    static final Map<String, Integer> NUMBERS = table(
            "en ett one a an", 1, "tva two par couple", 2, "tre three", 3, "fyra four", 4, "fem five", 5,
            "sex six", 6, "sju seven", 7, "atta eight", 8, "nio nine", 9, "tio ten", 10, "elva eleven", 11,
            "tolv twelve", 12, "tretton thirteen", 13, "fjorton fourteen", 14, "femton fifteen", 15,
            "sexton sixteen", 16, "sjutton seventeen", 17, "arton eighteen", 18, "nitton nineteen", 19,
            "tjugo twenty", 20, "trettio thirty", 30);

    /** Regex alternatives, longest first so "september" wins over "sep". */
    static final String MONTH_PATTERN = alternatives(MONTHS);
    static final String WEEKDAY_PATTERN = alternatives(WEEKDAYS);
    static final String NUMBER_PATTERN = "\\d{1,3}|" + alternatives(NUMBERS);

    private DateWords() {
    }

    static int month(String word) {
        return MONTHS.get(word);
    }

    static DayOfWeek weekday(String word) {
        return DayOfWeek.of(WEEKDAYS.get(word));
    }

    /** A number written in digits or as a word; {@code -1} when it is neither. */
    static int number(String word) {
        if (word.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(word);
        }
        return NUMBERS.getOrDefault(word, -1);
    }

    private static Map<String, Integer> table(Object... wordsAndValues) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < wordsAndValues.length; i += 2) {
            for (String word : ((String) wordsAndValues[i]).split(" ")) {
                out.put(word, (Integer) wordsAndValues[i + 1]);
            }
        }
        return Map.copyOf(out);
    }

    private static String alternatives(Map<String, Integer> words) {
        return words.keySet().stream()
                .sorted((a, b) -> b.length() != a.length() ? b.length() - a.length() : a.compareTo(b))
                .collect(Collectors.joining("|"));
    }
}
