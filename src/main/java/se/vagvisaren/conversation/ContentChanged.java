package se.vagvisaren.conversation;

/**
 * Published when files under a content directory on disk changed, so features can reload.
 *
 * @param area {@code dialogs} or {@code knowledge}
 */
public record ContentChanged(String area) {
}
