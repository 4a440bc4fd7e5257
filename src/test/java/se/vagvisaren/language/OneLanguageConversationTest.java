package se.vagvisaren.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.ReplyTexts;
import se.vagvisaren.testing.BotTest;
import se.vagvisaren.testing.ConversationHarness;

/**
 * Issue 20, one language per conversation: a Swedish user whose Teams client is set to English goes through
 * every feature (help, a handbook question, a reflection answered with the card, a deadline saved and marked
 * done with the cards, a progress update, "vad sparar du?") and never sees an English word; and the reverse.
 * "English word" = a word the English reply texts use often and the Swedish ones never (read from dialogs/).
 */
@BotTest
class OneLanguageConversationTest {

    static Set<String> englishOnly;
    static Set<String> swedishOnly;

    @LocalServerPort
    int port;

    ConversationHarness harness;

    @Autowired
    ReplyTexts texts;

    Set<String> rawKeys;

    @BeforeAll
    static void markers() {
        englishOnly = ReplyVocabulary.onlyIn("en");
        swedishOnly = ReplyVocabulary.onlyIn("sv");
        assertThat(englishOnly).contains("the", "you", "your");
        assertThat(swedishOnly).contains("och", "jag", "inte");
    }

    @BeforeEach
    void setUp() {
        harness = new ConversationHarness(port);
        harness.connector().reset();
        rawKeys = texts.keys(Language.SV);
    }

    @Test
    void swedishUserWithEnglishClient_everyFeatureAnswersInSwedish() {
        Chat anna = Chat.personal(harness, "a:1LangSwedishAnna", "en-US");
        Chat erik = Chat.channel(harness, "19:langsv@thread.tacv2;messageid=1", "en-US");

        assertThat(anna.say("Hej! Vad kan du hjälpa mig med?")).anySatisfy(t -> assertThat(t).contains("Det här kan Vägvisaren"));
        assertThat(anna.say("hjälp")).anySatisfy(t -> assertThat(t).contains("Det här kan Vägvisaren"));
        assertThat(anna.say("vad är en lägesbild?")).anySatisfy(t -> assertThat(t).containsIgnoringCase("lägesbild"));
        anna.press("knowledge.feedback");
        anna.say("starta reflektion");
        if (anna.findAction("reflection.launch").isPresent()) {
            anna.press("reflection.launch");
        }
        anna.press("reflection.answer");
        anna.say("påminn mig om lägesbilden på fredag kl 10");
        anna.press("deadlines.save");
        anna.say("deadlines");
        assertThat(anna.findAction("deadlines.done")).isPresent();
        anna.press("deadlines.done");
        anna.say("vad sparar du?");

        erik.say("uppdatering: vi har gjort klart kartläggningen av våldet i skolorna");
        erik.say("framsteg");
        erik.say("deadlines");

        assertOnly("Swedish", anna.everything(), englishOnly);
        assertOnly("Swedish", erik.everything(), englishOnly);
        assertThat(anna.everything()).hasSizeGreaterThanOrEqualTo(12);
    }

    @Test
    void englishUserWithSwedishClient_everyFeatureAnswersInEnglish() {
        Chat anna = Chat.personal(harness, "a:1LangEnglishAnna", "sv-SE");
        Chat erik = Chat.channel(harness, "19:langen@thread.tacv2;messageid=1", "sv-SE");

        assertThat(anna.say("Hi! What can you help me with?")).anySatisfy(t -> assertThat(t).contains("What Vägvisaren can do"));
        assertThat(anna.say("help")).anySatisfy(t -> assertThat(t).contains("What Vägvisaren can do"));
        anna.say("what is a situation picture?");
        anna.press("knowledge.feedback");
        anna.say("start a reflection exercise please");
        if (anna.findAction("reflection.launch").isPresent()) {
            anna.press("reflection.launch");
        }
        anna.press("reflection.answer");
        anna.say("remind me about the situation picture on friday at 10");
        anna.press("deadlines.save");
        anna.say("deadlines");
        anna.press("deadlines.done");
        anna.say("what do you store about me?");

        erik.say("update: we have finished mapping the violence in our schools");
        erik.say("progress");
        erik.say("deadlines");

        assertOnly("English", anna.everything(), swedishOnly);
        assertOnly("English", erik.everything(), swedishOnly);
    }

    @Test
    void explicitSwitch_confirmsInTheNewLanguage_andHoldsForShortCommandsAndCards() {
        Chat anna = Chat.personal(harness, "a:1LangSwitch", "sv-SE");
        anna.say("vad är en lägesbild?");

        List<String> confirmation = anna.say("svara på engelska");
        assertThat(confirmation).singleElement().satisfies(t -> assertThat(t).contains("English"));
        assertOnly("English", confirmation, swedishOnly);

        // a short Swedish command and a press on the old Swedish card both follow the switch
        assertOnly("English", anna.say("hjälp"), swedishOnly);
        List<String> pressed = anna.press("knowledge.feedback");
        assertOnly("English", pressed, swedishOnly);

        assertThat(anna.say("answer in Swedish please")).singleElement().satisfies(t -> assertThat(t).contains("svenska"));
        assertOnly("Swedish", anna.say("help"), englishOnly);
    }

    @Test
    void languageIsRemembered_notTakenFromTheClientOnEveryMessage() {
        Chat anna = Chat.personal(harness, "a:1LangMemory", "en-US");
        anna.say("jag undrar vad en lägesbild är för något");

        // "deadlines" and an emoji say nothing about the language: the conversation's Swedish holds
        assertOnly("Swedish", anna.say("deadlines"), englishOnly);
        assertOnly("Swedish", anna.say("👍"), englishOnly);
        // a whole English sentence is a change of language
        assertThat(anna.say("what can you do for me?")).anySatisfy(t -> assertThat(t).contains("What Vägvisaren can do"));
    }

    void assertOnly(String language, List<String> shown, Set<String> otherLanguageMarkers) {
        assertThat(shown).as("bot replies").isNotEmpty();
        for (String text : shown) {
            // a citation names the Swedish handbook's own section title, in any language
            String withoutCitation = text.replaceAll("(?m)^(Source|Källa):.*$", "");
            assertThat(ReplyVocabulary.found(withoutCitation, otherLanguageMarkers))
                    .as("words of the other language in a reply that should be %s:%n%s", language, text).isEmpty();
            assertThat(rawKeys).as("raw text keys in:%n%s", text).noneMatch(key -> text.contains(key));
        }
    }
}
