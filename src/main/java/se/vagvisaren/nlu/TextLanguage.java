package se.vagvisaren.nlu;

import se.vagvisaren.conversation.Language;

/**
 * What the words of one message alone say about its language, without the Teams locale.
 *
 * @param language the language the words lean to; {@code null} when {@link Strength#NONE}
 * @param strength how much the words say
 */
public record TextLanguage(Language language, Strength strength) {

    /** How clearly the words point to one language. */
    public enum Strength {
        /** No word the bot knows: emoji, an @mention only, Finnish, Arabic… */
        NONE,
        /** Some known words, but too few or mixed: a command word, "deadlines", half Swedish and half English. */
        WEAK,
        /** Several known words that agree: a sentence written in that language. */
        CLEAR
    }

    /** Nothing known in the text. */
    public static TextLanguage unknown() {
        return new TextLanguage(null, Strength.NONE);
    }

    public boolean clear() {
        return strength == Strength.CLEAR;
    }
}
