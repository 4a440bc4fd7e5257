package se.vagvisaren.knowledge;

import lombok.RequiredArgsConstructor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code knowledge} component of {@code /actuator/health}: UP with the passage count, DOWN when no
 * passage is loaded. Problems (skipped files, kept passages with a fault) are counted in the details but
 * do not make it DOWN: the rest of the knowledge base still answers.
 *
 * <p>Why DOWN and not OUT_OF_SERVICE once loaded: an empty knowledge base is a fault (a wrong path, an empty volume,
 * every file broken), never a state someone chose, and it answers every question with "I don't know".
 * While the first load is still running (it runs in the background at start, see {@link KnowledgeConfiguration})
 * the component is OUT_OF_SERVICE with {@code loading: true}: not yet usable, but no fault either; questions
 * asked meanwhile wait for the load.
 *
 * <p>It is left out of the readiness group on purpose: taking the pod out of the Service would also silence
 * the crisis replies with the support numbers, which do not need the knowledge base.
 */
@Component("knowledge")
@RequiredArgsConstructor
class KnowledgeHealth implements HealthIndicator {

    private final KnowledgeBase knowledge;

    @Override
    public Health health() {
        if (!knowledge.loaded()) {
            return Health.outOfService().withDetail("loading", true).withDetail("origin", knowledge.origin()).build();
        }
        int passages = knowledge.size();
        long skipped = knowledge.problems().stream().filter(KnowledgeProblem::fileSkipped).count();
        Health.Builder health = passages > 0 ? Health.up() : Health.down();
        health.withDetail("passages", passages)
                .withDetail("problems", knowledge.problems().size())
                .withDetail("skippedFiles", skipped)
                .withDetail("origin", knowledge.origin());
        if (passages == 0) {
            health.withDetail("error", "no passages loaded: every handbook question gets the fallback answer");
        }
        return health.build();
    }
}
