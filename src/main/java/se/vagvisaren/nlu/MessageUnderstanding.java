package se.vagvisaren.nlu;

import java.time.ZonedDateTime;

/**
 * Reads a chat message: language, intent ranking and entities. Implementations are thread-safe and
 * never throw for any text, including empty, huge or foreign-language input.
 */
public interface MessageUnderstanding {

    /**
     * @param text   the message with the bot's mention removed; may be empty
     * @param locale the Teams activity locale such as {@code sv-SE}, or {@code null}
     * @param now    the current time in the conversation's zone; relative dates are resolved against it
     */
    Understanding understand(String text, String locale, ZonedDateTime now);

    /**
     * What the words of {@code text} alone say about its language (no locale), so a conversation's language
     * changes only when the person clearly writes in another one. Never throws.
     *
     * @return {@link TextLanguage#unknown()} when this implementation cannot tell
     */
    default TextLanguage textLanguage(String text) {
        return TextLanguage.unknown();
    }

    /**
     * {@code text} with typos in the bot's domain words mended ("lägesbil" → "lägesbild"), as the intent model
     * reads it; for a search that should find what the person meant. Never throws.
     */
    default String mended(String text) {
        return text == null ? "" : text;
    }
}
