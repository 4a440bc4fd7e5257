package se.vagvisaren.conversation;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.util.ULocale;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A reply text that agrees with a number, written in ICU MessageFormat:
 * {@code {count, plural, =0 {inga uppdateringar} one {# uppdatering} other {# uppdateringar}}}.
 * ICU's CLDR rules pick the form for the text's language, so "1 uppdatering" / "2 uppdateringar" and
 * "1 update" / "2 updates" come from the text file, never from Java. Only texts that contain a
 * {@code plural} or {@code select} argument go through ICU; all others keep the plain {@code {name}}
 * replacement, so date patterns and apostrophes in ordinary texts are never re-interpreted.
 */
final class PluralTemplate {

    /** {@code {name, plural,} or {@code {name, select,}: the mark of an ICU text. */
    private static final Pattern ICU_ARGUMENT = Pattern.compile("\\{\\s*[\\w-]+\\s*,\\s*(plural|select|selectordinal)\\s*,");

    private PluralTemplate() {
    }

    /** Whether {@code template} needs ICU formatting. */
    static boolean applies(String template) {
        return ICU_ARGUMENT.matcher(template).find();
    }

    /**
     * Formats an ICU text. Plural arguments need numbers (a digit string is accepted). Every other argument is passed as a string, so ICU never groups a year or a week
     * number ("2 026") that appears outside a plural.
     *
     * @throws IllegalArgumentException when the text is not valid ICU MessageFormat or a plural argument is no number
     */
    static String format(String template, Language language, Map<String, Object> arguments) {
        Set<String> numeric = pluralArgumentNames(template);
        Map<String, Object> values = new HashMap<>();
        for (Map.Entry<String, Object> e : arguments.entrySet()) {
            values.put(e.getKey(), numeric.contains(e.getKey()) ? number(e.getValue()) : String.valueOf(e.getValue()));
        }
        return new MessageFormat(template, ULocale.forLanguageTag(language.code())).format(values);
    }

    /** Names of the arguments used as {@code plural}/{@code selectordinal} selectors in the text. */
    static Set<String> pluralArgumentNames(String template) {
        MessagePattern pattern = new MessagePattern(template);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < pattern.countParts(); i++) {
            MessagePattern.Part part = pattern.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_START && part.getArgType().hasPluralStyle()) {
                names.add(pattern.getSubstring(pattern.getPart(i + 1)));
            }
        }
        return names;
    }

    private static Number number(Object value) {
        if (value instanceof Number n) {
            return n;
        }
        try {
            return Long.parseLong(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("A plural argument needs a number", e);
        }
    }
}
