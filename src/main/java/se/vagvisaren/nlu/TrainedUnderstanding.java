package se.vagvisaren.nlu;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import se.vagvisaren.conversation.ContentChanged;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.FirstLoad;
import se.vagvisaren.conversation.Language;

import se.vagvisaren.conversation.RecognizedIntent;
import se.vagvisaren.language.Courtesy;
import se.vagvisaren.language.dates.DateParser;

/**
 * The bot's {@link MessageUnderstanding}: an OpenNLP intent model trained at start-up from
 * {@code dialogs/intents/*.yaml} (or read from the {@link IntentModelCache} when that data is unchanged),
 * retrained when those files change (no restart), plus date/time entities.
 * A reload that fails keeps the previous model. Thread-safe: each call reads one immutable snapshot.
 *
 * <p>Built with {@link #loadingInBackground} (the application's bean, {@link NluConfiguration}), the first load
 * runs off the start path; until it has finished every call waits for it, so a message that arrives early is
 * understood by the real model, never by the out_of_scope fallback of a missing one, and {@link #loaded()} lets
 * health say "loading" meanwhile ({@link NluHealth}).
 */
public class TrainedUnderstanding implements MessageUnderstanding {

    private static final Logger log = LoggerFactory.getLogger(TrainedUnderstanding.class);

    private final ContentSource dialogs;
    private final NluProperties properties;
    private final DateParser dates;
    private final IntentModelCache cache;
    private volatile IntentRecognizer recognizer;
    /** Greetings and sign-offs the model reads past ("vad är steg 3? tack!" is a question, not thanks). */
    private volatile Courtesy courtesy = Courtesy.NONE;
    /** Finished when the first load has, with or without a model. */
    private final FirstLoad firstLoad;

    /** Reads or trains the model before returning (command-line tools, tests). */
    public TrainedUnderstanding(ContentSource dialogs, NluProperties properties, DateParser dates) {
        this(dialogs, properties, dates, Runnable::run);
    }

    private TrainedUnderstanding(ContentSource dialogs, NluProperties properties, DateParser dates, Executor firstLoader) {
        this.dialogs = dialogs;
        this.properties = properties;
        this.dates = dates;
        this.cache = properties.modelCacheFolder().map(IntentModelCache::new).orElse(null);
        this.firstLoad = new FirstLoad(firstLoader, this::reload);
    }

    /**
     * An understanding whose first load (the model from the cache, or training) runs on {@code firstLoader}, so
     * that it overlaps the rest of the application start. Every call waits for that load.
     */
    static TrainedUnderstanding loadingInBackground(ContentSource dialogs, NluProperties properties, DateParser dates,
                                                    Executor firstLoader) {
        return new TrainedUnderstanding(dialogs, properties, dates, firstLoader);
    }

    /** Whether the first load has finished (there may still be no model if it failed). */
    public boolean loaded() {
        return firstLoad.isDone();
    }

    /** The current recognizer after the first load, {@code null} when no model could be trained. */
    private IntentRecognizer current() {
        firstLoad.await();
        return recognizer;
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
    public final synchronized boolean reload() {
        try {
            long start = System.nanoTime();
            TrainingData data = TrainingData.fromDialogs(dialogs);
            courtesy = readCourtesy();
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

    /** The courtesy patterns of the dialogs; a broken file keeps the ones in use (logged), never the model's reload. */
    private Courtesy readCourtesy() {
        try {
            return Courtesy.load(dialogs);
        } catch (RuntimeException e) {
            log.error("Keeping the previous greetings and sign-offs: {}", e.getMessage());
            return courtesy;
        }
    }

    /** Intent names the current model knows; empty when no model could be trained. */
    public List<String> intents() {
        IntentRecognizer current = current();
        return current == null ? List.of() : current.intents();
    }

    @Override
    public Understanding understand(String text, String locale, ZonedDateTime now) {
        String safeText = text == null ? "" : text;
        try {
            IntentRecognizer current = current();
            Understanding understood = current != null ? current.recognize(courtesy.strip(safeText), locale)
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
            IntentRecognizer current = current();
            return current == null ? TextLanguage.unknown() : current.textLanguage(text == null ? "" : text);
        } catch (RuntimeException e) {
            log.error("Language judgement failed: {}", e.toString());
            return TextLanguage.unknown();
        }
    }

    @Override
    public String mended(String text) {
        IntentRecognizer current = current();
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
