package se.vagvisaren.deadlines;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The pure policy objects, built from {@link DeadlineProperties}. */
@Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

    @Bean
    WorkingDays workingDays() {
        return WorkingDays.sweden();
    }

    @Bean
    ReminderPolicy reminderPolicy(WorkingDays workingDays, DeadlineProperties properties) {
        return new ReminderPolicy(workingDays, properties.nudgeLocalTime(), properties.officeStart(), properties.officeEnd());
    }

    @Bean
    DraftCheck draftCheck(DeadlineProperties properties) {
        return new DraftCheck(properties.maxTitleChars(), properties.maxYearsAhead());
    }
}
