package se.vagvisaren.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.ReplyTexts;
import se.vagvisaren.testing.BotTest;
import se.vagvisaren.testing.ConversationHarness;
import se.vagvisaren.testing.TeamsActivity;

/**
 * Issue 20, bad input through /api/messages with real Teams activity JSON: mixed languages, locales the bot
 * does not speak, an @mention with nothing else, command words with punctuation or emoji, old cards after a
 * language change. Always a sensible reply in the conversation's language, never a raw text key, never a 500
 * ({@link Chat} asserts the HTTP status of every activity).
 */
@BotTest
class BadInputConversationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    ReplyTexts texts;

    ConversationHarness harness;
    Set<String> englishOnly;
    Set<String> swedishOnly;

    @BeforeEach
    void setUp() {
        harness = new ConversationHarness(port);
        harness.connector().reset();
        englishOnly = ReplyVocabulary.onlyIn("en");
        swedishOnly = ReplyVocabulary.onlyIn("sv");
    }

    @Test
    void mixedLanguageMessage_inASwedishConversation_answeredInSwedish() {
        Chat anna = Chat.personal(harness, "a:1BadMixed", "en-US");
        anna.say("hej, jag jobbar med våldsprevention i kommunen");

        List<String> replies = anna.say("kan du help me med deadlines please");

        assertReadable(replies, englishOnly);
    }

    @Test
    void localesTheBotDoesNotSpeak_getSwedish() {
        assertReadable(Chat.personal(harness, "a:1BadFinnish", "fi-FI").say("hei, mitä kuuluu?"), englishOnly);
        assertReadable(Chat.personal(harness, "a:1BadArabic", "ar").say("مرحبا"), englishOnly);
        assertReadable(Chat.personal(harness, "a:1BadArabicEmoji", "ar-SA").say("👋"), englishOnly);
    }

    @Test
    void onlyAnAtMention_getsHowToGoOn_notTheFallback() {
        Chat erik = Chat.channel(harness, "19:badempty@thread.tacv2;messageid=1", "sv-SE");

        List<String> replies = erik.say("");

        assertThat(replies).singleElement().satisfies(text -> assertThat(text)
                .isEqualTo(texts.get(Language.SV, "core.empty")).doesNotContain(texts.get(Language.SV, "core.fallback")));
    }

    @Test
    void commandWordsWithPunctuationOrEmoji_stillCommands() {
        Chat anna = Chat.personal(harness, "a:1BadPunctuation", "sv-SE");

        assertThat(String.join("\n", anna.say("hjälp!"))).contains(texts.get(Language.SV, "core.help.title"));
        assertThat(String.join("\n", anna.say("Hjälp?!"))).contains(texts.get(Language.SV, "core.help.title"));
        assertThat(String.join("\n", anna.say("deadlines 👍"))).containsAnyOf(
                texts.get(Language.SV, "deadlines.list.headingPersonal"), texts.get(Language.SV, "deadlines.list.empty"));
        assertThat(String.join("\n", anna.say("fråga."))).isEqualTo(texts.get(Language.SV, "language.ask-prompt"));
    }

    @Test
    void oldCardAfterTheLanguageChanged_answeredInTheNewLanguage() {
        Chat anna = Chat.personal(harness, "a:1BadOldCard", "sv-SE");
        anna.say("vad är en lägesbild?");
        anna.say("switch to English please");

        // the Swedish card's own lang says sv; the conversation says English now
        List<String> pressed = anna.press("knowledge.feedback");

        assertThat(pressed).isNotEmpty();
        assertReadable(pressed, swedishOnly);
    }

    @Test
    void unknownButtonOnAnOldCard_politeRefusalInTheConversationsLanguage() {
        Chat anna = Chat.personal(harness, "a:1BadUnknownVerb", "sv-SE");
        anna.say("what can you help me with?");
        ObjectNode value = JSON.createObjectNode().put("verb", "reflection.something-removed").put("lang", "sv");

        anna.send(TeamsActivity.fixture("card-submit").value(value)
                .set("conversation", JSON.createObjectNode().put("conversationType", "personal")
                        .put("tenantId", TeamsActivity.TENANT).put("id", "a:1BadUnknownVerb"))
                .set("channelData", JSON.createObjectNode().set("tenant", JSON.createObjectNode().put("id", TeamsActivity.TENANT))));

        List<String> all = anna.everything();
        assertThat(all.get(all.size() - 1)).isEqualTo(texts.get(Language.EN, "core.unknown-action"));
    }

    private void assertReadable(List<String> replies, Set<String> otherLanguage) {
        Set<String> keys = texts.keys(Language.SV);
        assertThat(replies).isNotEmpty();
        for (String text : replies) {
            assertThat(text).isNotBlank();
            assertThat(keys).as("raw text key in %s", text).noneMatch(text::contains);
            assertThat(ReplyVocabulary.found(text.replaceAll("(?m)^(Source|Källa):.*$", ""), otherLanguage))
                    .as("other-language words in %s", text).isEmpty();
        }
    }
}
