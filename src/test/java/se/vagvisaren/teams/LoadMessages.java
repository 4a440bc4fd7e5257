package se.vagvisaren.teams;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import se.vagvisaren.testing.ConnectorStub;
import se.vagvisaren.testing.TeamsActivity;

/** Realistic 1:1 messages for load runs, and the check that each was answered exactly once. */
final class LoadMessages {

    private static final List<String> TEXTS = List.of("hej", "hjälp", "vad är en lägesbild?", "tack");

    private LoadMessages() {
    }

    /** {@code count} messages from {@code users} people, round robin, each with a fresh activity id. */
    static List<TeamsActivity> personal(String run, int count, int users) {
        return personal(run, count, users, ConnectorStub.get().url());
    }

    /** As {@link #personal(String, int, int)}, with replies going to {@code serviceUrl}. */
    static List<TeamsActivity> personal(String run, int count, int users, String serviceUrl) {
        List<TeamsActivity> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int user = i % users;
            String name = run + "u" + user;
            messages.add(TeamsActivity.personal(TEXTS.get(i % TEXTS.size())).conversationId("a:1" + name)
                    .from("29:" + name, UUID.nameUUIDFromBytes(name.getBytes()).toString(), "Person " + user)
                    .serviceUrl(serviceUrl));
        }
        return messages;
    }

    /** How many replies each of {@code sent} got at the connector (only ids in {@code sent}). */
    static Map<String, Long> repliesPerActivity(ConnectorStub connector, List<TeamsActivity> sent) {
        var ids = sent.stream().map(TeamsActivity::id).collect(Collectors.toSet());
        Map<String, Long> counts = connector.allActivities().stream()
                .filter(reply -> !"typing".equals(reply.path("type").asText())) // an indicator, not an answer
                .map(reply -> reply.path("replyToId").asText(""))
                .filter(ids::contains)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        for (String id : ids) {
            counts.putIfAbsent(id, 0L);
        }
        return counts;
    }
}
