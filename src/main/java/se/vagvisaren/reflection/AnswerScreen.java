package se.vagvisaren.reflection;

import se.vagvisaren.conversation.Language;

/**
 * Checks free-text answers before they are stored and again before they are shown on a result card.
 * This is the hook for the safeguarding package's personal-data guard and crisis check: until a bean
 * implementing it exists, {@link #NONE} lets everything through (see {@link AnswerScreenConfiguration}).
 * Implementations must be thread-safe and must never throw for any text.
 */
public interface AnswerScreen {

    /** Lets every text through; the default until safeguarding provides a real screen. */
    AnswerScreen NONE = (text, language) -> Verdict.CLEAR;

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
