package se.vagvisaren.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.vagvisaren.VagvisarenApplication;
import se.vagvisaren.conversation.ConversationKey;
import se.vagvisaren.conversation.IncomingMessage;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.Scope;
import se.vagvisaren.conversation.Sender;
import se.vagvisaren.testing.ConversationHarness;
import se.vagvisaren.testing.MutableClock;
import se.vagvisaren.testing.SchedulerWakeUp;
import se.vagvisaren.testing.TeamsActivity;

/**
 * One whole bot application with the scheduler running, on a database chosen by the test, with a clock
 * the test moves. Several can run at once (each on its own port) or one after another (a restart).
 */
public final class BotInstance implements AutoCloseable {

    static final String ERIK = "0d3e5c2a-7b41-4f0e-9a6d-1c2b3a4d5e02";

    private final ConfigurableApplicationContext context;

    private BotInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static BotInstance start(String name, String jdbcUrl, MutableClock clock, Map<String, String> extra) {
        return start(name, jdbcUrl, clock, extra, null);
    }

    /** @param outbound replaces the Teams sender (as the primary {@code OutboundMessages}), or {@code null} */
    public static BotInstance start(String name, String jdbcUrl, MutableClock clock, Map<String, String> extra,
                             se.vagvisaren.conversation.OutboundMessages outbound) {
        Map<String, Object> props = new HashMap<>();
        props.put("server.port", "0");
        props.put("spring.datasource.url", jdbcUrl);
        props.put("spring.datasource.username", jdbcUrl.startsWith("jdbc:h2") ? "sa" : "postgres");
        props.put("spring.datasource.password", jdbcUrl.startsWith("jdbc:h2") ? "" : "postgres");
        props.put("spring.datasource.hikari.maximum-pool-size", "30");
        props.put("db-scheduler.enabled", "true");
        props.put("db-scheduler.polling-interval", "100ms");
        props.put("db-scheduler.scheduler-name", name);
        props.put("db-scheduler.shutdown-max-wait", "2s");
        props.put("spring.application.name", name);
        props.put("logging.level.com.github.kagkarlsson", "INFO");
        props.putAll(extra);
        // as command-line arguments: they outrank application-test.yaml (builder properties would not)
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(VagvisarenApplication.class, SchedulerWakeUp.class)
                .profiles("test")
                .initializers(c -> {
                    c.getBeanFactory().registerSingleton("testClock", clock);
                    if (outbound != null) {
                        var definition = new org.springframework.beans.factory.support.RootBeanDefinition(
                                se.vagvisaren.conversation.OutboundMessages.class, () -> outbound);
                        definition.setPrimary(true);
                        ((org.springframework.beans.factory.support.BeanDefinitionRegistry) c.getBeanFactory())
                                .registerBeanDefinition("scriptedOutbound", definition);
                    }
                })
                .run(args);
        return new BotInstance(ctx);
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    JdbcClient jdbc() {
        return bean(JdbcClient.class);
    }

    /** Lets the bot see a channel conversation, so it has a reference to nudge it. */
    public void hello(String conversationId) {
        new ConversationHarness(port()).send(TeamsActivity.channel("hej").conversationId(conversationId));
    }

    /** Saves a team deadline in a channel, as if confirmed on the card. */
    Deadline create(String conversationId, String title, LocalDate date, LocalTime time, String leads) {
        IncomingMessage origin = new IncomingMessage("1", new ConversationKey(TeamsActivity.TENANT, conversationId),
                Scope.CHANNEL, TeamsActivity.TEAM_ID, "19:channel", new Sender(ERIK, "29:erik", "Erik"), "", Language.SV,
                Instant.now());
        DeadlineChange change = bean(DeadlineService.class).create(new DeadlineDraft(title, date, time,
                Deadline.Target.CONVERSATION, LeadTime.parseList(leads), Recurrence.NONE), origin, null);
        if (!change.saved()) {
            throw new IllegalStateException("Not saved: " + change.kind() + " " + change.problem());
        }
        return change.deadline();
    }

    List<String> nudgeStatuses(long deadlineId) {
        return jdbc().sql("SELECT kind || ':' || status FROM deadline_nudge WHERE deadline_id = :d ORDER BY planned_at")
                .param("d", deadlineId).query(String.class).list();
    }

    @Override
    public void close() {
        context.close();
    }

    /** Waits (bounded) until the condition holds; fails the test when it does not. */
    public static void await(String what, long timeoutMillis, BooleanSupplier condition) {
        Awaitility.await(what).atMost(Duration.ofMillis(timeoutMillis)).pollInterval(Duration.ofMillis(50))
                .until(condition::getAsBoolean);
    }
}
