package se.vagvisaren.progress;

import java.util.Locale;

/**
 * The three Teams themes the overview page is drawn in. Teams names them {@code default}, {@code dark}
 * and {@code contrast}; the page calls the first {@code light}. Anything else falls back to light, so a
 * bad {@code ?theme=} never breaks the page.
 */
enum OverviewTheme {
    LIGHT, DARK, CONTRAST;

    /** The value of the page's {@code data-theme} attribute. */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The theme named by a query parameter or by Teams' {@code app.getContext()}; light when unknown. */
    static OverviewTheme parse(String value) {
        if (value == null) {
            return LIGHT;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "dark" -> DARK;
            case "contrast", "highcontrast", "high-contrast" -> CONTRAST;
            default -> LIGHT;
        };
    }
}
