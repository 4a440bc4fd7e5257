package se.vagvisaren.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import se.vagvisaren.testing.TestDatabases;

/**
 * Two replicas on one PostgreSQL send proactive messages to the same conversation through a WireMock Bot
 * Connector. Each replica is the production pacing and delivery-ledger code on its own connection pool;
 * the "queue" is a list of message ids that both replicas work through, each message claimed in the
 * delivery ledger before it is sent (as the scheduled sends claim theirs). The connector's arrival times
 * must keep every Teams window and every message must arrive exactly once, also when one replica dies
 * in the middle of the run.
 */
class ReplicasShareTeamsLimitsTest {

    private static final String CONVERSATION = "19:replicas@thread.tacv2";

    private final Connector connector = new Connector();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        Collections.reverse(resources);
        for (AutoCloseable resource : resources) {
            resource.close();
        }
        connector.close();
    }

    @Test
    void twoReplicas_sameConversation_keepEveryWindowAndSendEachMessageOnce_evenWhenOneDies() throws Exception {
        String url = migrated(TestDatabases.postgresUrl());
        List<String> queued = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            queued.add("m" + i);
        }
        AtomicBoolean killA = new AtomicBoolean();
        Replica a = new Replica("a", url, killA);
        Replica b = new Replica("b", url, new AtomicBoolean());

        List<Thread> workers = new ArrayList<>();
        for (Replica replica : List.of(a, b)) {
            workers.add(started(replica.name, () -> replica.work(queued)));
        }
        awaitUntil(() -> a.sent.get() >= 3, Duration.ofSeconds(20));
        killA.set(true); // A dies at its next wait for a send slot, holding a claimed message
        awaitUntil(() -> a.dead.get(), Duration.ofSeconds(20));
        for (Thread worker : workers) {
            worker.join(60_000);
            assertThat(worker.isAlive()).as("%s finished", worker.getName()).isFalse();
        }

        assertThat(a.sent.get()).as("replica A sent before it died").isGreaterThanOrEqualTo(3);
        assertThat(b.sent.get()).as("replica B sent too").isPositive();
        assertThat(b.tookOver.get()).as("B took over the message A had claimed when it died").isPositive();
        assertThat(connector.arrivalsPerMessage()).as("every queued message arrived exactly once")
                .containsOnlyKeys(queued).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
        List<Long> arrivals = connector.arrivalNanos();
        assertWithinLimit(arrivals, 7, Duration.ofSeconds(1));
        assertWithinLimit(arrivals, 8, Duration.ofSeconds(2));
        assertWithinLimit(arrivals, 60, Duration.ofSeconds(30));
        assertWithinLimit(arrivals, 1800, Duration.ofHours(1));
    }

    /** The control: the same two senders paced per instance exceed Teams' 7-per-second limit together. */
    @Test
    void twoReplicas_pacedPerInstance_wouldExceedTheOneSecondWindow() throws Exception {
        List<Thread> senders = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            LocalOutboundPacing pacing = new LocalOutboundPacing(new ConversationPacer(ConversationPacer.TEAMS_LIMITS,
                    System::nanoTime, ConversationPacer.Sleeper.REAL));
            String replica = "r" + r;
            senders.add(started(replica, () -> {
                for (int i = 0; i < 6; i++) {
                    String id = replica + "-" + i;
                    try {
                        pacing.paced(CONVERSATION, () -> send(id));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }));
        }
        for (Thread sender : senders) {
            sender.join(20_000);
        }

        List<Long> arrivals = connector.arrivalNanos();
        assertThat(arrivals).hasSize(12);
        assertThat(arrivals.get(7) - arrivals.get(0)).as("8 arrivals within one second").isLessThan(Duration.ofSeconds(1).toNanos());
    }

    @Test
    void replicaLosesDatabase_sendsNothingUntilItIsBack() throws Exception {
        String url = migrated(TestDatabases.postgresUrl());
        int port = Integer.parseInt(url.replaceAll(".*://[^:/]+:(\\d+)/.*", "$1"));
        PausableTcpProxy proxy = new PausableTcpProxy(port);
        resources.add(proxy);
        HikariDataSource ds = dataSource(url.replace(":" + port + "/", ":" + proxy.port() + "/"));
        SharedConversationPacer pacing = new SharedConversationPacer(JdbcClient.create(ds),
                new DataSourceTransactionManager(ds), ConversationPacer.TEAMS_LIMITS, ConversationPacer.Sleeper.REAL,
                Duration.ofSeconds(2));
        pacing.paced(CONVERSATION, () -> send("before"));

        proxy.cut();
        AtomicInteger attempted = new AtomicInteger();
        assertThatThrownBy(() -> pacing.paced(CONVERSATION, () -> {
            attempted.incrementAndGet();
            return send("while-cut");
        })).isInstanceOf(DataAccessException.class);
        assertThat(attempted).as("no send without the shared windows").hasValue(0);

        proxy.restore();
        awaitUntil(() -> {
            try {
                pacing.paced(CONVERSATION, () -> send("after"));
                return true;
            } catch (DataAccessException e) {
                return false; // the pool is still reconnecting
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, Duration.ofSeconds(20));
        assertThat(connector.arrivalsPerMessage()).containsOnlyKeys("before", "after");
    }

    @Test
    void sendThatFails_releasesTheConversation_andOtherReplicaWaitsOutALongSend() throws Exception {
        String url = migrated(TestDatabases.postgresUrl());
        SharedConversationPacer a = pacer(dataSource(url), Duration.ofMillis(200));
        SharedConversationPacer b = pacer(dataSource(url), Duration.ofMillis(200));
        assertThatThrownBy(() -> a.paced(CONVERSATION, () -> {
            throw new IllegalStateException("connector exploded");
        })).isInstanceOf(IllegalStateException.class);

        CountDownLatch aSending = new CountDownLatch(1);
        Thread slow = started("a-slow", () -> {
            try {
                a.paced(CONVERSATION, () -> {
                    aSending.countDown();
                    long until = System.nanoTime() + Duration.ofMillis(800).toNanos();
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait(); // a send that outlasts b's lock timeout several times
                    }
                    return send("a-slow");
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        aSending.await();
        b.paced(CONVERSATION, () -> send("b-after"));
        slow.join(10_000);

        assertThat(connector.arrivalsPerMessage()).containsOnlyKeys("a-slow", "b-after");
        List<Long> arrivals = connector.arrivalNanos();
        assertThat(connector.arrivalOf("b-after")).as("b sent only after a's send was answered")
                .isGreaterThan(connector.arrivalOf("a-slow"));
        assertThat(arrivals).hasSize(2);
    }

    private SharedConversationPacer pacer(HikariDataSource ds, Duration lockTimeout) {
        return new SharedConversationPacer(JdbcClient.create(ds), new DataSourceTransactionManager(ds),
                ConversationPacer.TEAMS_LIMITS, ConversationPacer.Sleeper.REAL, lockTimeout);
    }

    /** One replica: its own pool, the production pacing and delivery ledger, and a worker thread. */
    private final class Replica {
        final String name;
        final HikariDataSource ds;
        final SharedConversationPacer pacing;
        final DeliveryLedger ledger;
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger tookOver = new AtomicInteger();
        final AtomicBoolean dead = new AtomicBoolean();

        Replica(String name, String url, AtomicBoolean kill) {
            this.name = name;
            this.ds = dataSource(url);
            JdbcClient jdbc = JdbcClient.create(ds);
            ConversationPacer.Sleeper sleeper = nanos -> {
                if (kill.get()) {
                    die();
                    throw new InterruptedException("replica " + name + " killed");
                }
                ConversationPacer.Sleeper.REAL.sleep(nanos);
            };
            this.pacing = new SharedConversationPacer(jdbc, new DataSourceTransactionManager(ds),
                    ConversationPacer.TEAMS_LIMITS, sleeper, Duration.ofSeconds(2));
            // A claim not finished within 5 s is taken over: the survivor picks up the dead replica's message.
            // Longer than a claimed message can wait for its slot here (one send of the other replica and one
            // window), else a live replica's message would be taken over and sent twice.
            this.ledger = new DeliveryLedger(jdbc, Clock.systemUTC(), Duration.ofSeconds(5));
        }

        void die() {
            dead.set(true);
            ds.close();
        }

        /** Works through the queue until every message is done, skipping those another replica is sending. */
        void work(List<String> queued) {
            while (!dead.get()) {
                int open = 0;
                for (String id : queued) {
                    if (dead.get()) {
                        return;
                    }
                    try {
                        DeliveryLedger.Claim claim = ledger.claim("outbound|" + CONVERSATION + "|" + id);
                        switch (claim) {
                            case ALREADY_DONE -> { }
                            case RUNNING_ELSEWHERE -> open++;
                            case FIRST, TAKEN_OVER -> {
                                if (claim == DeliveryLedger.Claim.TAKEN_OVER) {
                                    tookOver.incrementAndGet();
                                }
                                pacing.paced(CONVERSATION, () -> send(id));
                                sent.incrementAndGet();
                                ledger.done("outbound|" + CONVERSATION + "|" + id);
                            }
                        }
                    } catch (InterruptedException | DataAccessException e) {
                        return; // this replica is dead
                    }
                }
                if (open == 0) {
                    return;
                }
                Thread.onSpinWait();
            }
        }
    }

    private HikariDataSource dataSource(String url) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(url);
        ds.setUsername("postgres");
        ds.setPassword("postgres");
        ds.setMaximumPoolSize(4);
        ds.setConnectionTimeout(1_000);
        resources.add(ds);
        return ds;
    }

    private String migrated(String url) {
        HikariDataSource ds = dataSource(url);
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return url;
    }

    private static Thread started(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.start();
        return thread;
    }

    private int send(String messageId) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(connector.url() + "v3/conversations/" + CONVERSATION
                        + "/activities/" + messageId))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"message\",\"text\":\"" + messageId + "\"}"))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException("connector unreachable", e);
        }
    }

    private static void assertWithinLimit(List<Long> arrivals, int limit, Duration window) {
        for (int i = limit; i < arrivals.size(); i++) {
            assertThat(arrivals.get(i) - arrivals.get(i - limit))
                    .as("arrivals %d and %d are at least %s apart (at most %d per window)", i - limit, i, window, limit)
                    .isGreaterThanOrEqualTo(window.toNanos());
        }
    }

    private static void awaitUntil(Supplier<Boolean> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.get()) {
            assertThat(System.nanoTime()).as("condition met within %s", timeout).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** A Bot Connector that notes when each activity arrived (before any processing) and answers 201. */
    private static final class Connector implements ServeEventListener, AutoCloseable {
        private final List<Long> arrivals = new CopyOnWriteArrayList<>();
        private final Map<String, AtomicInteger> perMessage = new ConcurrentHashMap<>();
        private final Map<String, Long> arrivalOf = new ConcurrentHashMap<>();
        private final WireMockServer server;

        Connector() {
            server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
                    .disableRequestJournal().stubRequestLoggingDisabled(true).extensionScanningEnabled(false)
                    .extensions(this));
            server.start();
            server.stubFor(post(urlPathMatching("/v3/conversations/.+/activities/.+"))
                    .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                            .withBody("{\"id\":\"1\"}")));
        }

        String url() {
            return "http://127.0.0.1:" + server.port() + "/";
        }

        @Override
        public void beforeMatch(ServeEvent event, Parameters parameters) {
            long now = System.nanoTime();
            arrivals.add(now);
            String path = event.getRequest().getUrl();
            String id = path.substring(path.lastIndexOf('/') + 1);
            perMessage.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            arrivalOf.putIfAbsent(id, now);
        }

        long arrivalOf(String id) {
            return arrivalOf.get(id);
        }

        List<Long> arrivalNanos() {
            return arrivals.stream().sorted().toList();
        }

        Map<String, Integer> arrivalsPerMessage() {
            Map<String, Integer> counts = new ConcurrentHashMap<>();
            perMessage.forEach((id, count) -> counts.put(id, count.get()));
            return counts;
        }

        @Override
        public String getName() {
            return "arrival-times";
        }

        @Override
        public void close() {
            server.stop();
        }
    }
}
