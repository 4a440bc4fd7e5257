package se.vagvisaren.conversation;

/** A feature's entry point for presses on its own cards. */
public interface CardActionHandler {

    /** The verb prefix this handler owns, e.g. {@code reflection} for {@code reflection.*}. */
    String feature();

    /**
     * Handles one action. Unknown verbs within the feature must return {@link CardActionResult#unknown}.
     */
    CardActionResult handle(CardAction action);
}
