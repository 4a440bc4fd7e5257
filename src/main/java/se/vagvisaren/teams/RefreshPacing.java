package se.vagvisaren.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import io.micrometer.core.instrument.MeterRegistry;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Counts automatic card refreshes ({@code adaptiveCard/action} with {@code trigger: automatic}, sent by Teams
 * when someone looks at a card with {@code refresh}) against the conversation's Teams budget, the same
 * {@link OutboundPacing} the proactive sender waits on (shared by replicas on PostgreSQL). A refresh is optional work: when the budget is
 * spent it is skipped (the person keeps the card they see, and "Refresh card" works later) rather than
 * delaying a reminder. Presses ({@code trigger: manual}) are never skipped.
 */
@Component
@RequiredArgsConstructor
class RefreshPacing {

    private final OutboundPacing pacing;
    private final MeterRegistry meters;

    /** Whether to answer this card invoke now; {@code false} only for an automatic refresh over the budget. */
    boolean allow(Activity activity, JsonNode value) {
        if (value == null || !"automatic".equals(value.path("trigger").asText()) || activity.getConversation() == null) {
            return true;
        }
        boolean allowed = pacing.tryAcquire(activity.getConversation().getId());
        meters.counter("vagvisaren.cards.refresh", "outcome", allowed ? "answered" : "skipped").increment();
        return allowed;
    }
}
