package se.vagvisaren.knowledge;

/**
 * A part of an imported document that did not become a passage.
 *
 * @param where  where in the document, e.g. {@code page 3} or {@code section "Inledning"}
 * @param reason why, in English, e.g. {@code no extractable text (scanned image?)}
 */
public record SkippedPart(String where, String reason) {
}
