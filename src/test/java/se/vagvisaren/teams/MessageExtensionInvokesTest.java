package se.vagvisaren.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.schema.Activity;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.ReplyTexts;
import se.vagvisaren.knowledge.HandbookSearch;
import se.vagvisaren.testing.TeamsActivity;

/** What the compose-box search answers when the search itself fails: a line in the list, never an HTTP error. */
class MessageExtensionInvokesTest {

    private final HandbookSearch search = mock(HandbookSearch.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MessageExtensionInvokes invokes = new MessageExtensionInvokes(search,
            new ReplyTexts(new ContentSource("dialogs", Path.of("dialogs"))), meters);

    @Test
    void answer_searchThrows_oneLineMessageResultWith200() throws Exception {
        when(search.search(any(), any(), anyInt())).thenThrow(new DataAccessResourceFailureException("index gone"));

        InvokeResponse response = invokes.answer(activity("compose-extension-query"));

        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode body = ActivityReader.MAPPER.valueToTree(response.getBody()).path("composeExtension");
        assertThat(body.path("type").asText()).isEqualTo("message");
        assertThat(body.path("text").asText()).contains("fungerar inte just nu").doesNotContain("\n", "index gone");
        assertThat(meters.counter("vagvisaren.message-extension", "outcome", "failed").count()).isEqualTo(1.0);
    }

    @Test
    void answer_cardBuildingThrowsOnSelect_oneLineMessageResultInEnglishForEnglishCard() throws Exception {
        when(search.answerCard(any(), any(), any())).thenThrow(new IllegalStateException("template broken"));
        Activity select = activity("compose-extension-select-item");
        select.setValue(ActivityReader.MAPPER.readTree("{\"id\":\"step-2-en\",\"q\":\"step 2\",\"lang\":\"en\"}"));
        select.setLocale("en-US");

        InvokeResponse response = invokes.answer(select);

        JsonNode body = ActivityReader.MAPPER.valueToTree(response.getBody()).path("composeExtension");
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(body.path("text").asText()).contains("isn't working right now");
    }

    @Test
    void handles_onlyTheTwoSearchInvokes() {
        assertThat(MessageExtensionInvokes.handles("composeExtension/query")).isTrue();
        assertThat(MessageExtensionInvokes.handles("composeExtension/selectItem")).isTrue();
        assertThat(MessageExtensionInvokes.handles("composeExtension/submitAction")).isFalse();
        assertThat(MessageExtensionInvokes.handles("adaptiveCard/action")).isFalse();
        assertThat(MessageExtensionInvokes.handles(null)).isFalse();
    }

    private static Activity activity(String fixture) throws Exception {
        return ActivityReader.MAPPER.readValue(TeamsActivity.fixture(fixture).toString(), Activity.class);
    }
}
