package se.vagvisaren.safeguarding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.ConversationKey;
import se.vagvisaren.conversation.IncomingMessage;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.ReplyTexts;
import se.vagvisaren.conversation.Scope;
import se.vagvisaren.conversation.Sender;

/** Shared test fixtures: the real dialogs/ content of the worktree and messages as Teams would send them. */
final class SafeguardingFixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    private SafeguardingFixtures() {
    }

    static ContentSource dialogs() {
        return new ContentSource("dialogs", Path.of("dialogs"));
    }

    static ReplyTexts replyTexts() {
        return new ReplyTexts(dialogs());
    }

    static IncomingMessage personal(String text, Language language) {
        return message(text, language, Scope.PERSONAL, "tenant-1", "user-anna");
    }

    static IncomingMessage channel(String text, Language language) {
        return message(text, language, Scope.CHANNEL, "tenant-1", "user-anna");
    }

    static IncomingMessage message(String text, Language language, Scope scope, String tenantId, String userId) {
        String conversation = scope == Scope.PERSONAL ? "a:1personal-" + userId : "19:channel@thread.tacv2;messageid=1";
        return new IncomingMessage("act-1", new ConversationKey(tenantId, conversation), scope,
                scope == Scope.CHANNEL ? "19:team@thread.tacv2" : null,
                scope == Scope.CHANNEL ? "19:channel@thread.tacv2" : null,
                new Sender(userId, "29:" + userId, "Anna Andersson"), text, language,
                Instant.parse("2026-11-25T09:00:00Z"));
    }

    /** Reads a JSON Lines test resource under src/test/resources/safeguarding/. */
    static List<JsonNode> jsonLines(String name) {
        try {
            return Files.readAllLines(Path.of("src/test/resources/safeguarding", name), StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank())
                    .map(SafeguardingFixtures::parse)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalArgumentException("Bad JSON line: " + line, e);
        }
    }
}
