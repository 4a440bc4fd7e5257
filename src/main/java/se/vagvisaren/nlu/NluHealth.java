package se.vagvisaren.nlu;

import lombok.RequiredArgsConstructor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code nlu} component of {@code /actuator/health}: OUT_OF_SERVICE with {@code loading: true} while the
 * intent model's first load runs in the background (messages meanwhile wait for it), then UP with the number of
 * intents, or DOWN when no model could be read or trained (every message would be out_of_scope).
 *
 * <p>Like the knowledge component it is not in the readiness group: the crisis replies with the support numbers
 * must keep flowing even if a model is missing.
 */
@Component("nlu")
@RequiredArgsConstructor
class NluHealth implements HealthIndicator {

    private final TrainedUnderstanding understanding;

    @Override
    public Health health() {
        if (!understanding.loaded()) {
            return Health.outOfService().withDetail("loading", true).build();
        }
        int intents = understanding.intents().size();
        if (intents == 0) {
            return Health.down().withDetail("intents", 0)
                    .withDetail("error", "no intent model: every message is understood as out_of_scope").build();
        }
        return Health.up().withDetail("intents", intents).build();
    }
}
