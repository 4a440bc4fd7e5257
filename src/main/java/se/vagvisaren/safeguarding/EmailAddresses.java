package se.vagvisaren.safeguarding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds e-mail addresses in folded text: the usual form (full-width ＠ and spaces around @ included,
 * since folding turns them into plain characters) and spelled-out forms such as
 * "anna at kommun dot se", "anna (at) kommun (dot) se" or "anna snabel-a kommun punkt se".
 * Spelled-out forms must end in a known top-level domain, so ordinary sentences with "at" stay out.
 */
final class EmailAddresses {

    private static final Pattern PLAIN = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]+ ?@ ?[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,24}(?![\\p{L}\\p{N}-])");

    private static final String AT = "(?:\\s*[(\\[{]\\s*(?:at|snabel-?a)\\s*[)\\]}]\\s*|\\s+(?:at|snabel-?a)\\s+)";
    private static final String DOT = "(?:\\s*[(\\[{]\\s*(?:dot|punkt)\\s*[)\\]}]\\s*|\\s+(?:dot|punkt)\\s+|\\.)";
    private static final Pattern SPELLED = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]+" + AT + "[\\p{L}\\p{N}-]+(?:" + DOT + "[\\p{L}\\p{N}-]+)+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LAST_LABEL = Pattern.compile("([\\p{L}\\p{N}-]+)$");

    private static final Set<String> TOP_LEVEL_DOMAINS = Set.of("se", "nu", "com", "org", "net", "eu", "io",
            "info", "fi", "no", "dk", "de", "uk", "is", "me", "biz", "gov", "edu");

    private EmailAddresses() {
    }

    /** Folded {start, end} offsets of each address, in text order, not overlapping. */
    static List<int[]> find(String folded) {
        List<int[]> found = new ArrayList<>();
        Matcher plain = PLAIN.matcher(folded);
        while (plain.find()) {
            found.add(new int[] {plain.start(), plain.end()});
        }
        Matcher spelled = SPELLED.matcher(folded);
        while (spelled.find()) {
            Matcher last = LAST_LABEL.matcher(spelled.group());
            boolean knownDomain = last.find() && TOP_LEVEL_DOMAINS.contains(last.group(1).toLowerCase(Locale.ROOT));
            int start = spelled.start();
            int end = spelled.end();
            if (knownDomain && found.stream().noneMatch(f -> f[0] < end && start < f[1])) {
                found.add(new int[] {start, end});
            }
        }
        found.sort((a, b) -> Integer.compare(a[0], b[0]));
        return found;
    }
}
