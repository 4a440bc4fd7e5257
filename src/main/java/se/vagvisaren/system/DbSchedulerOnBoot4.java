package se.vagvisaren.system;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerState;
import com.github.kagkarlsson.scheduler.boot.autoconfigure.DbSchedulerAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Runs db-scheduler's Spring Boot starter (16.7.1, the newest the registry serves, written for Boot 3) on Boot 4.
 *
 * <p>The starter orders itself after Boot 3's {@code org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration},
 * which Boot 4 moved, so it was evaluated before the {@code DataSource} existed and created no scheduler at all; its
 * health and metrics parts depend on Boot 3 actuator classes and never matched. This auto-configuration imports the
 * starter's own configuration after Boot 4's DataSource and Flyway auto-configurations (the starter's class is
 * excluded from auto-configuration in {@code VagvisarenApplication}) and adds the {@code dbScheduler} health
 * contributor that the readiness group includes. Remove it, and the exclusion, once a db-scheduler release supports
 * Boot 4 (docs/operations.md, "Platform").
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
        DbSchedulerStatsOnBoot4.class})
@ConditionalOnProperty(value = "db-scheduler.enabled", matchIfMissing = true)
@Import(DbSchedulerAutoConfiguration.class)
public class DbSchedulerOnBoot4 {

    /** Named so that the contributor is {@code dbScheduler}, as the starter called it on Boot 3. */
    @Bean
    @ConditionalOnBean(Scheduler.class)
    @ConditionalOnClass(HealthIndicator.class)
    HealthIndicator dbSchedulerHealthIndicator(Scheduler scheduler) {
        return () -> health(scheduler.getSchedulerState());
    }

    /** UP while running, OUT_OF_SERVICE while shutting down, DOWN before it started (the starter's mapping). */
    static Health health(SchedulerState state) {
        if (state.isShuttingDown()) {
            return Health.outOfService().withDetail("state", "shutting_down").build();
        }
        if (state.isStarted()) {
            return Health.up().withDetail("state", "started").build();
        }
        return Health.down().withDetail("state", "not_started").build();
    }
}
