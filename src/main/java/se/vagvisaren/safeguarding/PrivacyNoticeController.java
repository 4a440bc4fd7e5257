package se.vagvisaren.safeguarding;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import se.vagvisaren.conversation.ContentChanged;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.Placeholders;
import se.vagvisaren.conversation.ReplyTexts;

/**
 * The privacy notice page the Teams manifest points to: {@code GET /privacy} in Swedish,
 * {@code GET /privacy?lang=en} in English. The text is Markdown in {@code dialogs/privacy/privacy-<lang>.md},
 * rendered server-side with raw HTML escaped, inside {@code dialogs/privacy/page.html}.
 */
@RestController
class PrivacyNoticeController {

    private static final Parser MARKDOWN = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final String SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

    private final ContentSource dialogs;
    private final ReplyTexts texts;
    private final PrivacyReplies replies;
    private final Map<Language, String> pages = new ConcurrentHashMap<>();

    PrivacyNoticeController(@Qualifier("dialogs") ContentSource dialogs, ReplyTexts texts, PrivacyReplies replies) {
        this.dialogs = dialogs;
        this.texts = texts;
        this.replies = replies;
    }

    @EventListener
    void onContentChanged(ContentChanged event) {
        if ("dialogs".equals(event.area())) {
            pages.clear();
        }
    }

    @GetMapping(path = "/privacy", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@RequestParam(name = "lang", required = false) String lang) {
        Language language = Language.fromCode(lang);
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache())
                .header("Content-Security-Policy", SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .body(pages.computeIfAbsent(language, this::render));
    }

    private String render(Language language) {
        String markdown = Placeholders.fill(read("privacy/privacy-" + language.code() + ".md"),
                Map.of("retention", replies.retentionSummary(language)));
        Node document = MARKDOWN.parse(markdown);
        String otherCode = texts.get(language, "privacy.page.other_language_code");
        return Placeholders.fill(read("privacy/page.html"), Map.of(
                "lang", language.code(),
                "title", escape(title(document)),
                "skip", escape(texts.get(language, "privacy.page.skip")),
                "nav_label", escape(texts.get(language, "privacy.page.nav_label")),
                "other_lang", escape(otherCode),
                "other_href", "/privacy?lang=" + (otherCode.equals("en") ? "en" : "sv"),
                "other_label", escape(texts.get(language, "privacy.page.other_language")),
                "body", HTML.render(document)));
    }

    private String read(String path) {
        ContentSource.ContentFile file = dialogs.file(path);
        if (file == null) {
            throw new IllegalStateException("Missing " + dialogs.describe() + "/" + path);
        }
        return file.readString();
    }

    /** Escapes HTML specials only; UTF-8 letters such as å stay readable in the source. */
    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    /** The text of the first level-1 heading, for the page title. */
    private static String title(Node document) {
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading && heading.getLevel() == 1) {
                return TextContentRenderer.builder().build().render(heading).strip();
            }
        }
        return "Vägvisaren";
    }
}
