package se.vagvisaren.teams;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole bot as in production: a real (single-tenant) app id, JWT validation against {@link TestJwks},
 * a tenant allow-list, Emulator tokens refused, and low inbound rate limits (3 per user, 5 per
 * conversation, refilling one a minute). Classes with this annotation share one Spring context; the SDK's
 * OpenID metadata URL is process-wide, so no other context may set one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vagvisaren.teams.app-id=" + TestJwks.APP_ID,
        "vagvisaren.teams.app-password=test-secret",
        "vagvisaren.teams.app-type=SingleTenant",
        "vagvisaren.teams.app-tenant-id=" + TestJwks.APP_TENANT,
        "vagvisaren.teams.allowed-tenants=" + TestJwks.APP_TENANT,
        "vagvisaren.teams.allow-emulator-tokens=false",
        "VAGVISAREN_HASH_SECRET=test-hash-secret-0123456789abcdef",
        "VAGVISAREN_LINK_SECRET=test-link-secret-0123456789abcdef",
        "vagvisaren.teams.inbound.rate-limits=true",
        "vagvisaren.teams.inbound.user-burst=3",
        "vagvisaren.teams.inbound.user-per-minute=1",
        "vagvisaren.teams.inbound.conversation-burst=5",
        "vagvisaren.teams.inbound.conversation-per-minute=1",
        "vagvisaren.teams.inbound.notice-interval=1h"})
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestJwks.Initializer.class)
@Import(OfflineTokenAdapterConfig.class)
@interface AuthenticatedBotTest {
}
