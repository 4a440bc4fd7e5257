package se.vagvisaren.nlu;

import java.time.ZonedDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.ContentChanged;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.RecognizedIntent;
import se.vagvisaren.language.dates.DateParser;

/**
 * The bot's {@link MessageUnderstanding}: an OpenNLP intent model trained at start-up from
 * {@code dialogs/intents/*.yaml} (or read from the {@link IntentModelCache} when that data is unchanged),
 * retrained when those files change (no restart), plus date/time entities.
 * A reload that fails keeps the previous model. Thread-safe: each call reads one immutable snapshot.
 */
@Component
public class TrainedUnderstanding implements MessageUnderstanding {

    private static final Logger log = LoggerFactory.getLogger(TrainedUnderstanding.class);

    private final ContentSource dialogs;
    private final NluProperties properties;
    private final DateParser dates;
    private final IntentModelCache cache;
    private volatile IntentRecognizer recognizer;

    public TrainedUnderstanding(@Qualifier("dialogs") ContentSource dialogs, NluProperties properties,
                                DateParser dates) {
        this.dialogs = dialogs;
        this.properties = properties;
        this.dates = dates;
        this.cache = properties.modelCacheFolder().map(IntentModelCache::new).orElse(null);
        reload();
    }

    @EventListener
    void onContentChanged(ContentChanged event) {
        if ("dialogs".equals(event.area())) {
            reload();
        }
    }

    /**
     * Retrains from the dialogs content now.
     *
     * @return {@code true} when a new model is in use; {@code false} when training failed and the previous
     *         one (or none) stays
     */
    public final boolean reload() {
        try {
            long start = System.nanoTime();
            TrainingData data = TrainingData.fromDialogs(dialogs);
            IntentModel model = cache != null ? cache.loadOrTrain(data, properties.modelSettings())
                    : IntentModel.train(data, properties.modelSettings());
            IntentRecognizer ready = IntentRecognizer.of(model, data, properties.decider());
            recognizer = ready;
            log.info("Intent model ready ({}) on {} utterances, {} intents from {} in {} ms",
                    model.fromCache() ? "from the cache" : "trained", data.size(), ready.intents().size(),
                    dialogs.describe(), (System.nanoTime() - start) / 1_000_000);
            return true;
        } catch (RuntimeException e) {
            log.error("Could not train the intent model from {}, keeping the previous one: {}",
                    dialogs.describe(), e.toString());
            return false;
        }
    }

    /** Intent names the current model knows; empty when no model could be trained. */
    public List<String> intents() {
        IntentRecognizer current = recognizer;
        return current == null ? List.of() : current.intents();
    }

    @Override
    public Understanding understand(String text, String locale, ZonedDateTime now) {
        String safeText = text == null ? "" : text;
        try {
            IntentRecognizer current = recognizer;
            Understanding understood = current != null ? current.recognize(safeText, locale)
                    : fallback(Language.fromCode(locale));
            List<RecognizedIntent.Entity> entities = now == null ? List.of() : dates.parse(safeText, now).mentions().stream()
                    .map(RecognizedIntent.Entity::of).toList();
            RecognizedIntent intent = understood.intent();
            return new Understanding(understood.language(),
                    new RecognizedIntent(intent.name(), intent.confidence(), entities),
                    understood.ranking(), understood.ambiguous());
        } catch (RuntimeException e) {
            // The interface promises never to throw; a bug here must not break a conversation.
            log.error("Understanding failed, falling back to out_of_scope: {}", e.toString());
            return fallback(Language.fromCode(locale));
        }
    }

    @Override
    public TextLanguage textLanguage(String text) {
        try {
            IntentRecognizer current = recognizer;
            return current == null ? TextLanguage.unknown() : current.textLanguage(text == null ? "" : text);
        } catch (RuntimeException e) {
            log.error("Language judgement failed: {}", e.toString());
            return TextLanguage.unknown();
        }
    }

    @Override
    public String mended(String text) {
        IntentRecognizer current = recognizer;
        try {
            return current == null ? (text == null ? "" : text) : current.mended(text);
        } catch (RuntimeException e) {
            log.error("Typo mending failed: {}", e.toString());
            return text == null ? "" : text;
        }
    }

    private static Understanding fallback(Language language) {
        return new Understanding(language, RecognizedIntent.of(IntentDecider.OUT_OF_SCOPE), List.of(), false);
    }
}
