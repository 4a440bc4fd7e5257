package se.vagvisaren.routing;

/**
 * A step's answer and what to count it as.
 *
 * @param tag    the metric tag value: the {@code intent} of {@code vagvisaren.messages.in} for a message, the
 *               {@code outcome} of {@code vagvisaren.card.actions} for a card press
 * @param answer the replies ({@code List<Reply>}) or the card-action result
 * @param <T>    what the pipeline returns
 */
record Routed<T>(String tag, T answer) {
}
