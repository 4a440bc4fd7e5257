package se.vagvisaren.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import se.vagvisaren.testing.ConnectorStub;
import se.vagvisaren.testing.ConversationHarness;
import se.vagvisaren.testing.MutableClock;
import se.vagvisaren.testing.SchedulerCaughtUp;

/**
 * Two application instances on one PostgreSQL (embedded), both running the scheduler: every nudge reaches
 * the connector exactly once. Clock: Wednesday 25 November 2026, 10:00 Stockholm.
 */
class TwoInstancesTest {

    @Test
    void twoInstancesOnePostgres_eachNudgeSentExactlyOnce() throws IOException {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));
        ConnectorStub connector = ConnectorStub.get();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            try (BotInstance a = BotInstance.start("instance-a", url, clock, Map.of());
                 BotInstance b = BotInstance.start("instance-b", url, clock, Map.of())) {
                List<String> channels = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    String channel = "19:twoInstances" + i + "@thread.tacv2";
                    a.hello(channel);
                    channels.add(channel);
                }
                int n = 0;
                for (String channel : channels) {
                    for (int k = 0; k < 5; k++) {
                        (n % 2 == 0 ? a : b).create(channel, "Deadline " + (n++), LocalDate.parse("2026-11-27"), LocalTime.of(14, 0), "0");
                    }
                }
                connector.reset();

                clock.set(Instant.parse("2026-11-27T13:00:30Z"));
                BotInstance.await("all 30 nudges", 60_000, () -> connector.sentActivities().size() >= 30);
                BotInstance.await("every nudge recorded", 20_000, () -> a.jdbc().sql(
                        "SELECT COUNT(*) FROM deadline_nudge WHERE kind = 'DUE' AND status = 'SENT'").query(Integer.class).single() == 30);
                SchedulerCaughtUp.await(a.jdbc(), clock); // every due nudge task has run: a duplicate would be in by now

                Map<String, Long> perTitle = connector.allActivities().stream()
                        .map(ConversationHarness::visibleText)
                        .map(t -> t.replaceAll("(?s).*\\*\\*(Deadline \\d+)\\*\\*.*", "$1"))
                        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
                assertThat(connector.sentActivities()).hasSize(30);
                assertThat(perTitle).hasSize(30).allSatisfy((title, count) -> assertThat(count).isEqualTo(1L));
                double byA = sent(a);
                double byB = sent(b);
                assertThat(byA + byB).isEqualTo(30.0);
                System.out.printf("two-instances: instance A sent %.0f, instance B sent %.0f%n", byA, byB);
            }
        }
    }

    private static double sent(BotInstance instance) {
        var counter = instance.bean(MeterRegistry.class).find("vagvisaren.deadlines.nudges").tag("result", "DELIVERED").counters();
        return counter.stream().mapToDouble(c -> c.count()).sum();
    }
}
