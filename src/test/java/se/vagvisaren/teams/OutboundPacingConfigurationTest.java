package se.vagvisaren.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** Which pacing an operator gets from {@code vagvisaren.outbound.shared-pacing} and the database URL. */
class OutboundPacingConfigurationTest {

    private static final String POSTGRES = "jdbc:postgresql://db:5432/vagvisaren";
    private static final String H2 = "jdbc:h2:file:./data/vagvisaren";

    private final DataSource dataSource = new JdbcDataSource(); // never connected: choosing must not need the database

    private OutboundPacing pacing(String setting, String url) {
        return new OutboundPacingConfiguration().outboundPacing(setting, url, Duration.ofSeconds(5), dataSource);
    }

    @Test
    void auto_onPostgres_isShared() {
        assertThat(pacing("auto", POSTGRES)).isInstanceOf(SharedConversationPacer.class);
    }

    @Test
    void auto_onEmbeddedH2_isPerInstance() {
        assertThat(pacing("auto", H2)).isInstanceOf(LocalOutboundPacing.class);
        assertThat(pacing("auto", "")).isInstanceOf(LocalOutboundPacing.class);
    }

    @Test
    void false_onPostgres_isPerInstance() {
        assertThat(pacing("false", POSTGRES)).isInstanceOf(LocalOutboundPacing.class);
    }

    @Test
    void true_onH2_failsAtStartWithTheReason() {
        assertThatThrownBy(() -> pacing("true", H2)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs PostgreSQL");
    }

    @Test
    void unknownValue_failsAtStartNamingTheSetting() {
        assertThatThrownBy(() -> pacing("sometimes", POSTGRES)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("vagvisaren.outbound.shared-pacing").hasMessageContaining("sometimes");
    }
}
