package se.vagvisaren.conversation;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one placeholder syntax of every text the bot fills: reply texts, card templates and pages in
 * {@code dialogs/} all write {@code {name}} (a letter, then letters, digits, {@code _ . -}). It is ICU's
 * simple argument, so a reply text can also hold {@code {count, plural, ...}}, which {@link PluralTemplate}
 * formats. Filling is one pass: a value that itself contains {@code {other}} is inserted as written, never
 * expanded, and a placeholder without a value stays as written.
 */
public final class Placeholders {

    /** One placeholder; group 1 is its name. ICU arguments with a comma ({@code {n, plural, ...}}) do not match. */
    public static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_.-]*)}");

    /** The retired syntaxes ({@code ${name}} in cards, {@code {{name}}} in pages); a content test refuses them. */
    public static final Pattern OLD_SYNTAX = Pattern.compile("\\$\\{[A-Za-z][A-Za-z0-9_.-]*}|\\{\\{\\s*[A-Za-z][A-Za-z0-9_.-]*\\s*}}");

    private Placeholders() {
    }

    /** Whether {@code text} has a placeholder at all; a cheap test before {@link #fill}. */
    public static boolean present(String text) {
        return text.indexOf('{') >= 0 && PLACEHOLDER.matcher(text).find();
    }

    /**
     * {@code template} with each {@code {name}} that has an entry in {@code values} replaced by it
     * ({@code null} becomes empty); other placeholders stay as written.
     */
    public static String fill(String template, Map<String, ?> values) {
        if (template.indexOf('{') < 0) {
            return template;
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 32);
        while (m.find()) {
            String replacement = values.containsKey(m.group(1)) ? String.valueOf(orEmpty(values.get(m.group(1)))) : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Object orEmpty(Object value) {
        return value == null ? "" : value;
    }
}
