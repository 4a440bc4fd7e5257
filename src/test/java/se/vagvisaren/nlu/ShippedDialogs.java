package se.vagvisaren.nlu;

import java.nio.file.Path;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.language.dates.DateParser;

/** The shipped {@code dialogs/} content and one understanding trained on it, shared by the tests of this package. */
final class ShippedDialogs {

    static final ContentSource CONTENT = new ContentSource("dialogs", Path.of("dialogs"));

    private static TrainedUnderstanding understanding;

    private ShippedDialogs() {
    }

    static TrainingData data() {
        return TrainingData.fromDialogs(CONTENT);
    }

    /** Trained once per test JVM: training takes seconds. */
    static synchronized TrainedUnderstanding understanding() {
        if (understanding == null) {
            understanding = new TrainedUnderstanding(CONTENT, NluProperties.defaults(), new DateParser());
        }
        return understanding;
    }
}
