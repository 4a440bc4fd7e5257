package se.vagvisaren.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.ibm.icu.text.MessagePattern;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: "1 uppdateringar". Goes through every shipped reply text in both languages: every number a
 * text shows agrees with its noun, through ICU plural arguments, and the rendered texts for 0, 1, 2 and 5
 * never put a singular noun after 2 or a plural noun after 1.
 */
class ReplyTextsPluralTest {

    /** Placeholders that carry a number of things: they must be ICU plural arguments. */
    private static final Set<String> COUNT_NAMES = Set.of("count", "n", "days", "weeks", "months", "years", "hours",
            "minutes", "total", "shown", "min", "max", "length");
    /** Nouns (and abbreviations) spelled the same in singular and plural. */
    private static final Set<String> SAME_IN_BOTH = Set.of("svar", "tecken", "team", "st", "min", "år", "steg");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\s*([\\w-]+)\\s*[,}]");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private final ReplyTexts texts = new ReplyTexts(new ContentSource("dialogs", Path.of("dialogs")));

    @Test
    void everyTextWithACount_usesAPluralArgumentWithOneAndOtherForms() {
        List<String> problems = new ArrayList<>();
        int countTexts = 0;
        for (Language lang : Language.values()) {
            for (String key : texts.keys(lang)) {
                String template = texts.template(lang, key).orElseThrow();
                Set<String> counts = countPlaceholders(template);
                if (counts.isEmpty() && !PluralTemplate.applies(template)) {
                    continue;
                }
                countTexts++;
                Set<String> plurals;
                try {
                    plurals = PluralTemplate.pluralArgumentNames(template);
                } catch (IllegalArgumentException e) {
                    problems.add(lang + " " + key + ": not valid ICU MessageFormat (" + e.getMessage() + ")");
                    continue;
                }
                for (String name : counts) {
                    if (!plurals.contains(name)) {
                        problems.add(lang + " " + key + ": {" + name + "} is a number without a plural form");
                    }
                }
                for (Branches b : branches(template)) {
                    if (b.one() == null || b.other() == null) {
                        problems.add(lang + " " + key + ": {" + b.name() + ", plural} needs both a one and an other form");
                    } else if (b.one().equals(b.other()) && !SAME_IN_BOTH.containsAll(words(b.other()))) {
                        problems.add(lang + " " + key + ": {" + b.name() + "} has the same one and other form '" + b.one() + "'");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(countTexts).as("texts with a count found in both languages").isGreaterThan(60);
    }

    @Test
    void everyText_renderedWith0125_neverPairsANumberWithTheWrongNounForm() {
        Map<Language, Set<String>> singulars = new java.util.EnumMap<>(Language.class);
        Map<Language, Set<String>> plurals = new java.util.EnumMap<>(Language.class);
        for (Language lang : Language.values()) {
            Set<String> singular = singulars.computeIfAbsent(lang, l -> new TreeSet<>());
            Set<String> plural = plurals.computeIfAbsent(lang, l -> new TreeSet<>());
            for (String key : texts.keys(lang)) {
                String template = texts.template(lang, key).orElseThrow();
                if (PluralTemplate.applies(template)) {
                    for (Branches b : branches(template)) {
                        if (b.one() != null && b.other() != null) {
                            Set<String> one = words(b.one());
                            Set<String> other = words(b.other());
                            one.stream().filter(w -> !other.contains(w)).forEach(singular::add);
                            other.stream().filter(w -> !one.contains(w)).forEach(plural::add);
                        }
                    }
                }
            }
        }
        assertThat(plurals.get(Language.SV)).contains("uppdateringar", "dagar");
        assertThat(singulars.get(Language.SV)).contains("uppdatering", "dag");
        assertThat(plurals.get(Language.EN)).contains("updates", "days");
        assertThat(singulars.get(Language.EN)).contains("update", "day");

        List<String> problems = new ArrayList<>();
        for (Language lang : Language.values()) {
            Set<String> singular = singulars.get(lang);
            Set<String> plural = plurals.get(lang);
            for (String key : texts.keys(lang)) {
                String template = texts.template(lang, key).orElseThrow();
                for (int n : new int[] {0, 1, 2, 5}) {
                    String rendered = texts.get(lang, key, arguments(template, n));
                    if (rendered.contains("{") || rendered.contains("}")) {
                        problems.add(lang + " " + key + " (" + n + "): placeholder left in '" + rendered + "'");
                    }
                    Matcher m = Pattern.compile("(?U)\\b" + n + "\\s+(\\p{L}+)").matcher(rendered);
                    while (m.find()) {
                        String noun = m.group(1).toLowerCase(Locale.ROOT);
                        if (n == 1 && plural.contains(noun) && !singular.contains(noun)) {
                            problems.add(lang + " " + key + ": '" + m.group() + "' in '" + rendered + "'");
                        }
                        if (n > 1 && singular.contains(noun) && !plural.contains(noun)) {
                            problems.add(lang + " " + key + ": '" + m.group() + "' in '" + rendered + "'");
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyPluralText_renderedWithOne_showsItsSingularWords() {
        List<String> problems = new ArrayList<>();
        for (Language lang : Language.values()) {
            for (String key : texts.keys(lang)) {
                String template = texts.template(lang, key).orElseThrow();
                if (!PluralTemplate.applies(template)) {
                    continue;
                }
                String one = texts.get(lang, key, arguments(template, 1)).toLowerCase(Locale.ROOT);
                String two = texts.get(lang, key, arguments(template, 2)).toLowerCase(Locale.ROOT);
                for (Branches b : branches(template)) {
                    Set<String> otherWords = words(b.other());
                    for (String w : words(b.one())) {
                        if (!otherWords.contains(w) && !one.matches("(?sU).*\\b" + w + "\\b.*")) {
                            problems.add(lang + " " + key + ": rendered for 1 lacks '" + w + "': " + one);
                        }
                    }
                }
                if (!SAME_IN_BOTH.containsAll(allBranchWords(template)) && one.equals(two.replace('2', '1'))) {
                    problems.add(lang + " " + key + ": reads the same for 1 and 2: " + one);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void specificTexts_readRightInBothLanguages() {
        assertThat(texts.get(Language.SV, "progress.list.showing-all", "filter", "alla", "total", 1)).isEqualTo("alla · 1 uppdatering");
        assertThat(texts.get(Language.SV, "progress.list.showing-all", "filter", "alla", "total", 2)).isEqualTo("alla · 2 uppdateringar");
        assertThat(texts.get(Language.EN, "progress.list.showing-all", "filter", "all", "total", 1)).isEqualTo("all · 1 update");
        assertThat(texts.get(Language.EN, "progress.list.showing-all", "filter", "all", "total", 2)).isEqualTo("all · 2 updates");
        assertThat(texts.get(Language.SV, "progress.county.active", "count", 1, "steps", "2")).isEqualTo("Aktivt steg: 2");
        assertThat(texts.get(Language.SV, "progress.county.active", "count", 2, "steps", "2 och 3")).isEqualTo("Aktiva steg: 2 och 3");
        assertThat(texts.get(Language.SV, "reflection.count", "count", 0)).isEqualTo("Inga svar än");
        assertThat(texts.get(Language.EN, "reflection.count", "count", 1)).isEqualTo("1 answer");
        assertThat(texts.get(Language.SV, "deadlines.lead.days", "n", 1)).isEqualTo("1 dag före (kl. 09)");
        assertThat(texts.get(Language.SV, "privacy.months", "count", 1)).isEqualTo("1 månad");
    }

    @Test
    void everyText_parsesWhenFilledWithAnArgumentThatIsNotANumber() {
        for (Language lang : Language.values()) {
            for (String key : texts.keys(lang)) {
                String template = texts.template(lang, key).orElseThrow();
                Object[] args = arguments(template, 1);
                for (int i = 1; i < args.length; i += 2) {
                    args[i] = "många";
                }
                assertThatCode(() -> texts.get(lang, key, args)).as(lang + " " + key).doesNotThrowAnyException();
            }
        }
    }

    private static Set<String> countPlaceholders(String template) {
        Set<String> names = new HashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (COUNT_NAMES.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** Every placeholder as a name/value pair: counts get {@code n}, everything else a word. */
    private static Object[] arguments(String template, int n) {
        Map<String, Object> args = new LinkedHashMap<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            String name = m.group(1);
            args.put(name, COUNT_NAMES.contains(name) || (PluralTemplate.applies(template)
                    && PluralTemplate.pluralArgumentNames(template).contains(name)) ? n : "Xyz");
        }
        List<Object> pairs = new ArrayList<>();
        args.forEach((k, v) -> {
            pairs.add(k);
            pairs.add(v);
        });
        return pairs.toArray();
    }

    private record Branches(String name, String one, String other) {
    }

    /** The one (or =1) and other message of each plural argument, as source text. */
    private static List<Branches> branches(String template) {
        List<Branches> result = new ArrayList<>();
        MessagePattern p = new MessagePattern(template);
        for (int i = 0; i < p.countParts(); i++) {
            MessagePattern.Part part = p.getPart(i);
            if (part.getType() != MessagePattern.Part.Type.ARG_START || !part.getArgType().hasPluralStyle()) {
                continue;
            }
            String name = p.getSubstring(p.getPart(i + 1));
            int limit = p.getLimitPartIndex(i);
            String one = null;
            String other = null;
            for (int j = i + 2; j < limit; j++) {
                MessagePattern.Part sel = p.getPart(j);
                if (sel.getType() == MessagePattern.Part.Type.ARG_SELECTOR) {
                    String selector = p.getSubstring(sel);
                    int msgStart = j + 1;
                    if (p.getPart(msgStart).getType() == MessagePattern.Part.Type.ARG_INT
                            || p.getPart(msgStart).getType() == MessagePattern.Part.Type.ARG_DOUBLE) {
                        msgStart++;
                    }
                    int msgLimit = p.getLimitPartIndex(msgStart);
                    String text = template.substring(p.getPart(msgStart).getLimit(), p.getPart(msgLimit).getIndex());
                    if (selector.equals("one") || (selector.equals("=1") && one == null)) {
                        one = text;
                    } else if (selector.equals("other")) {
                        other = text;
                    }
                    j = msgLimit;
                }
            }
            result.add(new Branches(name, one, other));
        }
        return result;
    }

    private static Set<String> allBranchWords(String template) {
        Set<String> all = new HashSet<>();
        for (Branches b : branches(template)) {
            if (b.one() != null) {
                all.addAll(words(b.one()));
            }
            if (b.other() != null) {
                all.addAll(words(b.other()));
            }
        }
        return all;
    }

    /** Lower-case words of a branch, nested placeholders left out. */
    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        Matcher m = WORD.matcher(text.replaceAll("\\{[^{}]*}", " ").toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }
}
