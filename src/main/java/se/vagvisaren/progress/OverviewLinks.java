package se.vagvisaren.progress;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import se.vagvisaren.system.Secret;
import se.vagvisaren.system.SecretKeys;
import se.vagvisaren.system.Signer;

/**
 * Signed, expiring links to the read-only {@code /overview} page, handed to county-board members in
 * chat. A token is {@code v1.<expiry epoch seconds>.<holder>.<signature>}: the holder is a keyed
 * hash of the member's id (so the token names no one), the signature HMAC-SHA256 under
 * {@link Secret#LINK} over the rest ({@link SecretKeys} decides where that secret comes from; links survive
 * restarts and work on every instance). A token stops working when it expires, when the secret changes, or
 * when its holder is no longer in the county-board configuration.
 */
@Component
class OverviewLinks {

    static final String PATH = "/overview";
    /** The same page as a Teams tab (channel or personal); the same token opens it. */
    static final String TAB_PATH = "/overview/tab";
    /** Configuration page of the channel tab and start page of the personal tab. */
    static final String CONFIG_PATH = "/overview/config";
    private static final String VERSION = "v1";
    private static final int MAX_TOKEN_LENGTH = 256;

    private final Signer signer;
    private final ProgressProperties properties;
    private final Clock clock;

    OverviewLinks(ProgressProperties properties, Clock clock, SecretKeys secrets) {
        this.signer = secrets.signer(Secret.LINK);
        this.properties = properties;
        this.clock = clock;
    }

    /** A new token for {@code holderId}, valid for the configured time from now. */
    String token(String holderId) {
        long expires = clock.instant().plus(properties.linkValidity()).getEpochSecond();
        String unsigned = VERSION + "." + expires + "." + holder(holderId);
        return unsigned + "." + base64(signer.sign(unsigned));
    }

    /** The full link for {@code holderId}, or empty when no public base URL is configured. */
    Optional<Link> link(String holderId) {
        URI base = properties.publicBaseUrl();
        if (base == null || base.toString().isBlank()) {
            return Optional.empty();
        }
        String token = token(holderId);
        URI uri = UriComponentsBuilder.fromUri(base).path(PATH).queryParam("token", token).build().toUri();
        return Optional.of(new Link(uri, Instant.ofEpochSecond(expiresOf(token))));
    }

    /**
     * Checks a token's form, signature and expiry.
     *
     * @return the holder hash, or empty when the token is malformed, forged or expired
     */
    Optional<String> verify(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 4 || !VERSION.equals(parts[0])) {
            return Optional.empty();
        }
        String unsigned = parts[0] + "." + parts[1] + "." + parts[2];
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(parts[3]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!signer.verify(unsigned, given)) {
            return Optional.empty();
        }
        long expires;
        try {
            expires = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (clock.instant().getEpochSecond() >= expires) {
            return Optional.empty();
        }
        return Optional.of(parts[2]);
    }

    /** The keyed hash a token carries for a member id. */
    String holder(String holderId) {
        return HexFormat.of().formatHex(signer.sign("overview-holder:" + holderId)).substring(0, 24);
    }

    private static long expiresOf(String token) {
        return Long.parseLong(token.split("\\.")[1]);
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * A link handed out in chat.
     *
     * @param uri     the absolute link, token included
     * @param expires when it stops working (UTC)
     */
    record Link(URI uri, Instant expires) {
    }
}
