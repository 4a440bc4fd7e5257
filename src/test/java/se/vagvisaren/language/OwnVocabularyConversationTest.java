package se.vagvisaren.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.ReplyTexts;
import se.vagvisaren.testing.BotTest;
import se.vagvisaren.testing.ConversationFixture;

/**
 * Issue 20, the bot's own vocabulary is always understood: every command of the Teams menu (read from
 * deployment/teams/manifest.json and its English localisation en.json), every example button of the help
 * card, the phrases the help card tells people to write, and the related-question buttons of a handbook
 * answer are sent through /api/messages as Teams would, and must get the feature they promise, in the
 * language of the conversation.
 */
@BotTest
class OwnVocabularyConversationTest extends ConversationFixture {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern QUOTED = Pattern.compile("[”“\"]([^”“\"]{3,80})[”“\"]");

    /** What each menu position promises, as the reply-text keys of the answer (any one of them). */
    private static final List<List<String>> MENU_PROMISES = List.of(
            List.of("core.help.title"),
            List.of("language.ask-prompt"),
            List.of("reflection.picker.title", "reflection.launch.started", "reflection.launch.summary"),
            List.of("deadlines.list.heading", "deadlines.list.headingPersonal", "deadlines.list.empty"),
            List.of("progress.list.title", "progress.list.empty"));

    @Autowired
    ReplyTexts texts;

    @Test
    void everyMenuCommand_inEveryScopeAndBothLanguages_getsWhatTheMenuPromises() throws IOException {
        JsonNode manifest = JSON.readTree(Path.of("deployment/teams/manifest.json").toFile());
        JsonNode english = JSON.readTree(Path.of("deployment/teams/en.json").toFile());
        JsonNode lists = manifest.path("bots").get(0).path("commandLists");
        int sent = 0;
        for (int list = 0; list < lists.size(); list++) {
            String scope = lists.get(list).path("scopes").get(0).asText();
            JsonNode commands = lists.get(list).path("commands");
            assertThat(commands).as("menu of %s", scope).hasSize(MENU_PROMISES.size());
            for (int i = 0; i < commands.size(); i++) {
                String swedish = commands.get(i).path("title").asText();
                String englishTitle = english.path("bots[" + 0 + "].commandLists[" + list + "].commands[" + i + "].title").asText();
                assertThat(englishTitle).as("en.json title of %s", swedish).isNotBlank();
                expectPromise(scope, swedish, Language.SV, "sv-SE", MENU_PROMISES.get(i));
                expectPromise(scope, englishTitle, Language.EN, "en-US", MENU_PROMISES.get(i));
                sent += 2;
            }
        }
        assertThat(sent).isGreaterThanOrEqualTo(30);
    }

    @Test
    void swedishUserOnEnglishClient_menuCommandsAnswerInSwedish() {
        Chat anna = Chat.personal(harness, "a:1VocabSwedishMenu", "en-US");
        anna.say("hej, jag jobbar med våldsförebyggande arbete i kommunen");

        assertThat(String.join("\n", anna.say("deadlines"))).containsAnyOf(
                marker(Language.SV, "deadlines.list.headingPersonal"), marker(Language.SV, "deadlines.list.empty"),
                marker(Language.SV, "deadlines.list.heading"));
        assertThat(String.join("\n", anna.say("progress"))).containsAnyOf(
                marker(Language.SV, "progress.list.title"), marker(Language.SV, "progress.list.empty"));
    }

    @Test
    void helpCardButtonsAndPhrases_getTheirFeature_inBothLanguages() {
        for (Language language : Language.values()) {
            String locale = language == Language.SV ? "sv-SE" : "en-US";
            Chat erik = Chat.channel(harness, "19:vocabhelp" + language.code() + "@thread.tacv2;messageid=1", locale);
            erik.say(language == Language.SV ? "hjälp" : "help");
            JsonNode helpCard = erik.activities().get(erik.activities().size() - 1).path("attachments").get(0).path("content");
            List<String> buttons = new ArrayList<>();
            helpCard.path("actions").forEach(a -> buttons.add(a.path("data").path("msteams").path("value").asText()));
            assertThat(buttons).as("help card buttons").hasSize(3).doesNotContain("");

            assertThat(String.join("\n", erik.say(buttons.get(0)))).contains(marker(language, "knowledge.citation.document"));
            assertThat(String.join("\n", erik.say(buttons.get(1)))).containsAnyOf(
                    marker(language, "reflection.picker.title"), marker(language, "reflection.launch.started"));
            assertThat(String.join("\n", erik.say(buttons.get(2)))).containsAnyOf(
                    marker(language, "deadlines.list.heading"), marker(language, "deadlines.list.empty"));

            // every phrase the help card tells people to write is understood (never the fallback or "which one?")
            for (String phrase : quotedPhrases(language)) {
                String reply = String.join("\n", erik.say(phrase));
                assertThat(reply).as("reply to the help card's phrase '%s'", phrase)
                        .isNotBlank()
                        .doesNotContain(marker(language, "core.fallback"))
                        .doesNotContain(marker(language, "core.choose.question"));
            }
        }
    }

    @Test
    void relatedQuestionButtons_ofAHandbookAnswer_answerTheirQuestion() {
        Chat anna = Chat.personal(harness, "a:1VocabRelated", "sv-SE");
        anna.say("vad är en lägesbild?");
        JsonNode[] first = anna.findAction("knowledge.related").orElseThrow();
        List<String> answer = anna.press(first[0], first[1]);

        assertThat(String.join("\n", answer)).contains("Källa")
                .doesNotContain(marker(Language.SV, "core.unknown-action"));
    }

    @Test
    void methodSteps_goToTheHandbook_notToProgress() {
        Chat anna = Chat.personal(harness, "a:1VocabSteps", "sv-SE");

        assertThat(String.join("\n", anna.say("vilka steg har metoden?"))).contains("Källa")
                .doesNotContain(marker(Language.SV, "progress.personal-scope"));
    }

    @Test
    void oneWrongLetterInADomainWord_stillFindsTheHandbookAnswer() {
        Chat anna = Chat.personal(harness, "a:1VocabTypo", "sv-SE");

        assertThat(String.join("\n", anna.say("vad är en lägesbil?"))).contains("Källa");
        assertThat(String.join("\n", anna.say("vad ingår i kartlägningen"))).contains("Källa");
    }

    private void expectPromise(String scope, String command, Language language, String locale, List<String> keys) {
        String conversation = switch (scope) {
            case "personal" -> "a:1VocabMenu" + language.code();
            case "team" -> "19:vocabmenu" + language.code() + "@thread.tacv2;messageid=1";
            default -> "19:vocabmenu" + language.code() + "@thread.v2";
        };
        Chat chat = "personal".equals(scope) ? Chat.personal(harness, conversation, locale)
                : Chat.channel(harness, conversation, locale);
        String reply = String.join("\n", chat.say(command));
        List<String> markers = keys.stream().map(key -> marker(language, key)).toList();
        assertThat(reply).as("menu command '%s' (%s, %s) should answer with one of %s", command, scope, language, keys)
                .containsAnyOf(markers.toArray(String[]::new));
        for (String dead : List.of("core.fallback", "core.choose.question", "progress.personal-scope")) {
            assertThat(reply).as("menu command '%s' (%s, %s)", command, scope, language).doesNotContain(marker(language, dead));
        }
    }

    /** The fixed start of a reply text (up to its first placeholder), enough to recognise it. */
    private String marker(Language language, String key) {
        assertThat(texts.has(key)).as("text key %s exists", key).isTrue();
        String text = texts.get(language, key);
        int placeholder = text.indexOf('{');
        String fixed = (placeholder >= 0 ? text.substring(0, placeholder) : text).strip();
        return fixed.length() > 30 ? fixed.substring(0, 30) : fixed;
    }

    /** Phrases the help card quotes for people to write (”visa resultatet”, ”vad sparar du?”…). */
    private List<String> quotedPhrases(Language language) {
        Map<String, String> phrases = new LinkedHashMap<>();
        for (String key : texts.keys(Language.SV)) {
            if (key.startsWith("core.help.")) {
                Matcher m = QUOTED.matcher(texts.get(language, key));
                while (m.find()) {
                    String phrase = m.group(1).replace("…", language == Language.SV
                            ? "vi har gjort klart kartläggningen" : "we have finished the mapping").strip();
                    phrases.put(phrase, key);
                }
            }
        }
        assertThat(phrases).as("quoted phrases in the %s help card", language).hasSizeGreaterThanOrEqualTo(3);
        return List.copyOf(phrases.keySet());
    }
}
