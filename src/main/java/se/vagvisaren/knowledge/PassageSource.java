package se.vagvisaren.knowledge;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a passage comes from, shown as its citation.
 *
 * @param document the document, e.g. {@code Inget att vänta på (2020)}
 * @param section  the section or chapter within it; may be {@code null}
 * @param page     the page number, only when it is known for certain; {@code null} otherwise (never guessed)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PassageSource(String document, String section, Integer page) {
}
