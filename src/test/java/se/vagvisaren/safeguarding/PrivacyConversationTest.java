package se.vagvisaren.safeguarding;

import static org.assertj.core.api.Assertions.assertThat;
import static se.vagvisaren.safeguarding.SafeguardingFixtures.channel;
import static se.vagvisaren.safeguarding.SafeguardingFixtures.message;
import static se.vagvisaren.safeguarding.SafeguardingFixtures.personal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import se.vagvisaren.conversation.CardAction;
import se.vagvisaren.conversation.CardActionResult;
import se.vagvisaren.conversation.CardTemplates;
import se.vagvisaren.conversation.IncomingMessage;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.RecognizedIntent;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.conversation.ReplyTexts;
import se.vagvisaren.conversation.Scope;
import se.vagvisaren.testing.MutableClock;

/** "vad sparar du?", "visa mina uppgifter" and "radera mina uppgifter" as a user experiences them. */
class PrivacyConversationTest {

    private static final DataSource DB = TestDatabases.h2("privacy-conversation");
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final JdbcTemplate jdbc = new JdbcTemplate(DB);
    private PrivacyIntents handler;
    private PrivacyCardActions cardActions;

    @BeforeEach
    void setUp() {
        jdbc.update("DELETE FROM test_note");
        jdbc.update("DELETE FROM privacy_audit");
        PrivacyAudit audit = new PrivacyAudit(jdbc, clock);
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("audit", audit);
        beans.addBean("notes", JdbcPersonalDataStore.builder("test-notes", jdbc).table("test_note")
                .createdAt("created_at").owner("tenant_id", "user_id").exportColumns("created_at", "body").build());
        PersonalDataRegistry registry = new PersonalDataRegistry(beans.getBeanProvider(PersonalDataStore.class), audit, clock);
        ReplyTexts texts = SafeguardingFixtures.replyTexts();
        PrivacyProperties properties = new PrivacyProperties(null, LocalTime.of(3, 15), Duration.ofMinutes(15), "https://vagvisaren.example.org/privacy", 50, Duration.ofMinutes(30));
        PrivacyReplies replies = new PrivacyReplies(texts, new CardTemplates(SafeguardingFixtures.dialogs()), properties,
                registry, clock);
        handler = new PrivacyIntents(registry, replies, texts);
        cardActions = new PrivacyCardActions(registry, replies, texts, properties, clock);
        note("tenant-1", "user-anna", "Vi har *planerat* [länk](javascript:alert(1)) utbildningen");
        note("tenant-1", "user-anna", "Andra träffen klar");
        note("tenant-1", "user-erik", "Eriks rapport");
        note("tenant-2", "user-anna", "Samma id i en annan kommun");
    }

    private void note(String tenant, String user, String body) {
        jdbc.update("INSERT INTO test_note (tenant_id, user_id, body, created_at) VALUES (?, ?, ?, ?)",
                tenant, user, body, OffsetDateTime.ofInstant(NOW.minusSeconds(3600), ZoneOffset.UTC));
    }

    private List<String> bodies() {
        return jdbc.queryForList("SELECT body FROM test_note ORDER BY body", String.class);
    }

    private List<Reply> say(IncomingMessage message, String intent) {
        return handler.handle(message, RecognizedIntent.of(intent));
    }

    private CardActionResult press(IncomingMessage message, String verb, JsonNode data) {
        return cardActions.handle(new CardAction(verb, data, message, "card-1"));
    }

    private static ObjectNode buttonData(Reply card) {
        return (ObjectNode) card.card().at("/actions/0/data").deepCopy();
    }

    @Test
    void info_explainsWhatWhyAndHowLongInPlainSwedish() {
        String text = say(personal("vad sparar du?", Language.SV), PrivacyCommands.INFO).get(0).text();

        assertThat(text).contains("Det här sparar jag", "Varför", "Hur länge", "24 månader", "visa mina uppgifter",
                "radera mina uppgifter", "https://vagvisaren.example.org/privacy");
        assertThat(text).doesNotContain("privacy.", "{retention}");
    }

    @Test
    void info_inEnglish_isEnglish() {
        String text = say(personal("what do you store?", Language.EN), PrivacyCommands.INFO).get(0).text();

        assertThat(text).contains("What I store", "24 months").doesNotContain("månader");
    }

    @Test
    void export_inPersonalChat_listsOnlyOwnDataWithMarkupEscaped() {
        List<Reply> replies = say(personal("visa mina uppgifter", Language.SV), PrivacyCommands.EXPORT);

        assertThat(replies).singleElement().satisfies(r -> assertThat(r.privateToSender()).isFalse());
        String text = replies.get(0).text();
        assertThat(text).contains("Det här har jag sparat om dig", "test\\-notes", "Andra träffen klar", "\\*planerat\\*",
                "\\[länk\\]\\(javascript:alert\\(1\\)\\)");
        assertThat(text).doesNotContain("Eriks rapport", "annan kommun");
    }

    @Test
    void export_inChannel_saysSoPubliclyAndSendsTheDataPrivately() {
        List<Reply> replies = say(channel("visa mina uppgifter", Language.SV), PrivacyCommands.EXPORT);

        assertThat(replies).hasSize(2);
        assertThat(replies.get(0).privateToSender()).isFalse();
        assertThat(replies.get(0).text()).contains("privata chatt").doesNotContain("Andra träffen");
        assertThat(replies.get(1).privateToSender()).isTrue();
        assertThat(replies.get(1).text()).contains("Andra träffen klar");
    }

    @Test
    void export_nothingStored_saysSo() {
        String text = say(message("show my data", Language.EN, Scope.PERSONAL, "tenant-9", "nobody"),
                PrivacyCommands.EXPORT).get(0).text();

        assertThat(text).isEqualTo("I have no stored data about you.");
    }

    @Test
    void erase_askThenConfirm_deletesOwnDataOnly() {
        Reply card = say(personal("radera mina uppgifter", Language.SV), PrivacyCommands.ERASE).get(0);
        assertThat(card.card().at("/actions/0/data/verb").asText()).isEqualTo("privacy.erase_confirm");
        assertThat(bodies()).hasSize(4);

        CardActionResult result = press(personal("", Language.SV), "privacy.erase_confirm", buttonData(card));

        assertThat(result.outcome()).isEqualTo(CardActionResult.Outcome.DONE);
        assertThat(result.toast()).isEqualTo("Klart. Jag har raderat 2 uppgifter om dig.");
        assertThat(result.updatedCard().toString()).contains("raderat 2 uppgifter");
        assertThat(bodies()).containsExactly("Eriks rapport", "Samma id i en annan kommun");
        assertThat(jdbc.queryForObject("SELECT actor FROM privacy_audit WHERE action = 'ERASE'", String.class)).isEqualTo("user");
    }

    @Test
    void erase_inChannel_cardGoesToPrivateChat() {
        List<Reply> replies = say(channel("radera mina uppgifter", Language.SV), PrivacyCommands.ERASE);

        assertThat(replies).hasSize(2);
        assertThat(replies.get(0).card()).isNull();
        assertThat(replies.get(1).privateToSender()).isTrue();
        assertThat(replies.get(1).hasCard()).isTrue();
    }

    @Test
    void confirm_pressedInAChannel_isRefusedAndNothingDeleted() {
        Reply card = say(personal("radera mina uppgifter", Language.SV), PrivacyCommands.ERASE).get(0);

        CardActionResult result = press(channel("", Language.SV), "privacy.erase_confirm", buttonData(card));

        assertThat(result.outcome()).isEqualTo(CardActionResult.Outcome.REFUSED);
        assertThat(bodies()).hasSize(4);
    }

    @Test
    void confirm_afterFifteenMinutes_hasExpired() {
        Reply card = say(personal("radera mina uppgifter", Language.SV), PrivacyCommands.ERASE).get(0);
        clock.advance(Duration.ofMinutes(16));

        CardActionResult result = press(personal("", Language.SV), "privacy.erase_confirm", buttonData(card));

        assertThat(result.outcome()).isEqualTo(CardActionResult.Outcome.REFUSED);
        assertThat(result.toast()).contains("gått ut");
        assertThat(bodies()).hasSize(4);
    }

    @Test
    void confirm_forgedCardDataNamingAnotherUser_stillOnlyErasesThePresser() {
        Reply card = say(message("radera mina uppgifter", Language.SV, Scope.PERSONAL, "tenant-1", "user-erik"),
                PrivacyCommands.ERASE).get(0);
        ObjectNode forged = buttonData(card).put("userId", "user-anna").put("tenantId", "tenant-1");

        press(message("", Language.SV, Scope.PERSONAL, "tenant-1", "user-erik"), "privacy.erase_confirm", forged);

        assertThat(bodies()).containsExactly("Andra träffen klar", "Samma id i en annan kommun",
                "Vi har *planerat* [länk](javascript:alert(1)) utbildningen");
    }

    @Test
    void confirm_missingOrMalformedIssueTime_isRefused() {
        for (String issuedAt : List.of("", "abc", "-5", "99999999999999999999", "1e9")) {
            ObjectNode data = SafeguardingFixtures.JSON.createObjectNode().put("issuedAt", issuedAt);

            assertThat(press(personal("", Language.SV), "privacy.erase_confirm", data).outcome())
                    .as(issuedAt).isEqualTo(CardActionResult.Outcome.REFUSED);
        }
        assertThat(press(personal("", Language.SV), "privacy.erase_confirm", null).outcome())
                .isEqualTo(CardActionResult.Outcome.REFUSED);
        assertThat(bodies()).hasSize(4);
    }

    @Test
    void cancel_keepsEverything() {
        CardActionResult result = press(personal("", Language.SV), "privacy.erase_cancel", null);

        assertThat(result.toast()).isEqualTo("Okej, jag raderar ingenting.");
        assertThat(bodies()).hasSize(4);
    }

    @Test
    void confirmTwice_secondTimeFindsNothing() {
        Reply card = say(personal("radera mina uppgifter", Language.SV), PrivacyCommands.ERASE).get(0);
        press(personal("", Language.SV), "privacy.erase_confirm", buttonData(card));

        CardActionResult again = press(personal("", Language.SV), "privacy.erase_confirm", buttonData(card));

        assertThat(again.toast()).isEqualTo("Jag hittade inga uppgifter om dig att radera.");
    }

    @Test
    void unknownVerb_isUnknown() {
        assertThat(press(personal("", Language.SV), "privacy.drop_everything", null).outcome())
                .isEqualTo(CardActionResult.Outcome.UNKNOWN_ACTION);
    }

    @Test
    void handler_declaresThePrivacyIntents() {
        assertThat(handler.intents()).containsExactlyInAnyOrder("privacy_erase", "privacy_export", "privacy_info");
        assertThat(cardActions.feature()).isEqualTo("privacy");
        assertThat(say(personal("hej", Language.SV), "greeting")).isEmpty();
    }

    @Test
    void exportAndErase_withoutASenderId_touchNothingAndSaySo() {
        for (String blank : new String[] {null, " "}) {
            IncomingMessage noId = message("visa mina uppgifter", Language.SV, Scope.PERSONAL, "tenant-1", blank);

            assertThat(say(noId, PrivacyCommands.EXPORT)).singleElement()
                    .satisfies(r -> assertThat(r.text()).contains("kan inte se vem du är").doesNotContain("Andra träffen"));
            Reply card = say(personal("radera mina uppgifter", Language.SV), PrivacyCommands.ERASE).get(0);
            CardActionResult pressed = press(noId, "privacy.erase_confirm", buttonData(card));

            assertThat(pressed.outcome()).isEqualTo(CardActionResult.Outcome.REFUSED);
            assertThat(pressed.toast()).contains("kan inte se vem du är");
        }
        assertThat(bodies()).hasSize(4);
    }
}
