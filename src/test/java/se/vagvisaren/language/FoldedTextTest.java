package se.vagvisaren.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import se.vagvisaren.conversation.Language;

/** The one normalisation, the tokenizer and the stemmer wrapper. */
class FoldedTextTest {

    @Test
    void fold_lowerCasesAndDropsDiacriticsLookAlikesAndInvisibleCharacters() {
        assertThat(FoldedText.fold("Fjärde STEGET")).isEqualTo("fjarde steget");
        assertThat(FoldedText.fold("Påminnelse")).isEqualTo("paminnelse");
        assertThat(FoldedText.fold("m\u200Bіg")).isEqualTo("mig"); // zero-width space, Cyrillic і
        assertThat(FoldedText.fold("１９８５ ﬁnns")).isEqualTo("1985 finns");
        assertThat(FoldedText.fold(null)).isEmpty();
    }

    @Test
    void fold_decomposesEveryLatinCharacterLikeUnicodeDoes() {
        // Latin code points fold from a precomputed table (docs/performance.md); text already in NFKD form takes the
        // general path character by character, so both must agree for every code point the table holds.
        for (int cp = 0; cp < 0x0250; cp++) {
            String one = String.valueOf((char) cp);
            assertThat(FoldedText.of(one).text()).as("U+%04X", cp)
                    .isEqualTo(FoldedText.of(java.text.Normalizer.normalize(one, java.text.Normalizer.Form.NFKD)).text());
        }
        assertThat(FoldedText.fold("ǅ Ĳ ſ µ ½ ª")).isEqualTo("dz ij s μ 1⁄2 a"); // compatibility forms decompose
    }

    @Test
    void offsets_pointBackIntoTheOriginal() {
        String original = "Ring ０７０ nu";
        FoldedText folded = FoldedText.of(original).lowerCase();
        int start = folded.text().indexOf("070");

        assertThat(folded.text()).isEqualTo("ring 070 nu");
        assertThat(original.substring(folded.originalStart(start), folded.originalEnd(start + 3))).isEqualTo("０７０");
    }

    @Test
    void foldKeepingLength_foldsLatinLettersOneForOne() {
        String text = "Åsa Ørsted, Łódź, Müller é";

        assertThat(FoldedText.foldKeepingLength(text)).isEqualTo("asa orsted, lodz, muller e").hasSameSizeAs(text);
        assertThat(FoldedText.foldKeepingLength("İstanbul 😀")).hasSameSizeAs("İstanbul 😀");
        assertThat(FoldedText.foldKeepingLength(null)).isEmpty();
    }

    @Test
    void foldKeepingLength_foldsLatinExtendedBAndLeavesOtherScripts() {
        String text = "Ștefan Ǎ × Ωμέγα";

        assertThat(FoldedText.foldKeepingLength(text)).isEqualTo("stefan a × ωμέγα").hasSameSizeAs(text);
    }

    @Test
    void withoutAccents_keepsCaseAndSigns() {
        assertThat(FoldedText.withoutAccents("Vad är \\bSTEG\\b – nu?")).isEqualTo("Vad ar \\bSTEG\\b – nu?");
    }

    @Test
    void tokens_areRunsOfLettersAndDigits() {
        assertThat(Tokens.words("I'm in STEG 2, ok? 👍")).containsExactly("i", "m", "in", "steg", "2", "ok");
        assertThat(Tokens.foldedWords("Gå vidare", 10)).containsExactly("ga", "vidare");
        assertThat(Tokens.words(null)).isEmpty();
        assertThat(Tokens.containsRun(List.of("a", "b", "c"), List.of("b", "c"))).isTrue();
        assertThat(Tokens.containsRun(List.of("a", "b", "c"), List.of())).isFalse();
    }

    @Test
    void stems_areSnowballStemsPerLanguage() {
        assertThat(Stems.of("övningen", Language.SV)).isEqualTo("övning");
        assertThat(Stems.of("kommun", Language.SV)).isEqualTo("kommun");
        assertThat(Stems.of("exercises", Language.EN)).isEqualTo("exercis");
        assertThat(Stems.foldedStems("Övningarna pyramiden", Language.SV, 10)).containsExactly("ovning", "pyramid");
    }
}
