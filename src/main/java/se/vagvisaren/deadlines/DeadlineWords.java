package se.vagvisaren.deadlines;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.ContentChanged;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.ReloadingContent;
import se.vagvisaren.language.FoldedText;
import se.vagvisaren.language.PhraseFile;
import se.vagvisaren.language.PhraseMatcher;

/**
 * The deadline feature's own words from {@code dialogs/commands/deadlines.yaml}: the filler words of a cancel
 * request, which are not searched for in deadline titles, and the words that ask for the calendar link. A broken file on hot reload keeps the previous words.
 */
@Component
class DeadlineWords {

    static final String FILE = "commands/deadlines.yaml";
    private static final String CANCEL_FILLER = "cancel-filler";

    private static final String CALENDAR = "calendar";
    /** A calendar question is one sentence; bounds the work for long texts. */
    private static final int MAX_WORDS = 200;

    private record Words(Set<String> cancelFiller, PhraseMatcher calendar) {
    }

    private final ReloadingContent<Words> words;

    DeadlineWords(@Qualifier("dialogs") ContentSource dialogs) {
        this.words = new ReloadingContent<>("dialogs", "dialogs/" + FILE, () -> load(dialogs));
    }

    @EventListener
    void onContentChanged(ContentChanged event) {
        words.onContentChanged(event);
    }

    /** Whether {@code word} (any case, with or without å/ä/ö) is a filler word of cancel requests. */
    boolean isCancelFiller(String word) {
        return words.get().cancelFiller().contains(FoldedText.fold(word));
    }

    /** Whether a deadline_list message asks for the calendar subscription ("kalenderlänk", "outlook"). */
    boolean asksForCalendar(String text) {
        PhraseMatcher calendar = words.get().calendar();
        return !calendar.find(calendar.read(text, MAX_WORDS)).isEmpty();
    }

    private static Words load(ContentSource dialogs) {
        PhraseFile file = PhraseFile.read(dialogs, FILE);
        Set<String> filler = new HashSet<>();
        file.phrases(CANCEL_FILLER).forEach(w -> filler.add(FoldedText.fold(w)));
        return new Words(Set.copyOf(filler), file.matcher(List.of(CALENDAR)));
    }
}
