package se.vagvisaren.knowledge;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Who a support passage is for ({@code audience:} in front matter). Keeps a person who is afraid of
 * someone away from the line for people who use violence, and the other way round.
 */
public enum Audience {
    VICTIM("victim"),
    USES_VIOLENCE("uses-violence"),
    CHILD("child"),
    STAFF("staff"),
    ANYONE("anyone");

    private final String code;

    Audience(String code) {
        this.code = code;
    }

    /** The value written in front matter, e.g. {@code uses-violence}. */
    public String code() {
        return code;
    }

    /** The audience written as {@code code} (case-insensitive), or empty when there is no such audience. */
    static Optional<Audience> fromCode(String code) {
        String wanted = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.code.equals(wanted)).findFirst();
    }

    /** All codes, comma-separated, for error messages. */
    static String codes() {
        return Arrays.stream(values()).map(Audience::code).collect(Collectors.joining(", "));
    }
}
