package se.vagvisaren.system;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes db-scheduler read time from the application {@link Clock}, so scheduling tests can move time
 * with a controllable clock instead of sleeping. (The starter backs off its own clock bean when this
 * one exists.)
 */
@Configuration(proxyBeanMethods = false)
class SchedulerClockConfiguration {

    @Bean
    com.github.kagkarlsson.scheduler.Clock schedulerClock(Clock clock) {
        return clock::instant;
    }
}
