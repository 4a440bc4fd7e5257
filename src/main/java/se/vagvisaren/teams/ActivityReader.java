package se.vagvisaren.teams;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.Set;
import lombok.RequiredArgsConstructor;

/**
 * Reads an {@link Activity} from a request body with the limits a public endpoint needs: a byte cap,
 * a JSON nesting cap, and the fields the SDK assumes are present. Every problem becomes an
 * {@link InvalidActivityException} with a short English reason that is safe to return to the caller.
 */
@RequiredArgsConstructor
class ActivityReader {

    /** Deep enough for any real activity (Adaptive Cards nest ~10 levels), shallow enough to stop abuse. */
    static final int MAX_NESTING_DEPTH = 64;

    private static final Set<String> NEEDS_CONVERSATION = Set.of(
            ActivityTypes.MESSAGE, ActivityTypes.INVOKE, ActivityTypes.CONVERSATION_UPDATE,
            ActivityTypes.INSTALLATION_UPDATE, ActivityTypes.MESSAGE_REACTION, ActivityTypes.EVENT,
            ActivityTypes.MESSAGE_UPDATE, ActivityTypes.MESSAGE_DELETE);

    /** The same leniency as the SDK's own mapper (unknown fields ignored, case-insensitive names). */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES, true)
            .findAndAddModules()
            .addModule(new SimpleModule("teams-timestamps").addDeserializer(OffsetDateTime.class, new TimestampDeserializer()))
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH).build());
    }

    private final int maxBytes;

    Activity read(InputStream body) throws IOException {
        return read(body, -1);
    }

    /**
     * @param declaredLength the request's Content-Length, or -1 when unknown; only sizes the buffer, the limit is
     *                       checked on the bytes actually read
     */
    Activity read(InputStream body, long declaredLength) throws IOException {
        byte[] bytes = declaredLength >= 0 && declaredLength <= maxBytes
                ? readDeclared(body, (int) declaredLength)
                : body.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw new InvalidActivityException(413, "Request body larger than " + maxBytes + " bytes");
        }
        if (bytes.length == 0) {
            throw new InvalidActivityException(400, "Empty request body");
        }
        if (!startsAsObject(bytes)) {
            throw new InvalidActivityException(400, "Body must be a JSON object");
        }
        Activity activity;
        try {
            // One pass straight into the SDK type: parsing to a tree first cost a second pass per message.
            activity = MAPPER.readValue(bytes, Activity.class);
        } catch (StreamConstraintsException e) {
            throw new InvalidActivityException(400, "JSON nested too deeply or too large");
        } catch (StreamReadException e) {
            throw new InvalidActivityException(400, "Malformed JSON");
        } catch (IOException | IllegalArgumentException e) {
            if (e.getCause() instanceof StreamConstraintsException) { // (databind wraps the parser's limit)
                throw new InvalidActivityException(400, "JSON nested too deeply or too large");
            }
            throw new InvalidActivityException(400, "Not a Bot Framework activity");
        }
        if (activity == null) {
            throw new InvalidActivityException(400, "Body must be a JSON object");
        }
        validate(activity);
        return activity;
    }

    /**
     * Reads a body whose length the client declared into an array of that size: {@code readNBytes(maxBytes + 1)}
     * reads through a 16 KB buffer and copies, about 20 KB of garbage per message (JFR, docs/performance.md).
     * A body that turns out longer than declared is read on up to the limit, so the size check is the same.
     */
    private byte[] readDeclared(InputStream body, int declaredLength) throws IOException {
        byte[] bytes = new byte[declaredLength];
        int n = body.readNBytes(bytes, 0, declaredLength);
        if (n < declaredLength) {
            return java.util.Arrays.copyOf(bytes, n);
        }
        int next = body.read();
        if (next < 0) {
            return bytes;
        }
        byte[] rest = body.readNBytes(maxBytes - declaredLength);
        byte[] all = java.util.Arrays.copyOf(bytes, declaredLength + 1 + rest.length);
        all[declaredLength] = (byte) next;
        System.arraycopy(rest, 0, all, declaredLength + 1, rest.length);
        return all;
    }

    private static void validate(Activity activity) {
        if (isBlank(activity.getType())) {
            throw new InvalidActivityException(400, "Activity has no type");
        }
        if (NEEDS_CONVERSATION.contains(activity.getType())) {
            if (activity.getConversation() == null || isBlank(activity.getConversation().getId())) {
                throw new InvalidActivityException(400, "Activity has no conversation id");
            }
            if (isBlank(activity.getServiceUrl())) {
                throw new InvalidActivityException(400, "Activity has no serviceUrl");
            }
            if (!activity.getServiceUrl().startsWith("https://") && !activity.getServiceUrl().startsWith("http://")) {
                throw new InvalidActivityException(400, "Activity serviceUrl is not an http(s) URL");
            }
            if (activity.getFrom() == null || isBlank(activity.getFrom().getId())) {
                throw new InvalidActivityException(400, "Activity has no sender");
            }
        }
        ActivityShape.check(activity);
    }

    /** Whether the first non-blank byte opens an object (arrays, strings, numbers and null are refused). */
    private static boolean startsAsObject(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '{') {
                return true;
            }
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return false; // (the three bytes of a UTF-8 byte-order mark are skipped too)
            }
        }
        return false;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** The request cannot be processed; {@code status} is the HTTP status to answer with. */
    static final class InvalidActivityException extends RuntimeException {
        final int status;

        InvalidActivityException(int status, String reason) {
            super(reason, null, false, false);
            this.status = status;
        }
    }
}
