package se.vagvisaren.deadlines;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.RecognizedIntent;
import se.vagvisaren.language.dates.DateMention;
import se.vagvisaren.language.dates.DateParse;
import se.vagvisaren.language.dates.Repetition;

/**
 * Reads a "create a deadline" message: the due time from the NLU's typed {@code datetime} entities (taken
 * as given, local to the team's zone), impossible dates and repetition from the date parser's reading of
 * the message, whether it is for the writer personally, and a title made of what is left once date words,
 * repetition words and the lead-in ("påminn styrgruppen om", "remind us to") are removed. Pure and safe
 * for any text; no date is parsed here.
 */
final class DeadlineRequestReader {

    /** Unicode classes: since Java 19, \b without them treats å, ä and ö as non-letters (JDK-8282129). */
    private static final int F = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
    /** "påminn (styrgruppen|oss|mig) om (att)", up to three words for whom. */
    private static final Pattern LEAD_IN_SV = Pattern.compile("^(?:kan\\s+du\\s+|snälla\\s+|vänligen\\s+)*"
            + "(?:påminn|påminna|påminnelse)\\b\\s*((?:(?!om\\b|att\\b|till\\b)[\\p{L}\\p{N}-]+\\s*){0,3})(?:(?:om|till)\\s+(?:att\\s+)?|att\\s+)?", F);
    private static final Pattern LEAD_IN_EN = Pattern.compile("^(?:please\\s+|can\\s+you\\s+|could\\s+you\\s+)*"
            + "remind\\b\\s*((?:(?!to\\b|about\\b|of\\b|that\\b)[\\p{L}\\p{N}-]+\\s*){0,3})(?:(?:to|about|of|that)\\s+)?", F);
    private static final Pattern OTHER_LEAD_IN = Pattern.compile("^(?:skapa|lägg\\s+till|lägg\\s+in|ny|new|create|add|set)?\\s*"
            + "(?:en\\s+|a\\s+)?(?:ny\\s+|new\\s+)?(?:deadline|påminnelse|reminder)\\s*(?:för|om|for|about|to)?\\s*:?\\s*", F);
    private static final Set<String> ME = Set.of("mig", "mej", "me", "myself");
    private static final Set<String> FILLER = Set.of("den", "på", "kl", "kl.", "klockan", "till", "senast", "innan", "före",
            "om", "att", "by", "on", "at", "before", "until", "to", "about", "the", "för", "for", "in", "i", "och", "and",
            "next", "nästa", "this", "denna", "detta", "kommande", "varje", "every");

    private DeadlineRequestReader() {
    }

    /**
     * @param entities the NLU's entities for the message
     * @param parsed   the date parser's reading of the same message (rejected dates, repetition)
     */
    static DeadlineRequest read(String text, List<RecognizedIntent.Entity> entities, DateParse parsed, Language language) {
        String message = text == null ? "" : text.strip();
        DateSanity.Finding invalid = DateSanity.first(parsed.rejected(), language).orElse(null);
        List<DeadlineRequest.When> dates = new ArrayList<>();
        String rest = message;
        for (RecognizedIntent.Entity entity : entities) {
            if (!"datetime".equals(entity.type())) {
                continue;
            }
            DateMention date = entity.date();
            if (date == null) {
                if (invalid == null) {
                    invalid = DateSanity.Finding.unreadable(safe(entity.text()));
                }
            } else {
                dates.add(new DeadlineRequest.When(date.date(), date.time(), safe(entity.text())));
            }
            rest = remove(rest, entity.text());
        }
        Repetition repetition = parsed.repetition();
        Recurrence recurrence = repetition == null ? Recurrence.NONE
                : repetition.cadence() == Repetition.Cadence.MONTHLY ? Recurrence.MONTHLY : Recurrence.WEEKLY;
        if (repetition != null) {
            for (String words : repetition.words()) {
                rest = removeWords(rest, words);
            }
        }
        rest = rest.replaceAll("\\s+", " ").strip();
        boolean forMe = false;
        Matcher lead = (language == Language.EN ? LEAD_IN_EN : LEAD_IN_SV).matcher(rest);
        if (!lead.lookingAt()) {
            lead = (language == Language.EN ? LEAD_IN_SV : LEAD_IN_EN).matcher(rest);
        }
        if (lead.lookingAt() && lead.end() > 0) {
            String whom = lead.group(1) == null ? "" : lead.group(1).strip().toLowerCase(Locale.ROOT);
            forMe = ME.contains(whom);
            rest = rest.substring(lead.end());
        } else {
            Matcher other = OTHER_LEAD_IN.matcher(rest);
            if (other.lookingAt() && other.end() > 0) {
                rest = rest.substring(other.end());
            }
        }
        return new DeadlineRequest(tidy(rest), forMe, recurrence, merge(dates), invalid);
    }

    /** Same day given twice (once with a time): keep the one with the time. Distinct times stay distinct. */
    private static List<DeadlineRequest.When> merge(List<DeadlineRequest.When> dates) {
        Map<LocalDate, List<DeadlineRequest.When>> byDate = new LinkedHashMap<>();
        for (DeadlineRequest.When w : dates) {
            byDate.computeIfAbsent(w.date(), d -> new ArrayList<>()).add(w);
        }
        List<DeadlineRequest.When> out = new ArrayList<>();
        for (List<DeadlineRequest.When> sameDay : byDate.values()) {
            List<DeadlineRequest.When> timed = sameDay.stream().filter(w -> w.time() != null)
                    .filter(distinctTime()).toList();
            out.addAll(timed.isEmpty() ? List.of(sameDay.get(0)) : timed);
        }
        return out;
    }

    private static java.util.function.Predicate<DeadlineRequest.When> distinctTime() {
        Set<java.time.LocalTime> seen = new java.util.HashSet<>();
        return w -> seen.add(w.time());
    }

    /** Whole words only: removing "every" must not cut "everyone". */
    private static String removeWords(String text, String words) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(words.strip()) + "(?![\\p{L}\\p{N}])", F)
                .matcher(text).replaceAll(" ");
    }

    private static String remove(String text, String part) {
        if (part == null || part.isBlank()) {
            return text;
        }
        return Pattern.compile(Pattern.quote(part.strip()), F).matcher(text).replaceAll(" ");
    }

    /** Drops filler words at both ends and stray punctuation; capitalises the first letter. */
    static String tidy(String text) {
        List<String> words = new ArrayList<>(List.of(text.replaceAll("[\\p{Cc}\\p{Cf}&&[^\\n]]", "").strip().split("\\s+")));
        words.removeIf(String::isEmpty);
        while (!words.isEmpty() && FILLER.contains(clean(words.get(0)))) {
            words.remove(0);
        }
        while (!words.isEmpty() && FILLER.contains(clean(words.get(words.size() - 1)))) {
            words.remove(words.size() - 1);
        }
        String title = String.join(" ", words).replaceAll("^[\\s,.:;!?–—-]+|[\\s,.:;–—-]+$", "").strip();
        title = title.replaceAll("^[\"'”“«]+|[\"'”“»]+$", "").strip();
        return title.isEmpty() ? "" : Character.toUpperCase(title.charAt(0)) + title.substring(1);
    }

    private static String clean(String word) {
        return word.toLowerCase(Locale.ROOT).replaceAll("[,.:;!?]+$", "");
    }

    private static String safe(String text) {
        return text == null ? "" : text.length() > 60 ? text.substring(0, 60) : text;
    }
}
