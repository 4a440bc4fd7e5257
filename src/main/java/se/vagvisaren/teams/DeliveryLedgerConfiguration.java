package se.vagvisaren.teams;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The database record of taken-on activities, and the hourly sweep that keeps it small. */
@Configuration(proxyBeanMethods = false)
class DeliveryLedgerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DeliveryLedgerConfiguration.class);

    @Bean
    DeliveryLedger deliveryLedger(JdbcClient jdbc, Clock clock, InboundProperties inbound) {
        return new DeliveryLedger(jdbc, clock, inbound.claimTimeout());
    }

    /** Cluster-safe through db-scheduler: one instance sweeps each hour. */
    @Bean
    @Profile("!cli")
    RecurringTask<Void> inboundDeliverySweep(DeliveryLedger ledger, InboundProperties inbound) {
        return Tasks.recurring("inbound-delivery-sweep", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> {
                    int forgotten = ledger.forgetOlderThan(inbound.ledgerRetention());
                    log.debug("Delivery ledger: forgot {} activities older than {}", forgotten, inbound.ledgerRetention());
                });
    }
}
