package se.vagvisaren.knowledge;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a passage comes from, shown as its citation.
 *
 * @param document the document, e.g. {@code Inget att vänta på (2020)}
 * @param section  the section or chapter within it; may be {@code null}
 * @param page     the page number, only when it is known for certain; {@code null} otherwise (never guessed)
 * @param url      an {@code https} address where the source can be read (the handbook's own page); may be
 *                 {@code null}. The loader drops anything that is not an absolute {@code https} URL.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PassageSource(String document, String section, Integer page, String url) {

    /** A citation without a web address (imported PDFs, older passages). */
    public PassageSource(String document, String section, Integer page) {
        this(document, section, page, null);
    }

    /** The same citation without its url: used when the url in a file is malformed. */
    PassageSource withoutUrl() {
        return new PassageSource(document, section, page, null);
    }
}
