package se.vagvisaren.safeguarding;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's {@link Clock} (UTC). Inject {@code Clock} wherever "now" matters so tests can fix
 * time; this bean steps aside when another configuration already defines one.
 */
@Configuration(proxyBeanMethods = false)
class SystemClockConfiguration {

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock() {
        return Clock.systemUTC();
    }
}
