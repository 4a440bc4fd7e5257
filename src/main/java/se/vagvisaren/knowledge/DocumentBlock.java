package se.vagvisaren.knowledge;

/**
 * A heading or a paragraph read from an imported document, before it is grouped into passages.
 *
 * @param heading {@code true} for a heading
 * @param text    the text; Markdown for Markdown sources, plain text for PDFs
 * @param page    page number in the source, or {@code null} when the source has no pages
 */
record DocumentBlock(boolean heading, String text, Integer page) {

    static DocumentBlock heading(String text, Integer page) {
        return new DocumentBlock(true, text, page);
    }

    static DocumentBlock paragraph(String text, Integer page) {
        return new DocumentBlock(false, text, page);
    }
}
