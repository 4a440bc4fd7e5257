package se.vagvisaren.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.function.UnaryOperator;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import se.vagvisaren.testing.ConnectorStub;

/**
 * Plays the Bot Framework's token service for tests: WireMock serves an OpenID configuration and a JWKS
 * with our own RSA key (endorsed for {@code msteams}), and {@link #token} signs Bot Connector-style
 * tokens with it. One per JVM, like the SDK's metadata setting it feeds.
 */
final class TestJwks {

    static final String APP_ID = "7f3b9c1d-2e4a-4b6c-8d0e-1f2a3b4c5d6e";
    static final String APP_TENANT = "4c8a2b9e-5d1f-4e7a-9c3b-2f6d8e1a0b7c";
    static final String KEY_ID = "vagvisaren-test-key";
    static final String ISSUER = "https://api.botframework.com";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestJwks instance;

    private final WireMockServer server;
    private final KeyPair trusted = rsaKeys();
    private final KeyPair stranger = rsaKeys();

    private TestJwks() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        ObjectNode config = JSON.createObjectNode();
        config.put("issuer", ISSUER);
        config.put("jwks_uri", base() + "/v1/.well-known/keys");
        config.putArray("id_token_signing_alg_values_supported").add("RS256");
        server.stubFor(get(urlPathEqualTo("/v1/.well-known/openidconfiguration"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(config.toString())));
        server.stubFor(get(urlPathEqualTo("/v1/.well-known/keys"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(jwks().toString())));
    }

    static synchronized TestJwks instance() {
        if (instance == null) {
            instance = new TestJwks();
        }
        return instance;
    }

    String metadataUrl() {
        return base() + "/v1/.well-known/openidconfiguration";
    }

    WireMockServer server() {
        return server;
    }

    /** A valid Bot Connector token for the test app and the stub connector, changed by {@code change}. */
    String token(UnaryOperator<JWTCreator.Builder> change) {
        return change.apply(validClaims()).sign(signedByTrustedKey());
    }

    /** "Bearer " + a valid token changed by {@code change}. */
    String bearer(UnaryOperator<JWTCreator.Builder> change) {
        return "Bearer " + token(change);
    }

    static JWTCreator.Builder validClaims() {
        Instant now = Instant.now();
        return JWT.create()
                .withKeyId(KEY_ID)
                .withIssuer(ISSUER)
                .withAudience(APP_ID)
                .withNotBefore(Date.from(now.minus(Duration.ofMinutes(1))))
                .withExpiresAt(Date.from(now.plus(Duration.ofMinutes(30))))
                .withClaim("serviceurl", ConnectorStub.get().url());
    }

    Algorithm signedByTrustedKey() {
        return Algorithm.RSA256((RSAPublicKey) trusted.getPublic(), (RSAPrivateKey) trusted.getPrivate());
    }

    /** A key pair the JWKS does not know. */
    Algorithm signedByStranger() {
        return Algorithm.RSA256((RSAPublicKey) stranger.getPublic(), (RSAPrivateKey) stranger.getPrivate());
    }

    private ObjectNode jwks() {
        RSAPublicKey key = (RSAPublicKey) trusted.getPublic();
        ObjectNode jwks = JSON.createObjectNode();
        ObjectNode jwk = jwks.putArray("keys").addObject();
        jwk.put("kty", "RSA");
        jwk.put("use", "sig");
        jwk.put("kid", KEY_ID);
        jwk.put("n", base64Url(key.getModulus()));
        jwk.put("e", base64Url(key.getPublicExponent()));
        jwk.putArray("endorsements").add("msteams");
        return jwks;
    }

    private String base() {
        return "http://127.0.0.1:" + server.port();
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length); // unsigned big-endian, as JWK wants
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Points the bot at this token service. */
    static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of("vagvisaren.teams.open-id-metadata-url=" + instance().metadataUrl()).applyTo(context);
        }
    }
}
