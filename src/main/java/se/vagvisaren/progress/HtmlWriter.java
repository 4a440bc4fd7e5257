package se.vagvisaren.progress;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Builds HTML (and inline SVG) where every text and attribute value is escaped, so user-written text
 * such as {@code <script>} can only ever appear as text. Tag and attribute names come from code.
 * Elements are closed in order; {@link #toString} fails if one was left open.
 */
final class HtmlWriter {

    private final StringBuilder out = new StringBuilder(16 * 1024);
    private final Deque<String> open = new ArrayDeque<>();

    HtmlWriter doctype() {
        out.append("<!DOCTYPE html>\n");
        return this;
    }

    /** Opens {@code tag} with attribute name/value pairs; a {@code null} value leaves the attribute out. */
    HtmlWriter start(String tag, String... attributes) {
        tag(tag, attributes);
        out.append('>');
        open.push(tag);
        return this;
    }

    /** An element without content, e.g. {@code meta} or an SVG {@code circle}. */
    HtmlWriter empty(String tag, String... attributes) {
        tag(tag, attributes);
        out.append(isSvg() ? "/>" : ">");
        return this;
    }

    HtmlWriter end(String tag) {
        String expected = open.pop();
        if (!expected.equals(tag)) {
            throw new IllegalStateException("Closing " + tag + " but " + expected + " is open");
        }
        out.append("</").append(tag).append('>');
        return this;
    }

    /** Escaped text. */
    HtmlWriter text(String text) {
        out.append(escape(text == null ? "" : text));
        return this;
    }

    /** {@code <tag attrs>text</tag>}. */
    HtmlWriter element(String tag, String text, String... attributes) {
        return start(tag, attributes).text(text).end(tag);
    }

    /** A style sheet from our own code (never user text); {@code </} is refused so it cannot end early. */
    HtmlWriter style(String css, String nonce) {
        if (css.contains("</")) {
            throw new IllegalArgumentException("CSS must not contain </");
        }
        start("style", "nonce", nonce);
        out.append(css);
        return end("style");
    }

    @Override
    public String toString() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("Unclosed elements: " + open);
        }
        return out.toString();
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private void tag(String tag, String... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("Attributes come in name/value pairs");
        }
        out.append('<').append(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
            }
        }
    }

    private boolean isSvg() {
        return open.contains("svg");
    }
}
