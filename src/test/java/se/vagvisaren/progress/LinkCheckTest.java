package se.vagvisaren.progress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinkCheckTest {

    @Test
    void valid_httpsLink_isKept() {
        assertThat(LinkCheck.valid("https://www.norsjo.se/lagesbild-2026.pdf")).contains("https://www.norsjo.se/lagesbild-2026.pdf");
        assertThat(LinkCheck.valid(" http://intranat.kommun.se/plan ")).contains("http://intranat.kommun.se/plan");
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,<script>alert(1)</script>",
            "file:///etc/passwd", "ftp://example.se/x", "//example.se/x", "https://", "www.example.se",
            "https://user:secret@example.se/", "https://exa mple.se/", "https://example.se/\u0000x", ""})
    void valid_nonHttpOrMalformed_isRejected(String link) {
        assertThat(LinkCheck.valid(link)).isEmpty();
    }

    @Test
    void valid_overlongLink_isRejected() {
        assertThat(LinkCheck.valid("https://example.se/" + "a".repeat(3000))).isEmpty();
        assertThat(LinkCheck.valid(null)).isEmpty();
    }

    @Test
    void firstIn_textWithLinkAndPunctuation_findsTheLinkWithoutTrailingDot() {
        assertThat(LinkCheck.firstIn("Planen finns på https://kommun.se/plan. Läs den!")).contains("https://kommun.se/plan");
    }

    @Test
    void firstIn_markdownJavascriptLink_findsNothing() {
        assertThat(LinkCheck.firstIn("klicka [x](javascript:alert(1))")).isEmpty();
    }

    @Test
    void forMarkdown_parenthesesInLink_cannotCloseTheMarkdownLink() {
        assertThat(LinkCheck.forMarkdown("https://sv.wikipedia.org/wiki/Test_(x)")).isEqualTo("https://sv.wikipedia.org/wiki/Test_%28x%29");
    }
}
