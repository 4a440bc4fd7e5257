package se.vagvisaren.safeguarding;

import java.util.Locale;

/**
 * One piece of personal data found in a text. Holds only the kind and where it is, never the matched
 * characters, so a finding can be logged or counted without leaking what was written.
 *
 * @param kind  what was found
 * @param start offset of the first character in the scanned (original, unnormalised) text
 * @param end   offset just after the last character, exclusive
 */
public record PersonalDataFinding(Kind kind, int start, int end) {

    /** The kinds of personal data the guard looks for. */
    public enum Kind {
        /** Swedish personal identity number, 10 or 12 digits with a valid date and Luhn check digit. */
        PERSONNUMMER,
        /** Like a personnummer, with 60 added to the day of birth. */
        SAMORDNINGSNUMMER,
        /** A Swedish phone number (070-123 45 67, 08-123 456 78, +46 70 123 45 67). */
        PHONE,
        /** An e-mail address, also written "name at domain dot se". */
        EMAIL,
        /** A person's name within a few words of a word about violence. */
        NAME_NEAR_VIOLENCE;

        /** Lower-case key used in reply texts ({@code guard.kind.phone}). */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether this is a personnummer or samordningsnummer. */
        public boolean isIdentityNumber() {
            return this == PERSONNUMMER || this == SAMORDNINGSNUMMER;
        }
    }

    public PersonalDataFinding {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("Bad span " + start + ".." + end);
        }
    }
}
