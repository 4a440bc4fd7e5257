package se.vagvisaren.teams;

import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Chooses how proactive sends are paced ({@code vagvisaren.outbound.shared-pacing}): {@code auto} (default)
 * shares the windows through the database when it is PostgreSQL, the only database several replicas can
 * share, and keeps them in memory on the embedded H2; {@code true}/{@code false} force either way.
 */
@Configuration(proxyBeanMethods = false)
class OutboundPacingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OutboundPacingConfiguration.class);

    @Bean
    OutboundPacing outboundPacing(@Value("${vagvisaren.outbound.shared-pacing:auto}") String sharedPacing,
                                  @Value("${spring.datasource.url:}") String datasourceUrl,
                                  @Value("${vagvisaren.outbound.pacing-lock-timeout:5s}") Duration lockTimeout,
                                  DataSource dataSource) {
        boolean postgres = datasourceUrl.startsWith("jdbc:postgresql:");
        boolean shared = switch (sharedPacing.trim().toLowerCase()) {
            case "auto" -> postgres;
            case "true", "on" -> true;
            case "false", "off" -> false;
            default -> throw new IllegalStateException("vagvisaren.outbound.shared-pacing must be auto, true or false, not '"
                    + sharedPacing + "'");
        };
        if (shared && !postgres) {
            throw new IllegalStateException("vagvisaren.outbound.shared-pacing=true needs PostgreSQL (spring.datasource.url jdbc:postgresql:...)");
        }
        log.info("Outbound pacing per conversation: {}", shared ? "shared by all replicas through PostgreSQL" : "in memory, this instance only");
        if (!shared) {
            return new LocalOutboundPacing(new ConversationPacer(ConversationPacer.TEAMS_LIMITS, System::nanoTime,
                    ConversationPacer.Sleeper.REAL));
        }
        return new SharedConversationPacer(JdbcClient.create(dataSource), new DataSourceTransactionManager(dataSource),
                ConversationPacer.TEAMS_LIMITS, ConversationPacer.Sleeper.REAL, lockTimeout);
    }
}
