package se.vagvisaren.safeguarding;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.CardTemplates;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.conversation.ReplyTexts;
import se.vagvisaren.conversation.TeamsText;

/** Builds the privacy replies: what is stored, a person's data in chat, and the erase confirmation card. */
@Component
@RequiredArgsConstructor
class PrivacyReplies {

    static final String CONFIRM_CARD = "safeguarding-erase-confirm";
    static final String NOTICE_CARD = "safeguarding-notice";
    /** Teams rejects messages above about 28 KB; stay well below. */
    private static final int MAX_EXPORT_CHARS = 20_000;
    private static final int MAX_VALUE_CHARS = 200;

    private final ReplyTexts texts;
    private final CardTemplates cards;
    private final PrivacyProperties properties;
    private final PersonalDataRegistry registry;
    private final Clock clock;

    /** "Vad sparar du?": what is stored, why and for how long, with the periods actually applied. */
    Reply info(Language language) {
        String text = texts.get(language, "privacy.info", "retention", retentionSummary(language));
        if (!properties.noticeUrl().isBlank()) {
            text += "\n\n" + texts.get(language, "privacy.info_link", "url", properties.noticeUrl());
        }
        return Reply.text(text);
    }

    /**
     * The periods the retention run applies, in words: the default, and each store whose own period differs
     * ("24 månader (lägesrapporter efter 12 månader)"). Users are told what is done, not only the default.
     */
    String retentionSummary(Language language) {
        String general = retention(language, PrivacyProperties.DEFAULT_KEY);
        Period byDefault = properties.retentionOf(PrivacyProperties.DEFAULT_KEY);
        List<String> exceptions = registry.stores().stream()
                .map(PersonalDataStore::name)
                .filter(name -> !properties.retentionOf(name).equals(byDefault))
                .map(name -> texts.get(language, "privacy.exception", "store", storeLabel(language, name),
                        "period", retention(language, name)))
                .toList();
        if (exceptions.isEmpty()) {
            return general;
        }
        return texts.get(language, "privacy.with_exceptions", "period", general,
                "exceptions", joinAsList(exceptions, texts.get(language, "privacy.and")));
    }

    private String storeLabel(Language language, String storeName) {
        String key = "privacy.store." + storeName;
        return texts.has(key) ? texts.get(language, key) : storeName;
    }

    private static String joinAsList(List<String> items, String and) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + and + items.get(items.size() - 1);
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
