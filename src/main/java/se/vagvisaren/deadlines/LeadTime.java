package se.vagvisaren.deadlines;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long before the due time a reminder comes: whole days ({@code 7d}, sent at the nudge hour of that
 * day), hours or minutes ({@code 2h}, {@code 30m}, counted from the due time), or {@code 0} for a
 * reminder at the due time itself.
 *
 * @param days    days before, or 0
 * @param minutes minutes before (for hour/minute lead times), or 0
 */
record LeadTime(int days, int minutes) implements Comparable<LeadTime> {

    static final LeadTime AT_DUE = new LeadTime(0, 0);
    private static final Pattern SPEC = Pattern.compile("(\\d{1,3})\\s*([dhm])");
    /** Longest lead time accepted: about a quarter of a year. */
    static final int MAX_DAYS = 90;

    LeadTime {
        if (days < 0 || minutes < 0 || (days > 0 && minutes > 0) || days > MAX_DAYS || minutes > MAX_DAYS * 24 * 60) {
            throw new IllegalArgumentException("Lead time out of range");
        }
    }

    boolean atDue() {
        return days == 0 && minutes == 0;
    }

    Duration asDuration() {
        return days > 0 ? Duration.ofDays(days) : Duration.ofMinutes(minutes);
    }

    /** The compact form used in settings and card data: {@code 7d}, {@code 2h}, {@code 30m}, {@code 0}. */
    String spec() {
        if (atDue()) {
            return "0";
        }
        if (days > 0) {
            return days + "d";
        }
        return minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
    }

    /** Larger lead times first (7d before 1d before 0). */
    @Override
    public int compareTo(LeadTime other) {
        return other.asDuration().compareTo(asDuration());
    }

    /**
     * Parses a comma-separated list such as {@code 7d,1d,0}; duplicates are dropped, order is largest first.
     *
     * @throws IllegalArgumentException when an item is not a lead time (the message names no user text)
     */
    static List<LeadTime> parseList(String specs) {
        List<LeadTime> out = new ArrayList<>();
        if (specs == null || specs.isBlank()) {
            return out;
        }
        String[] parts = specs.split(",");
        if (parts.length > 10) {
            throw new IllegalArgumentException("Too many lead times");
        }
        for (String part : parts) {
            LeadTime lead = parse(part);
            if (!out.contains(lead)) {
                out.add(lead);
            }
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    static LeadTime parse(String spec) {
        String s = spec == null ? "" : spec.trim().toLowerCase(Locale.ROOT);
        if (s.equals("0")) {
            return AT_DUE;
        }
        Matcher m = SPEC.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a lead time");
        }
        int amount = Integer.parseInt(m.group(1));
        return switch (m.group(2)) {
            case "d" -> amount == 0 ? AT_DUE : new LeadTime(amount, 0);
            case "h" -> new LeadTime(0, amount * 60);
            default -> new LeadTime(0, amount);
        };
    }

    static String specs(List<LeadTime> leads) {
        return String.join(",", leads.stream().map(LeadTime::spec).toList());
    }
}
