package se.vagvisaren.progress;

import java.util.List;
import se.vagvisaren.conversation.Language;

/**
 * The privacy check every progress update passes before it is stored, implemented by
 * {@link GuardedUpdateScreen} over the safeguarding feature's personal-data guard (personnummer, phone
 * numbers, names next to violence words).
 */
public interface UpdateScreen {

    /**
     * Checks one update text. Must not throw and must not log the text.
     *
     * @param text     the update as the user wrote it (may be long, may contain markup)
     * @param language the user's language, for the reasons shown to them
     */
    Screening screen(String text, Language language);

    /**
     * The outcome of a screening.
     *
     * @param flagged whether the text looks like it holds personal data; a flagged update is not stored
     * @param reasons short, user-facing reasons in the requested language ("ett personnummer"); may be empty
     */
    record Screening(boolean flagged, List<String> reasons) {
        public Screening {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }

        public static Screening clear() {
            return new Screening(false, List.of());
        }

        public static Screening flagged(List<String> reasons) {
            return new Screening(true, reasons);
        }
    }
}
