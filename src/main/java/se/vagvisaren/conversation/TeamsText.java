package se.vagvisaren.conversation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes user-written text safe to show in Teams Markdown and Adaptive Card TextBlocks, where
 * {@code [x](javascript:...)}, {@code <at>} tags or stray {@code *} would otherwise be interpreted.
 */
public final class TeamsText {

    private static final Pattern MARKDOWN_SPECIALS = Pattern.compile("([\\\\`*_{}\\[\\]()#+\\-!|>~])");

    private TeamsText() {
    }

    /** Escapes Markdown syntax and HTML angle brackets; {@code null} becomes the empty string. */
    public static String escape(String userText) {
        if (userText == null) {
            return "";
        }
        String noHtml = userText.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return MARKDOWN_SPECIALS.matcher(noHtml).replaceAll(Matcher.quoteReplacement("\\") + "$1");
    }

    /** Cuts text to at most {@code maxChars} characters, ending with an ellipsis when cut. */
    public static String shorten(String text, int maxChars) {
        if (text == null || text.length() <= maxChars) {
            return text == null ? "" : text;
        }
        return text.substring(0, Math.max(0, maxChars - 1)).stripTrailing() + "…";
    }
}
