package se.vagvisaren.language.dates;

import java.util.Locale;

/** How precise a {@link DateMention} is. */
public enum DateGrain {
    /** A whole day: "på fredag", "vecka 50", "i slutet av månaden". */
    DAY,
    /** A time of day, to the minute: "fredag kl 14", "om 10 minuter", "kl 9". */
    MINUTE;

    /** {@code day} or {@code minute}, as in the JSON contract of {@code /api/nlu/parse}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
