package se.vagvisaren.deadlines;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import se.vagvisaren.conversation.ConversationKey;
import se.vagvisaren.conversation.DeliveryResult;
import se.vagvisaren.conversation.OutboundMessages;
import se.vagvisaren.conversation.Reply;

/**
 * An {@link OutboundMessages} that answers as scripted per target ({@code conv:<id>} or {@code user:<id>}),
 * DELIVERED when nothing is scripted, and records every call. Tests the deadline side of the contract.
 */
final class ScriptedOutbound implements OutboundMessages {

    record Call(String target, String text) {
    }

    private final Map<String, Deque<DeliveryResult.Status>> script = new ConcurrentHashMap<>();
    private final Map<String, DeliveryResult.Status> always = new ConcurrentHashMap<>();
    private final List<Call> calls = java.util.Collections.synchronizedList(new ArrayList<>());

    void next(String target, DeliveryResult.Status... statuses) {
        script.computeIfAbsent(target, t -> new ConcurrentLinkedDeque<>()).addAll(List.of(statuses));
    }

    void always(String target, DeliveryResult.Status status) {
        always.put(target, status);
    }

    List<Call> calls(String target) {
        synchronized (calls) {
            return calls.stream().filter(c -> c.target().equals(target)).toList();
        }
    }

    @Override
    public DeliveryResult send(ConversationKey conversation, Reply reply) {
        return answer("conv:" + conversation.conversationId(), reply);
    }

    @Override
    public DeliveryResult sendToUser(String tenantId, String userId, Reply reply) {
        return answer("user:" + userId, reply);
    }

    private DeliveryResult answer(String target, Reply reply) {
        calls.add(new Call(target, reply.text()));
        Deque<DeliveryResult.Status> queue = script.get(target);
        DeliveryResult.Status status = queue != null && !queue.isEmpty() ? queue.poll()
                : always.getOrDefault(target, DeliveryResult.Status.DELIVERED);
        return new DeliveryResult(status, status == DeliveryResult.Status.DELIVERED ? "1" : null, 1, "scripted");
    }
}
