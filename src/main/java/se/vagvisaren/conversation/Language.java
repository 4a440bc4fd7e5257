package se.vagvisaren.conversation;

import java.util.Locale;

/** Reply languages. Swedish is the default whenever nothing points to English. */
public enum Language {
    SV, EN;

    /** Two-letter code used in content file names and APIs ({@code sv}, {@code en}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code sv}, {@code en}, {@code sv-SE}, {@code en-US}…; anything else is Swedish. */
    public static Language fromCode(String code) {
        if (code != null && code.toLowerCase(Locale.ROOT).startsWith("en")) {
            return EN;
        }
        return SV;
    }
}
