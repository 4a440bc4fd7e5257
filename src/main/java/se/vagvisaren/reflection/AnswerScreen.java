package se.vagvisaren.reflection;

import se.vagvisaren.conversation.Language;

/**
 * Checks free-text answers before they are stored and again before they are shown on a result card.
 * {@link GuardedAnswerScreen} implements it over the safeguarding package's personal-data guard and crisis
 * check. Implementations must be thread-safe and must never throw for any text.
 */
public interface AnswerScreen {

    /**
     * @param text     one free-text answer, already length-checked (at most a few thousand characters)
     * @param language the session's language
     */
    Verdict check(String text, Language language);

    /** What the screen found. */
    enum Verdict {
        /** Nothing found: store and show it. */
        CLEAR,
        /** Looks like personal data (personnummer, phone number, a name next to violence words): not stored, not shown. */
        PERSONAL_DATA,
        /** Signals danger or a disclosure of violence: not stored; the writer gets the support numbers. */
        DISTRESS
    }
}
