package se.vagvisaren.knowledge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.language.FoldedText;

/**
 * Groups headings and paragraphs of an imported document into short passages (a Teams answer, not a
 * chapter): each heading starts a new section, paragraphs are joined up to {@link #MAX_CHARS}, longer
 * paragraphs are cut between sentences. A passage is cited with its section and the page where it starts.
 */
@RequiredArgsConstructor
final class PassageSplitter {

    static final int MAX_CHARS = 800;
    /** Shorter fragments (captions, running heads, stray lines) carry no answer on their own. */
    static final int MIN_CHARS = 40;

    private final String document;
    private final Language language;
    private final String idPrefix;
    private final LocalDate today;
    private final String origin;
    private final List<Passage> passages = new ArrayList<>();
    private final List<SkippedPart> skipped = new ArrayList<>();
    private String section;
    private StringBuilder pending = new StringBuilder();
    private Integer pendingPage;
    private int partInSection;

    List<Passage> passages() {
        return passages;
    }

    List<SkippedPart> skipped() {
        return skipped;
    }

    void accept(DocumentBlock block) {
        String text = block.text().strip();
        if (block.heading()) {
            flush();
            section = text;
            partInSection = 0;
            return;
        }
        if (text.length() < MIN_CHARS) {
            if (!text.isEmpty()) {
                skipped.add(new SkippedPart(where(block.page()), "too short to answer anything (" + text.length() + " characters)"));
            }
            return;
        }
        for (String piece : sentencesUpTo(text, MAX_CHARS)) {
            if (pending.length() > 0 && pending.length() + piece.length() + 2 > MAX_CHARS) {
                flush();
            }
            if (pending.length() == 0) {
                pendingPage = block.page();
            } else {
                pending.append("\n\n");
            }
            pending.append(piece);
        }
    }

    /** Ends the document: the last pending text becomes a passage. */
    void finish() {
        flush();
    }

    private void flush() {
        if (pending.length() == 0) {
            return;
        }
        partInSection++;
        String title = section == null ? document : section;
        if (partInSection > 1) {
            title = title + " (" + partInSection + ")";
        }
        String id = idPrefix + "-" + String.format(Locale.ROOT, "%03d", passages.size() + 1);
        passages.add(new Passage(id, title, language, List.of(), null, List.of(),
                new PassageSource(document, section, pendingPage), today, pending.toString(), origin, null, null, null));
        pending = new StringBuilder();
        pendingPage = null;
    }

    private String where(Integer page) {
        String inSection = section == null ? "" : " in section \"" + section + "\"";
        return (page == null ? "text" : "page " + page) + inSection;
    }

    /** Splits text into pieces of at most {@code max} characters, preferably after a sentence. */
    static List<String> sentencesUpTo(String text, int max) {
        List<String> pieces = new ArrayList<>();
        String rest = text;
        while (rest.length() > max) {
            int cut = -1;
            for (int i = max - 1; i > max / 3; i--) {
                char c = rest.charAt(i);
                if ((c == '.' || c == '!' || c == '?') && i + 1 < rest.length() && Character.isWhitespace(rest.charAt(i + 1))) {
                    cut = i + 1;
                    break;
                }
            }
            if (cut < 0) {
                cut = rest.lastIndexOf(' ', max);
                cut = cut <= 0 ? max : cut;
            }
            pieces.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty()) {
            pieces.add(rest);
        }
        return pieces;
    }

    /** A file- and id-safe form of a name: {@code Inget att vänta på} becomes {@code inget-att-vanta-pa}. */
    static String slug(String name, int maxLength) {
        String ascii = FoldedText.withoutAccents(name.toLowerCase(Locale.ROOT));
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > maxLength) {
            slug = slug.substring(0, maxLength).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "dokument" : slug;
    }
}
