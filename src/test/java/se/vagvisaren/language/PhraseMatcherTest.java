package se.vagvisaren.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.vagvisaren.conversation.Language;

/** The one phrase matcher: word boundaries, typos, the exact marker, stems, gaps, exceptions, bad input. */
class PhraseMatcherTest {

    private static List<String> labels(PhraseMatcher matcher, String text) {
        return matcher.find(matcher.read(text, 1000)).stream().map(PhraseMatcher.Match::label).toList();
    }

    private static PhraseMatcher words(String label, String... phrases) {
        return PhraseMatcher.compile(Map.of(), Map.of(label, List.of(phrases)), List.of());
    }

    @Test
    void aPhraseWord_neverMatchesInsideAnotherWord() {
        PhraseMatcher grant = words("grant", "ge");

        assertThat(labels(grant, "ge Anna rollen")).containsExactly("grant");
        assertThat(labels(grant, "geografi")).isEmpty();
        assertThat(labels(grant, "lägge")).isEmpty();
    }

    @Test
    void typos_areAcceptedUnlessTheWordIsMarkedExact() {
        PhraseMatcher typos = words("hurt", "slår mig");
        PhraseMatcher exact = words("period", "=last week");

        assertThat(labels(typos, "han slåt mig")).containsExactly("hurt");
        assertThat(labels(typos, "han står mig nära")).isEmpty();
        assertThat(labels(exact, "last week")).containsExactly("period");
        assertThat(labels(exact, "past week")).isEmpty();
    }

    @Test
    void foldedText_matchesWithoutSwedishLettersAndWithLookAlikes() {
        PhraseMatcher matcher = words("close", "avsluta övningen");

        assertThat(labels(matcher, "AVSLUTA OVNINGEN!")).containsExactly("close");
        assertThat(labels(matcher, "avsluta övnіngen")).containsExactly("close"); // Cyrillic і
        assertThat(labels(matcher, "ａｖｓｌｕｔａ övningen")).containsExactly("close"); // full-width
    }

    @Test
    void stems_areComparedOnlyWhenTheMatcherStems() {
        Map<String, List<String>> phrases = Map.of("close", List.of("avsluta övningen"));
        PhraseMatcher plain = PhraseMatcher.compile(Map.of(), phrases, List.of());
        PhraseMatcher stemmed = PhraseMatcher.compile(Map.of(), phrases, List.of(), Language.SV);

        assertThat(labels(plain, "avsluta övningar")).containsExactly("close"); // two edits in eight letters
        assertThat(labels(plain, "avsluta övningarna")).isEmpty();
        assertThat(labels(stemmed, "avsluta övningarna")).containsExactly("close");
        assertThat(labels(stemmed, "avsluta ovningarna")).containsExactly("close");
        assertThat(labels(stemmed, "avsluta mötet")).isEmpty();
    }

    @Test
    void prefixGapsGroupsAndExceptions_work() {
        PhraseMatcher matcher = PhraseMatcher.compile(Map.of("my", List.of("mina", "min")),
                Map.of("erase", List.of("radera ... {my} uppgift*")), List.of("radera inte"));

        assertThat(labels(matcher, "radera alla mina uppgifter")).containsExactly("erase");
        assertThat(labels(matcher, "radera inte mina uppgifter")).isEmpty();
        assertThat(labels(matcher, "radera en två tre fyra mina uppgifter")).isEmpty(); // gap is three words
    }

    @Test
    void badInput_findsNothingAndNeverThrows() {
        PhraseMatcher matcher = words("help", "hjälp");

        assertThat(labels(matcher, null)).isEmpty();
        assertThat(labels(matcher, "")).isEmpty();
        assertThat(labels(matcher, "👍🎉 ... !!")).isEmpty();
        assertThat(labels(matcher, "hjälp " + "ord ".repeat(7_000))).containsExactly("help");
        assertThat(labels(matcher, "ord ".repeat(7_000) + "hjälp")).as("beyond the words read").isEmpty();
        assertThat(matcher.read("ord ".repeat(7_000), 20).size()).isEqualTo(20);
    }

    @Test
    void badPhrases_areRefusedWithTheReason() {
        assertThatThrownBy(() -> words("x", "... hjälp")).hasMessageContaining("must start and end with a word");
        assertThatThrownBy(() -> PhraseMatcher.compile(Map.of(), Map.of("x", List.of("{nobody}")), List.of()))
                .hasMessageContaining("Unknown group {nobody}");
    }

    @Test
    void exactMatcher_acceptsNoTypos() {
        PhraseMatcher exact = PhraseMatcher.compileExact(Map.of(),
                Map.of("start", List.of("reflektion"), "list", List.of("reflektioner")), List.of());

        assertThat(labels(exact, "Reflektioner!")).containsExactly("list");
        assertThat(labels(exact, "reflektion")).containsExactly("start");
        assertThat(labels(exact, "reflektio")).isEmpty();
    }
}
