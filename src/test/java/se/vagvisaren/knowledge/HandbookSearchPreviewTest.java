package se.vagvisaren.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The two-line preview under each result of the compose-box search. */
class HandbookSearchPreviewTest {

    @Test
    void preview_markdown_becomesPlainText() {
        assertThat(HandbookSearch.preview("**Lägesbilden** ska visa [vilket våld](https://example.org) som finns.\n\n- ett\n- två"))
                .isEqualTo("Lägesbilden ska visa vilket våld som finns. ett två");
    }

    @Test
    void preview_longText_cutAtAWordWithEllipsis() {
        String preview = HandbookSearch.preview("ord ".repeat(100));

        assertThat(preview).hasSizeLessThanOrEqualTo(HandbookSearch.PREVIEW_CHARS).endsWith("ord…");
    }

    @Test
    void preview_nullOrEmpty_isEmpty() {
        assertThat(HandbookSearch.preview(null)).isEmpty();
        assertThat(HandbookSearch.preview("")).isEmpty();
    }
}
