package se.vagvisaren.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.ReplyTexts;

/** The progress content files and the HTML writer the overview page relies on. */
class ProgressContentTest {

    private final ReplyTexts texts = ProgressFixtures.texts();

    @Test
    void replies_everyChatTextExistsInSwedishAndEnglish() {
        Set<String> sv = progressKeys(Language.SV);
        Set<String> en = progressKeys(Language.EN);
        // the /overview page is Swedish only
        sv.removeIf(k -> k.startsWith("progress.overview."));

        assertThat(sv).isNotEmpty();
        assertThat(en).containsExactlyInAnyOrderElementsOf(sv);
    }

    @Test
    void vocabulary_allFiveStepsHaveNamesAndKeywordsInBothLanguages() {
        ProgressVocabulary.Snapshot words = ProgressFixtures.vocabulary().get();

        for (int step = 1; step <= 5; step++) {
            int s = step;
            assertThat(words.stepName(step, Language.SV)).doesNotStartWith("Steg ");
            assertThat(words.stepName(step, Language.EN)).isNotBlank();
            for (Language lang : Language.values()) {
                assertThat(words.keywords().get(lang)).as("keywords of step %d in %s", step, lang)
                        .anyMatch(k -> k.step() == s);
            }
        }
        assertThat(words.stepName(1, Language.SV)).isEqualTo("Initiera samverkan");
    }

    @Test
    void htmlWriter_textAndAttributes_areEscaped() {
        String html = new HtmlWriter().start("p", "title", "\"><script>x</script>")
                .text("<script>alert('x') & [y](javascript:z)</script>").end("p").toString();

        assertThat(html).isEqualTo("<p title=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\">"
                + "&lt;script&gt;alert(&#39;x&#39;) &amp; [y](javascript:z)&lt;/script&gt;</p>");
    }

    @Test
    void htmlWriter_misnestedOrUnclosedElements_fail() {
        assertThatThrownBy(() -> new HtmlWriter().start("p").end("div")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new HtmlWriter().start("p").toString()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new HtmlWriter().style("p{}</style><script>", "n")).isInstanceOf(IllegalArgumentException.class);
    }

    private Set<String> progressKeys(Language lang) {
        Set<String> keys = new TreeSet<>(texts.keys(lang));
        keys.removeIf(k -> !k.startsWith("progress."));
        return keys;
    }
}
