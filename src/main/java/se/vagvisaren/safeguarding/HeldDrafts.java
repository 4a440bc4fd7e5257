package se.vagvisaren.safeguarding;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.IncomingMessage;

/**
 * Progress updates and reflection answers that the personal-data guard held back, kept until their writer
 * either sends an edited text or confirms with the warning card's button that it holds no personal data.
 *
 * <p>Drafts live in this process's memory only, never in the database: text that may hold personal data
 * must not become a stored record (and possibly an <em>allmän handling</em>) before its writer has looked at
 * it again. A draft is forgotten after {@code vagvisaren.privacy.held-draft} (default 30 minutes), on
 * restart, and on another replica; the writer is then asked to send it again. Each draft is confirmed at
 * most once and only by its writer (same tenant and user id); a confirmed draft's text is dropped at once,
 * and only a marker stays so that a second press can be told apart from an unknown one.
 *
 * <p>Thread-safe. Never logs a draft's content.
 */
@Component
public class HeldDrafts {

    private static final Logger log = LoggerFactory.getLogger(HeldDrafts.class);
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** Enough for every writer of a large municipality at once; the oldest go first beyond it. */
    private static final int MAX_DRAFTS = 10_000;

    /** What came of pressing "confirm". */
    public enum Status {
        /** The writer confirmed; {@link Confirmation#draft()} is theirs to store now. */
        CONFIRMED,
        /** This draft was confirmed before: nothing more to store. */
        ALREADY_CONFIRMED,
        /** Someone other than the writer pressed the button. */
        NOT_YOURS,
        /** Expired, withdrawn, forgotten on restart, from another feature, or never issued. */
        UNKNOWN
    }

    /**
     * @param status how the press ended
     * @param draft  the held draft for {@link Status#CONFIRMED}, otherwise {@code null}
     */
    public record Confirmation<T>(Status status, T draft) {
    }

    private record Writer(String tenantId, String userId) {
        static Writer of(IncomingMessage message) {
            return new Writer(message.conversation().tenantId(), message.sender().id());
        }
    }

    private record Entry(String feature, Writer writer, Object draft) {
        boolean confirmed() {
            return draft == null;
        }
    }

    private final Cache<String, Entry> drafts;
    private final Duration keptFor;

    HeldDrafts(PrivacyProperties properties, Clock clock) {
        this.keptFor = properties.heldDraft();
        this.drafts = Caffeine.newBuilder()
                .expireAfterWrite(properties.heldDraft())
                .maximumSize(MAX_DRAFTS)
                // the application clock, so tests (and simulated time) see drafts expire
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    /** How long a draft waits for its writer, for the warning text. */
    public Duration keptFor() {
        return keptFor;
    }

    /**
     * Holds a draft for its writer.
     *
     * @param feature the feature that will store it ({@code progress}); a token only works for its feature
     * @param writer  the message that brought the draft (its sender is the only one who may confirm)
     * @param draft   what to store on confirmation; kept as it is, in memory
     * @return a random token for the warning card's button
     */
    public String hold(String feature, IncomingMessage writer, Object draft) {
        String token = UUID.randomUUID().toString();
        drafts.put(token, new Entry(feature, Writer.of(writer), Objects.requireNonNull(draft)));
        log.info("Held a {} draft for confirmation", feature);
        return token;
    }

    /**
     * Confirms a held draft: hands it out once, to its writer, and forgets its content.
     *
     * @param token   the token from the card; card data is client-controlled, anything malformed is unknown
     * @param presser the message of the button press
     * @param type    the draft's class
     */
    public <T> Confirmation<T> confirm(String feature, String token, IncomingMessage presser, Class<T> type) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return new Confirmation<>(Status.UNKNOWN, null);
        }
        Writer who = Writer.of(presser);
        Object[] outcome = {Status.UNKNOWN, null};
        drafts.asMap().computeIfPresent(token, (key, entry) -> {
            if (!entry.feature().equals(feature) || (!entry.confirmed() && !type.isInstance(entry.draft()))) {
                return entry;
            }
            if (!entry.writer().equals(who)) {
                outcome[0] = Status.NOT_YOURS;
                return entry;
            }
            if (entry.confirmed()) {
                outcome[0] = Status.ALREADY_CONFIRMED;
                return entry;
            }
            outcome[0] = Status.CONFIRMED;
            outcome[1] = entry.draft();
            return new Entry(entry.feature(), entry.writer(), null);
        });
        Status status = (Status) outcome[0];
        log.info("Held {} draft confirmation: {}", feature, status);
        return new Confirmation<>(status, status == Status.CONFIRMED ? type.cast(outcome[1]) : null);
    }

    /**
     * Forgets the writer's unconfirmed drafts of one feature, once they have sent a text that passed the
     * guard: the edited text replaces them, so an old warning card can no longer store the first version.
     */
    public void withdraw(String feature, IncomingMessage writer) {
        Writer who = Writer.of(writer);
        drafts.asMap().values().removeIf(e -> e.feature().equals(feature) && e.writer().equals(who) && !e.confirmed());
    }
}
