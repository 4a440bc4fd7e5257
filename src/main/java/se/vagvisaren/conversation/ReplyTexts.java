package se.vagvisaren.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The bot's reply texts, read from {@code dialogs/replies/<lang>/*.yaml}. Nested YAML keys are joined
 * with dots ({@code deadline: {nudge: {tomorrow: ...}}} becomes {@code deadline.nudge.tomorrow}).
 * Placeholders are written {@code {name}} and filled from the arguments. A text with a count agrees
 * with it through ICU MessageFormat ({@code {count, plural, one {# uppdatering} other {# uppdateringar}}},
 * see {@link PluralTemplate}). A key missing in English falls back to Swedish; a key missing in both is
 * returned as itself and logged, so a gap is visible instead of crashing a conversation.
 */
@Component
public class ReplyTexts {

    private static final Logger log = LoggerFactory.getLogger(ReplyTexts.class);

    private final LastGoodFiles<Map<String, String>> files = new LastGoodFiles<>("reply file");
    private final ReloadingContent<Map<Language, Map<String, String>>> texts;

    public ReplyTexts(@Qualifier("dialogs") ContentSource dialogs) {
        this.texts = new ReloadingContent<>("dialogs", "dialogs/replies", () -> load(dialogs));
    }

    @EventListener
    void onContentChanged(ContentChanged event) {
        texts.onContentChanged(event);
    }

    /**
     * Re-reads every reply file. A broken file is reported by name and keeps the texts it had at its last
     * good read (none if it was broken from the start), so one bad edit does not blank a feature's replies.
     */
    public final void reload() {
        texts.reload();
    }

    private Map<Language, Map<String, String>> load(ContentSource dialogs) {
        Map<Language, Map<String, String>> loaded = new EnumMap<>(Language.class);
        for (Language lang : Language.values()) {
            Map<String, String> entries = new HashMap<>();
            for (ContentSource.ContentFile file : dialogs.list("replies/" + lang.code(), ".yaml")) {
                files.read(file.name(), () -> parse(file), broken -> { }).ifPresent(entries::putAll);
            }
            loaded.put(lang, Collections.unmodifiableMap(entries));
        }
        return loaded;
    }

    private static Map<String, String> parse(ContentSource.ContentFile file) throws IOException {
        Map<String, String> texts = new HashMap<>();
        try (InputStream in = file.open()) {
            JsonNode root = Mappers.YAML.readTree(in);
            if (root != null) {
                flatten("", root, texts);
            }
        }
        return texts;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (!node.isNull()) {
            out.put(prefix, node.asText());
        }
    }

    /** The text for {@code key} in {@code language}, placeholders filled from name/value pairs. */
    public String get(Language language, String key, Object... nameValuePairs) {
        Map<Language, Map<String, String>> current = texts.get();
        Language used = language;
        String template = current.getOrDefault(language, Map.of()).get(key);
        if (template == null) {
            used = Language.SV;
            template = current.getOrDefault(Language.SV, Map.of()).get(key);
        }
        if (template == null) {
            log.warn("Missing reply text {}", key);
            return key;
        }
        return render(key, template, used, nameValuePairs);
    }

    /** The raw template of {@code key} in {@code language} (no fallback), for checks over all texts. */
    public Optional<String> template(Language language, String key) {
        return Optional.ofNullable(texts.get().getOrDefault(language, Map.of()).get(key));
    }

    private static String render(String key, String template, Language language, Object... nameValuePairs) {
        if (!PluralTemplate.applies(template)) {
            return fill(template, nameValuePairs);
        }
        try {
            return PluralTemplate.format(template, language, pairs(nameValuePairs));
        } catch (IllegalArgumentException e) {
            // a hand-edited text with a syntax error, or no number for a plural: show the text rather than fail the turn
            log.warn("Reply text {} could not be formatted: {}", key, e.getMessage());
            return fill(template, nameValuePairs);
        }
    }

    private static Map<String, Object> pairs(Object... nameValuePairs) {
        if (nameValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("Placeholders come in name/value pairs");
        }
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            map.put(String.valueOf(nameValuePairs[i]), nameValuePairs[i + 1]);
        }
        return map;
    }

    /** Whether a text exists for the key in Swedish (the reference language). */
    public boolean has(String key) {
        return texts.get().getOrDefault(Language.SV, Map.of()).containsKey(key);
    }

    /** All keys of one language, sorted; for completeness tests. */
    public Set<String> keys(Language language) {
        return new TreeSet<>(texts.get().getOrDefault(language, Map.of()).keySet());
    }

    static String fill(String template, Object... nameValuePairs) {
        return Placeholders.fill(template, pairs(nameValuePairs));
    }
}
