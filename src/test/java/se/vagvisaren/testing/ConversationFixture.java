package se.vagvisaren.testing;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The fixture most conversation tests share: a {@link ConversationHarness} on the test server's random port,
 * with the connector stub emptied before each test so replies of earlier tests never count. Extend it from a
 * class annotated {@link BotTest} (or another web {@code @SpringBootTest}).
 */
public abstract class ConversationFixture {

    @LocalServerPort
    protected int port;

    protected ConversationHarness harness;

    @BeforeEach
    void startHarness() {
        harness = new ConversationHarness(port);
        harness.connector().reset();
    }
}
