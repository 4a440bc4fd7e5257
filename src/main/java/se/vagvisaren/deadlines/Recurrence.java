package se.vagvisaren.deadlines;

import java.time.LocalDate;
import java.time.YearMonth;

/** How a deadline repeats. Monthly deadlines keep their day of month, clamped in short months (31 → 28/30). */
enum Recurrence {
    NONE, WEEKLY, MONTHLY;

    /**
     * The next occurrence after {@code current}.
     *
     * @param anchorDay the day of month the series started on (keeps 31 January → 28 February → 31 March)
     */
    LocalDate next(LocalDate current, int anchorDay) {
        return switch (this) {
            case NONE -> throw new IllegalStateException("A one-off deadline has no next occurrence");
            case WEEKLY -> current.plusWeeks(1);
            case MONTHLY -> {
                YearMonth month = YearMonth.from(current).plusMonths(1);
                yield month.atDay(Math.min(anchorDay, month.lengthOfMonth()));
            }
        };
    }

    static Recurrence parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        try {
            return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return NONE;
        }
    }
}
