package se.vagvisaren.progress;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Accepts only absolute {@code http}/{@code https} links with a host, so a stored link can be shown as
 * a button or anchor without ever becoming {@code javascript:}, {@code data:} or a local file.
 */
final class LinkCheck {

    static final int MAX_LENGTH = 2048;

    /** An http(s) URL in running text; trailing punctuation is not part of it. */
    private static final Pattern URL_IN_TEXT = Pattern.compile("https?://[^\\s<>\"()\\[\\]{}]+", Pattern.CASE_INSENSITIVE);

    private LinkCheck() {
    }

    /** The link in normalised form, or empty when it is not an acceptable http(s) link. */
    static Optional<String> valid(String candidate) {
        if (candidate == null || candidate.isBlank() || candidate.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String trimmed = candidate.strip();
        if (trimmed.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return Optional.empty();
            }
            if (uri.getHost() == null || uri.getHost().isBlank() || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            return Optional.of(uri.toASCIIString());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The first acceptable http(s) link written in {@code text}, or empty. */
    static Optional<String> firstIn(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = URL_IN_TEXT.matcher(text);
        while (m.find()) {
            String url = m.group().replaceAll("[.,;:!?]+$", "");
            Optional<String> ok = valid(url);
            if (ok.isPresent()) {
                return ok;
            }
        }
        return Optional.empty();
    }

    /** A checked link made safe inside a Markdown link target: brackets, parentheses and spaces percent-encoded. */
    static String forMarkdown(String checkedLink) {
        return checkedLink.replace("(", "%28").replace(")", "%29").replace("[", "%5B").replace("]", "%5D")
                .replace(" ", "%20").replace("<", "%3C").replace(">", "%3E");
    }
}
