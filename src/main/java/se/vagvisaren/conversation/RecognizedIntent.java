package se.vagvisaren.conversation;

import java.util.List;
import se.vagvisaren.language.dates.DateMention;

/**
 * What the language understanding made of a message.
 *
 * @param name       intent name, e.g. {@code deadline_create}
 * @param confidence probability in [0, 1]
 * @param entities   date/time and other entities found in the text; empty when none
 */
public record RecognizedIntent(String name, double confidence, List<Entity> entities) {

    public RecognizedIntent {
        entities = entities == null ? List.of() : List.copyOf(entities);
    }

    public static RecognizedIntent of(String name) {
        return new RecognizedIntent(name, 1.0, List.of());
    }

    /**
     * One entity.
     *
     * @param type  e.g. {@code datetime}
     * @param value normalised value, e.g. {@code 2026-11-27T14:00} (local time in the conversation's zone)
     * @param grain {@code minute} or {@code day} for date-times
     * @param text  the words it was read from
     * @param date  for a {@code datetime}: the typed value from the date parser, so no handler reads
     *              {@code value} back; {@code null} for other entities (and for one that could not be read)
     */
    public record Entity(String type, String value, String grain, String text, DateMention date) {

        /** An entity without a typed date. */
        public Entity(String type, String value, String grain, String text) {
            this(type, value, grain, text, null);
        }

        /** A {@code datetime} entity for a date found in the message. */
        public static Entity of(DateMention date) {
            return new Entity("datetime", date.valueText(), date.grain().code(), date.text(), date);
        }
    }
}
