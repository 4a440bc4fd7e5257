package se.vagvisaren.language.dates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.Month;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Swedish and English month names, weekday names and small number words, read once from
 * {@code dialogs/dates/*.yaml} (packaged with the application) and folded (no å/ä/ö) as the date parser
 * sees text. A missing or broken file stops start-up: without them no date can be read.
 */
final class DateWords {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static final Map<String, Integer> MONTHS = table("months.yaml", key -> Month.valueOf(key.toUpperCase(Locale.ROOT)).getValue());
    static final Map<String, Integer> WEEKDAYS = table("weekdays.yaml",
            key -> DayOfWeek.valueOf(key.toUpperCase(Locale.ROOT)).getValue());
    static final Map<String, Integer> NUMBERS = table("numbers.yaml", Integer::parseInt);

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

    /** Word → value from one file of {@code dialogs/dates/}: each key's value, for each of its words. */
    private static Map<String, Integer> table(String file, ToIntFunction<String> value) {
        String path = "dialogs/dates/" + file;
        try (InputStream in = DateWords.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing");
            }
            Map<String, Integer> out = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = YAML.readTree(in).fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                int v = value.applyAsInt(field.getKey());
                for (JsonNode word : field.getValue()) {
                    out.put(OneForOneFolding.fold(word.asText().strip()), v);
                }
            }
            if (out.isEmpty()) {
                throw new IllegalStateException(path + " has no words");
            }
            return Map.copyOf(out);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** A word as a regex: letters and digits as they are, anything else ("sept.") quoted. */
    private static String literal(String word) {
        return word.chars().allMatch(Character::isLetterOrDigit) ? word : Pattern.quote(word);
    }

    private static String alternatives(Map<String, Integer> words) {
        return words.keySet().stream()
                .sorted((a, b) -> b.length() != a.length() ? b.length() - a.length() : a.compareTo(b))
                .map(DateWords::literal)
                .collect(Collectors.joining("|"));
    }
}
