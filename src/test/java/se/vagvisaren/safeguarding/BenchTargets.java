package se.vagvisaren.safeguarding;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.ReplyTexts;

/** Builds the safeguarding components outside Spring for the JMH benchmarks in {@code bench/}. */
public final class BenchTargets {

    private BenchTargets() {
    }

    public static CrisisCheck crisisCheck(Path dialogs) {
        ContentSource content = new ContentSource("dialogs", dialogs);
        return new CrisisCheck(new DangerPhrases(content), new ReplyTexts(content), new SimpleMeterRegistry());
    }

    public static PersonalDataGuard guard(Path dialogs) {
        ContentSource content = new ContentSource("dialogs", dialogs);
        return new PersonalDataGuard(new GuardVocabulary(content), new ReplyTexts(content));
    }
}
