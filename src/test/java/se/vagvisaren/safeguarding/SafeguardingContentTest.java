package se.vagvisaren.safeguarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.ReplyTexts;

/** The safeguarding content is complete: both languages, every number a family names, valid cards. */
class SafeguardingContentTest {

    private final ReplyTexts texts = SafeguardingFixtures.replyTexts();

    private static Set<String> ownKeys(ReplyTexts texts, Language language) {
        Set<String> keys = new TreeSet<>();
        for (String key : texts.keys(language)) {
            if (key.startsWith("crisis.") || key.startsWith("privacy.") || key.startsWith("guard.")) {
                keys.add(key);
            }
        }
        return keys;
    }

    @Test
    void replyTexts_swedishAndEnglish_haveTheSameKeys() {
        assertThat(ownKeys(texts, Language.EN)).isEqualTo(ownKeys(texts, Language.SV)).isNotEmpty();
    }

    @Test
    void dangerPhrases_everyLineOfAFamilyOrRule_hasATextInBothLanguages() throws Exception {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(Path.of("dialogs", DangerPhrases.FILE)));
        Set<String> numbers = new TreeSet<>();
        root.path("families").forEach(family -> family.path("lines").forEach(n -> numbers.add(n.asText())));
        root.path("first_lines").forEach(rule -> rule.path("lines").forEach(n -> numbers.add(n.asText())));

        assertThat(numbers).contains("kvinnofridslinjen", "bris", "brottsofferjouren", "polisen", "valj_att_sluta",
                "sjalvmordslinjen", "socialtjansten", "nationella_stodtelefonen");
        for (String number : numbers) {
            for (Language language : Language.values()) {
                assertThat(texts.keys(language)).as(language + " " + number).contains("crisis.lines." + number);
            }
        }
    }

    @Test
    void supportNumbers_matchTheDomainBrief() {
        for (Language language : Language.values()) {
            assertThat(texts.get(language, "crisis.lines.kvinnofridslinjen")).contains("020-50 50 50");
            assertThat(texts.get(language, "crisis.lines.bris")).contains("116 111");
            assertThat(texts.get(language, "crisis.lines.brottsofferjouren")).contains("116 006");
            assertThat(texts.get(language, "crisis.lines.polisen")).contains("114 14");
            assertThat(texts.get(language, "crisis.lines.valj_att_sluta")).contains("020-555 666")
                    .doesNotContain("dygnet runt", "open all hours");
            assertThat(texts.get(language, "crisis.lines.sjalvmordslinjen")).contains("90101", "1177");
            assertThat(texts.get(language, "crisis.lines.nationella_stodtelefonen")).contains("010-223 57 60");
        }
        assertThat(texts.get(Language.SV, "crisis.intro")).contains("112");
    }

    @Test
    void cards_areAdaptiveCards15AtMost() throws Exception {
        for (String name : new String[] {PrivacyReplies.CONFIRM_CARD, PrivacyReplies.NOTICE_CARD}) {
            JsonNode card = SafeguardingFixtures.JSON.readTree(Path.of("dialogs/cards", name + ".json").toFile());

            assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
            assertThat(Double.parseDouble(card.path("version").asText())).isLessThanOrEqualTo(1.5);
        }
    }
}
