package se.vagvisaren.teams;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import lombok.RequiredArgsConstructor;

/**
 * An Adaptive Card as attachment content, written as the card's JSON. Holding it in a final field keeps
 * the SDK's request validator from walking the whole card tree by reflection before every send (it
 * skips final fields), which cost about 30 KB of garbage per card reply and breaks on Java 17 when it
 * reaches JDK collection internals.
 */
@RequiredArgsConstructor
final class CardContent {

    @JsonValue
    private final JsonNode card;

    JsonNode card() {
        return card;
    }
}
