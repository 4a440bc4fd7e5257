package se.vagvisaren.safeguarding;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.CardTemplates;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.conversation.ReplyTexts;
import se.vagvisaren.conversation.TeamsText;

/** Builds the privacy replies: what is stored, a person's data in chat, and the erase confirmation card. */
@Component
class PrivacyReplies {

    static final String CONFIRM_CARD = "safeguarding-erase-confirm";
    static final String NOTICE_CARD = "safeguarding-notice";
    /** Teams rejects messages above about 28 KB; stay well below. */
    private static final int MAX_EXPORT_CHARS = 20_000;
    private static final int MAX_VALUE_CHARS = 200;

    private final ReplyTexts texts;
    private final CardTemplates cards;
    private final PrivacyProperties properties;
    private final Clock clock;

    PrivacyReplies(ReplyTexts texts, CardTemplates cards, PrivacyProperties properties, Clock clock) {
        this.texts = texts;
        this.cards = cards;
        this.properties = properties;
        this.clock = clock;
    }

    /** "Vad sparar du?": what is stored, why and for how long, with the configured default period. */
    Reply info(Language language) {
        String text = texts.get(language, "privacy.info", "retention", retention(language, PrivacyProperties.DEFAULT_KEY));
        if (!properties.noticeUrl().isBlank()) {
            text += "\n\n" + texts.get(language, "privacy.info_link", "url", properties.noticeUrl());
        }
        return Reply.text(text);
    }

    /** A retention period in words, e.g. "24 månader". */
    String retention(Language language, String storeName) {
        Period period = properties.retentionOf(storeName);
        long months = period.toTotalMonths();
        return months > 0 ? texts.get(language, "privacy.months", "count", months)
                : texts.get(language, "privacy.days", "count", period.getDays());
    }

    /** A person's own data as a chat message: per store its rows, shortened to fit one Teams message. */
    Reply export(PersonalDataRegistry.Export export, Language language) {
        List<String> parts = new ArrayList<>();
        if (export.total() == 0) {
            parts.add(texts.get(language, "privacy.export.empty"));
        } else {
            parts.add(texts.get(language, "privacy.export.heading"));
            int shown = 0;
            int chars = 0;
            boolean truncated = false;
            for (Map.Entry<String, List<Map<String, Object>>> store : export.stores().entrySet()) {
                if (store.getValue().isEmpty()) {
                    continue;
                }
                List<String> lines = new ArrayList<>();
                lines.add(texts.get(language, "privacy.export.store", "store", TeamsText.escape(store.getKey()),
                        "count", store.getValue().size()));
                for (Map<String, Object> row : store.getValue()) {
                    String line = "- " + row(row);
                    if (shown >= properties.exportChatMaxRows() || chars + line.length() > MAX_EXPORT_CHARS) {
                        truncated = true;
                        break;
                    }
                    lines.add(line);
                    shown++;
                    chars += line.length();
                }
                parts.add(String.join("\n", lines));
            }
            if (truncated) {
                parts.add(texts.get(language, "privacy.export.truncated"));
            }
        }
        if (!export.failedStores().isEmpty()) {
            parts.add(texts.get(language, "privacy.export.incomplete"));
        }
        return Reply.text(String.join("\n\n", parts));
    }

    private static String row(Map<String, Object> row) {
        return row.entrySet().stream()
                .map(e -> TeamsText.escape(e.getKey()) + ": "
                        + TeamsText.escape(TeamsText.shorten(String.valueOf(e.getValue()), MAX_VALUE_CHARS)))
                .collect(Collectors.joining(" · "));
    }

    /** The card asking to confirm an erasure; its button carries the time it was issued (epoch seconds). */
    Reply eraseConfirmation(Language language) {
        ObjectNode card = cards.fill(CONFIRM_CARD, Map.of(
                "title", texts.get(language, "privacy.erase.title"),
                "text", texts.get(language, "privacy.erase.text"),
                "confirm", texts.get(language, "privacy.erase.confirm"),
                "cancel", texts.get(language, "privacy.erase.cancel"),
                "issuedAt", String.valueOf(clock.instant().getEpochSecond())));
        return Reply.card(texts.get(language, "privacy.erase.title"), card);
    }

    /** A one-line card that replaces a pressed card. */
    ObjectNode notice(String text) {
        return cards.fill(NOTICE_CARD, Map.of("text", text));
    }
}
