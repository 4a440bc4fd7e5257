package se.vagvisaren.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.vagvisaren.testing.BotTest;
import se.vagvisaren.testing.ConversationHarness;
import se.vagvisaren.testing.TeamsActivity;

/**
 * The three next steps offered as suggested actions after the greeting and the help card in a 1:1 chat, and
 * what each does when tapped: Teams sends its value back as the person's own message (imBack).
 */
@BotTest
class SuggestedActionsConversationTest {

    @LocalServerPort
    int port;

    ConversationHarness harness;

    @BeforeEach
    void setUp() {
        harness = new ConversationHarness(port);
        harness.connector().reset();
    }

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({"hej, sv-SE, a:1SuggestGreetSv", "hjälp, sv-SE, a:1SuggestHelpSv", "hello, en-US, a:1SuggestGreetEn",
            "help, en-US, a:1SuggestHelpEn"})
    void greetingOrHelp_personal_offersThreeNextStepsThatLeadToAskReflectionAndDeadlines(String text, String locale,
                                                                                        String conversation) {
        List<String> suggestions = suggestionsAfter(send(conversation, text, locale));

        assertThat(suggestions).hasSize(3);
        // Each value is sent back as the person's own message, in a chat of its own so nothing else interferes.
        assertThat(verbsAndTexts(tap(conversation + "-ask", suggestions.get(0), locale)))
                .as("'%s' answers from the handbook", suggestions.get(0)).contains("verb:knowledge.feedback");
        assertThat(verbsAndTexts(tap(conversation + "-reflection", suggestions.get(1), locale)))
                .as("'%s' offers reflection exercises", suggestions.get(1))
                .anySatisfy(item -> assertThat(item).startsWith("verb:reflection."));
        assertThat(verbsAndTexts(tap(conversation + "-deadlines", suggestions.get(2), locale)))
                .as("'%s' lists deadlines", suggestions.get(2))
                .anySatisfy(item -> assertThat(item.toLowerCase()).containsAnyOf("kommande deadlines",
                        "upcoming deadlines", "dina påminnelser", "your reminders"));
    }

    @Test
    void greeting_personal_suggestionsAreImBackInTheChatsLanguage() {
        JsonNode reply = send("a:1SuggestShape", "hej", "sv-SE");

        JsonNode actions = reply.path("suggestedActions").path("actions");
        assertThat(actions).hasSize(3);
        actions.forEach(action -> {
            assertThat(action.path("type").asText()).isEqualTo("imBack");
            assertThat(action.path("value").asText()).isEqualTo(action.path("title").asText());
        });
        assertThat(actions.get(1).path("value").asText()).isEqualTo("starta reflektion");
    }

    @Test
    void help_inChannel_noSuggestedActions() {
        harness.send(TeamsActivity.channel("hjälp"));

        assertThat(harness.repliesIn(TeamsActivity.CHANNEL_CONVERSATION)).singleElement()
                .satisfies(reply -> assertThat(reply.has("suggestedActions")).isFalse());
    }

    @Test
    void thanks_personal_noSuggestedActions() {
        assertThat(send("a:1SuggestThanks", "tack", "sv-SE").has("suggestedActions")).isFalse();
    }

    private JsonNode send(String conversation, String text, String locale) {
        String aad = UUID.nameUUIDFromBytes(conversation.getBytes(StandardCharsets.UTF_8)).toString();
        harness.send(TeamsActivity.personal(text).locale(locale).conversationId(conversation)
                .from("29:1" + aad.substring(0, 8), aad, "Anna Andersson"));
        List<JsonNode> replies = harness.repliesIn(conversation);
        assertThat(replies).as("replies to '%s'", text).isNotEmpty();
        return replies.get(replies.size() - 1);
    }

    private List<JsonNode> tap(String conversation, String value, String locale) {
        send(conversation, value, locale);
        return harness.repliesIn(conversation);
    }

    private static List<String> suggestionsAfter(JsonNode reply) {
        List<String> values = new ArrayList<>();
        reply.path("suggestedActions").path("actions").forEach(action -> values.add(action.path("value").asText()));
        return values;
    }

    /** Every card verb (as "verb:…") and the visible text of the replies. */
    private static List<String> verbsAndTexts(List<JsonNode> replies) {
        List<String> out = new ArrayList<>();
        for (JsonNode reply : replies) {
            out.add(ConversationHarness.visibleText(reply));
            reply.findValues("verb").forEach(verb -> out.add("verb:" + verb.asText()));
        }
        return out;
    }
}
