package se.vagvisaren.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import se.vagvisaren.testing.ConnectorStub;
import se.vagvisaren.testing.ConversationFixture;
import se.vagvisaren.testing.ConversationHarness;
import se.vagvisaren.testing.TeamsActivity;

/**
 * {@code /api/messages} with a real app id: Bot Connector JWTs signed by {@link TestJwks}. Each refusal is
 * checked for its reason in the log, so a token refused for an unrelated reason cannot pass the test.
 */
@AuthenticatedBotTest
@ExtendWith(OutputCaptureExtension.class)
class RequestAuthenticationTest extends ConversationFixture {

    private static final AtomicInteger USERS = new AtomicInteger();
    private static final String OTHER_TENANT = "9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d";

    TestJwks jwks = TestJwks.instance();

    /** A 1:1 "hej" from a user no other test uses, so rate limits never interfere. */
    private static TeamsActivity freshUserSaysHello() {
        int n = USERS.incrementAndGet();
        return TeamsActivity.personal("hej").conversationId("a:1AuthTest" + n)
                .from("29:1AuthUser" + n, UUID.randomUUID().toString(), "Testperson " + n);
    }

    private ConversationHarness.Exchange send(TeamsActivity activity, String authorization) {
        return harness.post(activity.toString(), authorization);
    }

    private void assertRefused(ConversationHarness.Exchange exchange, TeamsActivity activity, CapturedOutput log,
                               String reason) {
        assertThat(exchange.status()).isEqualTo(401);
        assertThat(exchange.json().path("error").asText()).as("no detail for the caller").isEqualTo("Unauthorized");
        assertThat(log.getOut()).contains("Rejected activity " + activity.id() + ": ").contains(reason);
        assertThat(harness.connector().allActivities()).as("nothing sent").isEmpty();
    }

    @Test
    void validToken_isAcceptedAndTheBotRepliesWithItsOwnToken() {
        TeamsActivity hello = freshUserSaysHello();

        var exchange = send(hello, jwks.bearer(t -> t));

        assertThat(exchange.status()).isEqualTo(200);
        assertThat(harness.textsIn(hello.conversationId())).singleElement()
                .satisfies(text -> assertThat(text).contains("Vägvisaren"));
        assertThat(harness.connector().sentActivities().get(0).getHeader("Authorization"))
                .isEqualTo("Bearer " + OfflineTokenAdapterConfig.OUTBOUND_TOKEN);
    }

    @Test
    void signatureOfAnotherKey_isRefused(CapturedOutput log) {
        TeamsActivity hello = freshUserSaysHello();
        String forged = TestJwks.validClaims().sign(jwks.signedByStranger());

        assertRefused(send(hello, "Bearer " + forged), hello, log, "SignatureVerificationException");
    }

    @Test
    void tamperedPayload_isRefused(CapturedOutput log) {
        TeamsActivity hello = freshUserSaysHello();
        String[] parts = jwks.token(t -> t).split("\\.");
        String otherPayload = jwks.token(t -> t.withAudience("11111111-2222-4333-8444-555555555555")).split("\\.")[1];

        assertRefused(send(hello, "Bearer " + parts[0] + "." + otherPayload + "." + parts[2]), hello, log,
                "SignatureVerificationException");
    }

    @Test
    void wrongIssuer_isRefused(CapturedOutput log) {
        TeamsActivity hello = freshUserSaysHello();

        assertRefused(send(hello, jwks.bearer(t -> t.withIssuer("https://api.botframework.com.evil.example"))),
                hello, log, "Wrong issuer");
    }

    @Test
    void audienceOfAnotherBot_isRefused(CapturedOutput log) {
        TeamsActivity hello = freshUserSaysHello();

        assertRefused(send(hello, jwks.bearer(t -> t.withAudience("11111111-2222-4333-8444-555555555555"))),
                hello, log, "Invalid AppId passed on token");
    }

    @Test
    void expiredToken_isRefused(CapturedOutput log) {
        TeamsActivity hello = freshUserSaysHello();
        Instant now = Instant.now();

        assertRefused(send(hello, jwks.bearer(t -> t.withNotBefore(Date.from(now.minus(Duration.ofHours(2))))
                .withExpiresAt(Date.from(now.minus(Duration.ofMinutes(10)))))), hello, log, "TokenExpiredException");
    }

    @Test
    void expiredWithinTheFiveMinuteClockSkew_isAccepted() {
        TeamsActivity hello = freshUserSaysHello();

        var exchange = send(hello, jwks.bearer(t -> t.withExpiresAt(Date.from(Instant.now().minus(Duration.ofMinutes(2))))));

        assertThat(exchange.status()).isEqualTo(200);
    }

    @Test
    void notYetValidToken_isRefused(CapturedOutput log) {
        TeamsActivity hello = freshUserSaysHello();

        assertRefused(send(hello, jwks.bearer(t -> t.withNotBefore(Date.from(Instant.now().plus(Duration.ofMinutes(10)))))),
                hello, log, "The Token can't be used before");
    }

    @Test
    void tokenWithoutExpiry_isRefused(CapturedOutput log) {
        TeamsActivity hello = freshUserSaysHello();
        String noExpiry = JWT.create().withKeyId(TestJwks.KEY_ID).withIssuer(TestJwks.ISSUER).withAudience(TestJwks.APP_ID)
                .withClaim("serviceurl", ConnectorStub.get().url()).sign(jwks.signedByTrustedKey());

        assertRefused(send(hello, "Bearer " + noExpiry), hello, log, "Token has no expiry");
    }

    @Test
    void tokenWithoutServiceUrlClaim_isRefused(CapturedOutput log) {
        TeamsActivity hello = freshUserSaysHello();
        Instant now = Instant.now();
        String noServiceUrl = JWT.create().withKeyId(TestJwks.KEY_ID).withIssuer(TestJwks.ISSUER).withAudience(TestJwks.APP_ID)
                .withNotBefore(Date.from(now.minusSeconds(60))).withExpiresAt(Date.from(now.plusSeconds(1800)))
                .sign(jwks.signedByTrustedKey());

        assertRefused(send(hello, "Bearer " + noServiceUrl), hello, log, "'serviceurl' claim is required");
    }

    @Test
    void serviceUrlClaimForAnotherEndpoint_isRefused(CapturedOutput log) {
        TeamsActivity hello = freshUserSaysHello();

        assertRefused(send(hello, jwks.bearer(t -> t.withClaim("serviceurl", "https://smba.trafficmanager.net/emea/"))),
                hello, log, "'serviceurl' claim does not match service url");
    }

    @Test
    void activityWithoutServiceUrl_stillNeedsTheClaimToMatch(CapturedOutput log) {
        // The SDK skips the serviceurl comparison when the activity names no serviceUrl.
        TeamsActivity typing = freshUserSaysHello().set("type", JsonNodeFactory.instance.textNode("typing"))
                .remove("serviceUrl");

        assertRefused(send(typing, jwks.bearer(t -> t)), typing, log, "serviceurl claim does not match the activity");
    }

    @Test
    void unknownKeyId_isRefused(CapturedOutput log) {
        TeamsActivity hello = freshUserSaysHello();

        assertRefused(send(hello, jwks.bearer(t -> t.withKeyId("some-other-key"))), hello, log, "Invalid Identity");
    }

    @Test
    void algNone_isRefused(CapturedOutput log) {
        TeamsActivity hello = freshUserSaysHello();
        String unsigned = TestJwks.validClaims().sign(Algorithm.none());

        assertRefused(send(hello, "Bearer " + unsigned), hello, log, "AlgorithmMismatchException");
    }

    @Test
    void hmacSignedWithThePublicKeyBytes_isRefused(CapturedOutput log) {
        // The classic RS256 → HS256 confusion: a verifier that trusts the header's alg would accept this.
        TeamsActivity hello = freshUserSaysHello();
        String confused = TestJwks.validClaims().sign(Algorithm.HMAC256(TestJwks.KEY_ID.getBytes()));

        assertRefused(send(hello, "Bearer " + confused), hello, log, "AlgorithmMismatchException");
    }

    @Test
    void keyNotEndorsedForTheActivitysChannel_isRefused(CapturedOutput log) {
        TeamsActivity fromWebChat = freshUserSaysHello().set("channelId", JsonNodeFactory.instance.textNode("webchat"));

        assertRefused(send(fromWebChat, jwks.bearer(t -> t)), fromWebChat, log, "Could not validate endorsement");
    }

    @Test
    void activityWithoutChannelId_isRefused(CapturedOutput log) {
        // Without a channel id the SDK skips the endorsement check.
        TeamsActivity noChannel = freshUserSaysHello().remove("channelId");

        assertRefused(send(noChannel, jwks.bearer(t -> t)), noChannel, log, "Activity names no channel");
    }

    @Test
    void emulatorToken_isRefusedWhenAnAppIdIsConfigured(CapturedOutput log) {
        TeamsActivity hello = freshUserSaysHello();
        String emulator = jwks.bearer(t -> t.withIssuer("https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/"));

        assertRefused(send(hello, emulator), hello, log, "Emulator tokens are not accepted");
    }

    @Test
    void skillToken_isRefused(CapturedOutput log) {
        TeamsActivity hello = freshUserSaysHello();
        String skill = jwks.bearer(t -> t.withClaim("ver", "1.0").withClaim("appid", "11111111-2222-4333-8444-555555555555"));

        assertRefused(send(hello, skill), hello, log, "Skill tokens are not accepted");
    }

    @Test
    void noAuthorizationHeader_isRefused(CapturedOutput log) {
        TeamsActivity hello = freshUserSaysHello();

        assertRefused(send(hello, null), hello, log, "Missing Authorization header");
    }

    @Test
    void malformedHeaders_are401NeverServerErrors(CapturedOutput log) {
        for (String header : new String[] {"Bearer abc", "Basic x", "Bearer", "Bearer a.b.c", "Bearer  x", "bearer",
                "Bearer eyJhbGciOiJSUzI1NiJ9.e30", "Bearer " + "A".repeat(6_000), "NTLM TlRMTVNTUAAB"}) {
            TeamsActivity hello = freshUserSaysHello();

            assertRefused(send(hello, header), hello, log, "");
        }
        // Non-ASCII bytes and headers over 8 KB are refused by Tomcat itself before our code runs.
        assertThat(send(freshUserSaysHello(), "Bearer é.ö.å").status()).isIn(400, 401);
        assertThat(send(freshUserSaysHello(), "Bearer " + "A".repeat(10_000)).status()).isEqualTo(400);
        assertThat(harness.connector().allActivities()).isEmpty();
    }

    @Test
    void tenantNotOnTheAllowList_is403AndNothingSent() {
        TeamsActivity stranger = freshUserSaysHello().tenant(OTHER_TENANT);

        var exchange = send(stranger, jwks.bearer(t -> t));

        assertThat(exchange.status()).isEqualTo(403);
        assertThat(harness.connector().allActivities()).isEmpty();
    }

    @Test
    void hangingMetadataEndpoint_failsWithinTheTimeoutInsteadOfBlocking(CapturedOutput log) {
        String slowUrl = "http://127.0.0.1:" + jwks.server().port() + "/slow/.well-known/openidconfiguration";
        jwks.server().stubFor(get(urlPathEqualTo("/slow/.well-known/openidconfiguration")).willReturn(aResponse()
                .withFixedDelay(8_000).withHeader("Content-Type", "application/json")
                .withBody("{\"jwks_uri\":\"http://127.0.0.1:" + jwks.server().port() + "/v1/.well-known/keys\"}")));
        String normal = ChannelValidation.getOpenIdMetaDataUrl();
        ChannelValidation.setOpenIdMetaDataUrl(slowUrl);
        try {
            TeamsActivity hello = freshUserSaysHello();

            // Without a read timeout the keys would arrive after 8 s and the request would be accepted.
            assertRefused(send(hello, jwks.bearer(t -> t)), hello, log, "Invalid Identity");
        } finally {
            ChannelValidation.setOpenIdMetaDataUrl(normal);
        }
    }
}
