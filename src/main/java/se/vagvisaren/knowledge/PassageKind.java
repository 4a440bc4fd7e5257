package se.vagvisaren.knowledge;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What sort of answer a passage is ({@code kind:} in its front matter). The search uses it to give the
 * question the passage of the right shape: an overview question gets the {@link #STEPS_OVERVIEW}, "steg 3"
 * gets the {@link #STEP} passage of step 3, "vad är X" prefers a {@link #CONCEPT}, "vilka …" a {@link #LIST}.
 */
public enum PassageKind {
    STEPS_OVERVIEW("steps-overview"),
    STEP("step"),
    SECTION("section"),
    CONCEPT("concept"),
    LIST("list"),
    SUPPORT("support"),
    PROGRAMME("programme"),
    NATIONAL("national"),
    BOT("bot"),
    PRACTICE("practice");

    private final String code;

    PassageKind(String code) {
        this.code = code;
    }

    /** The value written in front matter, e.g. {@code steps-overview}. */
    public String code() {
        return code;
    }

    /** The kind written as {@code code} (case-insensitive), or empty when there is no such kind. */
    static Optional<PassageKind> fromCode(String code) {
        String wanted = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.code.equals(wanted)).findFirst();
    }

    /** All codes, comma-separated, for error messages. */
    static String codes() {
        return Arrays.stream(values()).map(PassageKind::code).collect(Collectors.joining(", "));
    }
}
