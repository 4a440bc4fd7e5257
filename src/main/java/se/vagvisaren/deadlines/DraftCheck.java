package se.vagvisaren.deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import lombok.RequiredArgsConstructor;

/**
 * Whether a draft can be saved. Pure; the answer names the first problem found, in the order a user
 * would fix them (when, then the title).
 */
@RequiredArgsConstructor
final class DraftCheck {

    /** What is wrong with a draft. */
    enum Problem {
        /** No due date given. */
        MISSING_DATE,
        /** The due time has passed (a whole-day deadline may be today). */
        PAST,
        /** Further ahead than the configured number of years. */
        TOO_FAR,
        /** Longer than the configured title length. */
        TITLE_TOO_LONG
    }

    private final int maxTitleChars;
    private final int maxYearsAhead;

    Optional<Problem> check(DeadlineDraft draft, ZoneId zone, Instant now) {
        if (draft.date() == null) {
            return Optional.of(Problem.MISSING_DATE);
        }
        ZonedDateTime localNow = now.atZone(zone);
        LocalDate today = localNow.toLocalDate();
        boolean past = draft.time() == null
                ? draft.date().isBefore(today)
                : !new Due(draft.date(), draft.time(), zone).instant().isAfter(now);
        if (past) {
            return Optional.of(Problem.PAST);
        }
        if (draft.date().isAfter(today.plusYears(maxYearsAhead))) {
            return Optional.of(Problem.TOO_FAR);
        }
        if (draft.title().codePointCount(0, draft.title().length()) > maxTitleChars) {
            return Optional.of(Problem.TITLE_TOO_LONG);
        }
        return Optional.empty();
    }

    int maxTitleChars() {
        return maxTitleChars;
    }

    int maxYearsAhead() {
        return maxYearsAhead;
    }
}
