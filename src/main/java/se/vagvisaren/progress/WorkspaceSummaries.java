package se.vagvisaren.progress;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Where a workspace stands: which steps are active (an update within {@code quiet-after}), which are
 * quiet, when it last reported and which deadlines are coming. Shared by the digest, the county-board
 * chat summary and the {@code /overview} page.
 */
@Service
@RequiredArgsConstructor
class WorkspaceSummaries {

    private static final Logger log = LoggerFactory.getLogger(WorkspaceSummaries.class);

    private final ProgressStore store;
    private final UpcomingDeadlines deadlines;
    private final MunicipalityNames names;
    private final ProgressProperties properties;
    private final Clock clock;

    /** Summaries of every workspace with at least one update, by name (unnamed last). */
    List<WorkspaceSummary> all() {
        Instant now = clock.instant();
        return store.workspaces().stream().map(ws -> summarise(ws, now))
                .sorted(Comparator.comparing((WorkspaceSummary s) -> s.name() == null)
                        .thenComparing(s -> s.name() == null ? s.workspaceId() : s.name(), String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** One workspace as of {@code now}. */
    WorkspaceSummary summarise(String workspaceId, Instant now) {
        Map<Integer, Instant> lastPerStep = store.lastUpdatePerStep(workspaceId);
        var span = store.span(workspaceId);
        Instant activeSince = now.minus(properties.quietAfter());
        SortedSet<Integer> active = new TreeSet<>();
        SortedSet<Integer> quiet = new TreeSet<>();
        for (int step = ProgressUpdate.FIRST_STEP; step <= ProgressUpdate.LAST_STEP; step++) {
            Instant last = lastPerStep.get(step);
            if (last != null && !last.isBefore(activeSince)) {
                active.add(step);
            } else if (span.isPresent() && (last != null || span.get().first().isBefore(activeSince))) {
                // a step counts as quiet once the team has worked long enough to have reported in it
                quiet.add(step);
            }
        }
        List<UpcomingDeadlines.UpcomingDeadline> upcoming = safeDeadlines(workspaceId, now);
        return new WorkspaceSummary(workspaceId, names.nameOf(workspaceId), active, quiet, lastPerStep,
                span.map(ProgressStore.Span::first).orElse(null), span.map(ProgressStore.Span::last).orElse(null),
                upcoming, now);
    }

    private List<UpcomingDeadlines.UpcomingDeadline> safeDeadlines(String workspaceId, Instant now) {
        try {
            return deadlines.between(workspaceId, now, now.plus(properties.deadlineHorizon()));
        } catch (RuntimeException e) {
            // deadlines are extra information: a failure there must not stop a digest or the overview
            log.warn("Upcoming deadlines unavailable for workspace {}: {}", workspaceId, e.getClass().getSimpleName());
            return List.of();
        }
    }

    /**
     * Where one workspace stands.
     *
     * @param name        display name, or {@code null} when none is configured
     * @param activeSteps steps with an update within {@code quiet-after}
     * @param quietSteps  steps without one, once the team has reported for at least {@code quiet-after}
     * @param lastPerStep latest update per step; steps never reported are absent
     * @param firstUpdate the workspace's first update, or {@code null}
     * @param lastUpdate  the workspace's latest update, or {@code null}
     * @param deadlines   deadlines due within {@code deadline-horizon}, soonest first
     * @param asOf        the time the summary describes
     */
    record WorkspaceSummary(String workspaceId, String name, SortedSet<Integer> activeSteps, SortedSet<Integer> quietSteps,
                            Map<Integer, Instant> lastPerStep, Instant firstUpdate, Instant lastUpdate,
                            List<UpcomingDeadlines.UpcomingDeadline> deadlines, Instant asOf) {

        /** Whole weeks since the step's last update, or since the first update for a step never reported. */
        long quietWeeks(int step) {
            Instant since = lastPerStep.getOrDefault(step, firstUpdate);
            return since == null ? 0 : Duration.between(since, asOf).toDays() / 7;
        }
    }
}
