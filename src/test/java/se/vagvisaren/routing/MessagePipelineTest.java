package se.vagvisaren.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import se.vagvisaren.admin.WorkspaceSettings;
import se.vagvisaren.admin.WorkspaceZones;
import se.vagvisaren.conversation.ConversationKey;
import se.vagvisaren.conversation.IncomingMessage;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.RecognizedIntent;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.conversation.Scope;
import se.vagvisaren.conversation.Sender;
import se.vagvisaren.replylanguage.ConversationLanguages;
import se.vagvisaren.nlu.MessageUnderstanding;
import se.vagvisaren.nlu.Understanding;

/** The pipeline on its own, with stand-in steps: the order decides, and "now" is read in the team's zone. */
class MessagePipelineTest {

    static final Instant NOW = Instant.parse("2026-12-04T22:30:00Z");

    final List<ZonedDateTime> nowsSeen = new ArrayList<>();
    final MessageUnderstanding understanding = (text, locale, now) -> {
        nowsSeen.add(now);
        return new Understanding(Language.SV, RecognizedIntent.of("reflection_start"), List.of(), false);
    };
    final WorkspaceSettings settings = mock(WorkspaceSettings.class);
    final ConversationLanguages languages = mock(ConversationLanguages.class);

    MessagePipelineTest() {
        when(settings.get(anyString(), eq("zone"))).thenReturn(Optional.empty());
        when(languages.forMessage(any(), any())).thenReturn(Language.SV);
    }

    private MessagePipeline pipeline(RoutingStep... steps) {
        return new MessagePipeline(List.of(steps), understanding, languages, new WorkspaceZones(settings, new MockEnvironment()),
                Clock.fixed(NOW, ZoneOffset.UTC), new SimpleMeterRegistry());
    }

    private static IncomingMessage message(String team, String text) {
        return new IncomingMessage("act-1", new ConversationKey("tenant", "19:chan"), Scope.CHANNEL, team, "19:chan",
                new Sender("user", "29:user", "Anna"), text, Language.SV, NOW);
    }

    /** A step that answers every message that contains {@code word}, saying its own name. */
    private static RoutingStep claiming(String word, String name) {
        return turn -> turn.message().text().contains(word)
                ? Optional.of(new Routed<>(name, List.of(Reply.text(name)))) : Optional.empty();
    }

    private static List<String> texts(List<Reply> replies) {
        return replies.stream().map(Reply::text).toList();
    }

    @Test
    void route_twoStepsClaimTheSameWords_theEarlierOneAnswers() {
        RoutingStep reflection = claiming("radera mina svar", "reflection");
        RoutingStep privacy = claiming("radera mina", "privacy");

        assertThat(texts(pipeline(reflection, privacy).route(message("t1", "radera mina svar"), "sv-SE", 100, List::of)))
                .containsExactly("reflection");
        assertThat(texts(pipeline(privacy, reflection).route(message("t1", "radera mina svar"), "sv-SE", 100, List::of)))
                .containsExactly("privacy");
        assertThat(texts(pipeline(reflection, privacy).route(message("t1", "radera mina uppgifter"), "sv-SE", 100, List::of)))
                .containsExactly("privacy");
    }

    @Test
    void route_textOverTheLimit_isReadUpToTheLimitAndFlaggedTooLong() {
        List<MessageTurn> turns = new ArrayList<>();
        RoutingStep recorder = turn -> {
            turns.add(turn);
            return Optional.of(new Routed<>("seen", List.of()));
        };

        pipeline(recorder).route(message("t1", "x".repeat(150)), "sv-SE", 100, List::of);
        pipeline(recorder).route(message("t1", "x".repeat(100)), "sv-SE", 100, List::of);

        assertThat(turns.get(0).tooLong()).isTrue();
        assertThat(turns.get(0).message().text()).hasSize(100);
        assertThat(turns.get(1).tooLong()).isFalse();
    }

    @Test
    void route_teamWithAZoneSetting_readsTheMessageInThatZone() {
        when(settings.get("helsinki-team", "zone")).thenReturn(Optional.of("Europe/Helsinki"));
        when(settings.get("broken-team", "zone")).thenReturn(Optional.of("Mars/Olympus"));
        RoutingStep answerAll = claiming("", "ok");

        pipeline(answerAll).route(message("helsinki-team", "i morgon"), "sv-SE", 100, List::of);
        pipeline(answerAll).route(message("other-team", "i morgon"), "sv-SE", 100, List::of);
        pipeline(answerAll).route(message("broken-team", "i morgon"), "sv-SE", 100, List::of);

        assertThat(nowsSeen).extracting(ZonedDateTime::getZone)
                .containsExactly(ZoneId.of("Europe/Helsinki"), ZoneId.of("Europe/Stockholm"), ZoneId.of("Europe/Stockholm"));
        assertThat(nowsSeen).extracting(ZonedDateTime::toInstant).containsOnly(NOW);
        // 22:30 UTC is already the next day in Helsinki (00:30) but not in Stockholm (23:30).
        assertThat(nowsSeen.get(0).getDayOfMonth()).isEqualTo(5);
        assertThat(nowsSeen.get(1).getDayOfMonth()).isEqualTo(4);
    }
}
