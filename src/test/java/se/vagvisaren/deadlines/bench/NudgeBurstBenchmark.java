package se.vagvisaren.deadlines.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import se.vagvisaren.deadlines.DeadlineBench;
import se.vagvisaren.testing.ConnectorStub;
import se.vagvisaren.testing.MutableClock;

/**
 * Scale check, loopback only and bounded: N nudges for C channels fall due in the same minute. Checks that
 * every nudge reaches the connector (WireMock) exactly once and that no conversation ever exceeds the Teams
 * limits (7 per 1 s, 8 per 2 s, 60 per 30 s, in sliding windows over the request times WireMock saw), and
 * prints the total time. Not a unit test: runs only with {@code -Dvagvisaren.bench=true}; see docs/deadlines.md.
 */
@EnabledIfSystemProperty(named = "vagvisaren.bench", matches = "true")
class NudgeBurstBenchmark {

    static final int NUDGES = Integer.getInteger("bench.nudges", 1000);
    static final int CHANNELS = Integer.getInteger("bench.channels", 200);
    static final int THREADS = Integer.getInteger("bench.threads", 4);

    @Test
    void burst_allDeliveredOnceWithinTeamsLimits() throws Exception {
        Path dir = Files.createTempDirectory("nudge-bench");
        MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));
        ConnectorStub connector = ConnectorStub.get();
        connector.reset();
        String db = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        try (DeadlineBench bot = DeadlineBench.start(db, clock, Map.of("db-scheduler.threads", Integer.toString(THREADS)))) {
            List<String> channels = new ArrayList<>();
            for (int i = 0; i < CHANNELS; i++) {
                channels.add("19:bench" + i + "@thread.tacv2");
                bot.hello(channels.get(i));
            }
            for (int n = 0; n < NUDGES; n++) {
                bot.createDue(channels.get(n % CHANNELS), "Nudge " + n, LocalDate.parse("2026-11-27"), LocalTime.of(14, 0));
            }
            connector.reset();

            long start = System.nanoTime();
            clock.set(Instant.parse("2026-11-27T13:00:05Z"));
            DeadlineBench.await(NUDGES + " nudges", 170_000, () -> connector.sentActivities().size() >= NUDGES);
            double seconds = (System.nanoTime() - start) / 1e9;
            Thread.sleep(1_000); // duplicates would arrive here

            List<LoggedRequest> sent = connector.sentActivities();
            Map<String, List<Long>> perConversation = sent.stream().collect(Collectors.groupingBy(
                    r -> URLDecoder.decode(r.getUrl(), StandardCharsets.UTF_8).replaceAll("^/v3/conversations/([^/]+)/.*", "$1"),
                    Collectors.mapping(r -> r.getLoggedDate().getTime(), Collectors.toList())));
            Map<String, Integer> worst = new HashMap<>();
            for (List<Long> times : perConversation.values()) {
                times.sort(null);
                worst.merge("1s", maxInWindow(times, 1_000), Math::max);
                worst.merge("2s", maxInWindow(times, 2_000), Math::max);
                worst.merge("30s", maxInWindow(times, 30_000), Math::max);
            }
            double minimumSeconds = minimumSeconds(NUDGES / CHANNELS + (NUDGES % CHANNELS == 0 ? 0 : 1));
            System.out.printf(java.util.Locale.ROOT, "nudge-burst: nudges=%d channels=%d threads=%d delivered=%d conversations=%d total=%.2fs "
                            + "throughput=%.0f/s worst-window 1s=%d 2s=%d 30s=%d per-conversation-minimum=%.2fs ratio=%s%n",
                    NUDGES, CHANNELS, THREADS, sent.size(), perConversation.size(), seconds, sent.size() / seconds,
                    worst.get("1s"), worst.get("2s"), worst.get("30s"), minimumSeconds,
                    minimumSeconds > 0 ? String.format(java.util.Locale.ROOT, "%.2f", seconds / minimumSeconds) : "n/a (limits allow one burst)");

            assertThat(sent).hasSize(NUDGES);
            assertThat(perConversation).hasSize(CHANNELS);
            assertThat(worst.get("1s")).isLessThanOrEqualTo(7);
            assertThat(worst.get("2s")).isLessThanOrEqualTo(8);
            assertThat(worst.get("30s")).isLessThanOrEqualTo(60);
        }
    }

    /** Most requests in any window [t, t + width) starting at a request. */
    static int maxInWindow(List<Long> sortedMillis, long width) {
        int best = 0;
        int j = 0;
        for (int i = 0; i < sortedMillis.size(); i++) {
            while (sortedMillis.get(i) - sortedMillis.get(j) >= width) {
                j++;
            }
            best = Math.max(best, i - j + 1);
        }
        return best;
    }

    /**
     * Shortest time in which one conversation can receive {@code perConversation} messages under 7/1 s, 8/2 s
     * and 60/30 s (all conversations in parallel): greedy earliest-slot schedule.
     */
    static double minimumSeconds(int perConversation) {
        List<Double> times = new ArrayList<>();
        double t = 0;
        while (times.size() < perConversation) {
            double earliest = t;
            earliest = Math.max(earliest, slot(times, 7, 1.0));
            earliest = Math.max(earliest, slot(times, 8, 2.0));
            earliest = Math.max(earliest, slot(times, 60, 30.0));
            times.add(earliest);
            t = earliest;
        }
        return times.get(times.size() - 1);
    }

    private static double slot(List<Double> times, int limit, double window) {
        return times.size() < limit ? 0 : times.get(times.size() - limit) + window;
    }
}
