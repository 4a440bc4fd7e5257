package se.vagvisaren.language;

import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.ContentChanged;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.ReloadingContent;

/**
 * The application's {@link Courtesy}, from {@code dialogs/language/courtesy.yaml}, reloaded when {@code dialogs/}
 * changes; a broken file keeps the last good patterns (and none before the first good read), logged by
 * {@link ReloadingContent}.
 */
@Component
public class CourtesyPhrases implements Supplier<Courtesy> {

    private final ReloadingContent<Courtesy> courtesy;

    public CourtesyPhrases(@Qualifier("dialogs") ContentSource dialogs) {
        this.courtesy = ReloadingContent.orElse("dialogs", "dialogs/" + Courtesy.FILE, () -> Courtesy.load(dialogs),
                Courtesy.NONE);
    }

    @EventListener
    void onContentChanged(ContentChanged event) {
        courtesy.onContentChanged(event);
    }

    @Override
    public Courtesy get() {
        return courtesy.get();
    }
}
