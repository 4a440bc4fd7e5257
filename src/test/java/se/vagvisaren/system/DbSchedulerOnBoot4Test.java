package se.vagvisaren.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerState;
import com.github.kagkarlsson.scheduler.stats.MicrometerStatsRegistry;
import com.github.kagkarlsson.scheduler.stats.StatsRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The scheduler behind reminders, digests and retention runs on Boot 4: started, in the readiness group as
 * {@code dbScheduler}, with its Micrometer statistics. (On Boot 4 the unbridged Boot 3 starter silently created
 * no scheduler.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:schedulerboot4;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "db-scheduler.enabled=true"})
class DbSchedulerOnBoot4Test {

    @LocalServerPort
    int port;
    @Autowired
    Scheduler scheduler;
    @Autowired
    StatsRegistry stats;

    @Test
    void scheduler_isStartedWithMicrometerStatistics() {
        assertThat(scheduler.getSchedulerState().isStarted()).isTrue();
        assertThat(stats).isInstanceOf(MicrometerStatsRegistry.class);
    }

    @Test
    void readinessGroup_includesTheSchedulerAsUp() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertThat(body.path("components").path("dbScheduler").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void health_followsTheSchedulerLifecycle() {
        assertThat(DbSchedulerOnBoot4.health(state(false, false)).getStatus()).isEqualTo(Status.DOWN);
        assertThat(DbSchedulerOnBoot4.health(state(true, false)).getStatus()).isEqualTo(Status.UP);
        assertThat(DbSchedulerOnBoot4.health(state(true, true)).getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    }

    private static SchedulerState state(boolean started, boolean shuttingDown) {
        return new SchedulerState() {
            @Override
            public boolean isShuttingDown() {
                return shuttingDown;
            }

            @Override
            public boolean isStarted() {
                return started;
            }

            @Override
            public boolean isPaused() {
                return false;
            }
        };
    }
}
