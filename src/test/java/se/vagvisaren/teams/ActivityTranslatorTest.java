package se.vagvisaren.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.schema.Activity;
import org.junit.jupiter.api.Test;
import se.vagvisaren.testing.TeamsActivity;

class ActivityTranslatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Activity activity(TeamsActivity fixture) throws Exception {
        return ActivityReader.MAPPER.readValue(fixture.toString(), Activity.class);
    }

    @Test
    void cleanText_teamsChannelMention_isRemoved() throws Exception {
        assertThat(ActivityTranslator.cleanText(activity(TeamsActivity.channel("vad är en lägesbild?"))))
                .isEqualTo("vad är en lägesbild?");
    }

    @Test
    void cleanText_otherPeoplesMentionsAndHtml_areRemoved() throws Exception {
        TeamsActivity message = TeamsActivity.channel("fråga <at>Erik Nilsson</at> om <b>lägesbilden</b>&nbsp;nu");

        assertThat(ActivityTranslator.cleanText(activity(message))).isEqualTo("fråga om lägesbilden nu");
    }

    @Test
    void cleanText_mentionWithoutAtTags_isRemovedByItsEntity() throws Exception {
        // Clients other than Teams (Web Chat, Emulator) put the plain mention text in the entity.
        TeamsActivity message = TeamsActivity.personal("@Vägvisaren hjälp").set("entities", JSON.readTree(
                "[{\"type\":\"mention\",\"text\":\"@Vägvisaren\",\"mentioned\":{\"id\":\"" + TeamsActivity.BOT_ID + "\"}}]"));

        assertThat(ActivityTranslator.cleanText(activity(message))).isEqualTo("hjälp");
    }

    @Test
    void cleanText_personalMessageWithoutMentions_isUnchanged() throws Exception {
        assertThat(ActivityTranslator.cleanText(activity(TeamsActivity.personal("  hej   då  ")))).isEqualTo("hej då");
    }

    @Test
    void cleanText_malformedMentionEntity_fallsBackToTags() throws Exception {
        TeamsActivity message = TeamsActivity.personal("hjälp").set("entities", JSON.readTree("[{\"type\":\"mention\",\"text\":5}]"));

        assertThat(ActivityTranslator.cleanText(activity(message))).isEqualTo("hjälp");
    }
}
