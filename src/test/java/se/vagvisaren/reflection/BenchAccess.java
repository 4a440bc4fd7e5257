package se.vagvisaren.reflection;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import se.vagvisaren.conversation.ContentSource;

/** Lets the JMH benchmarks in {@code bench/} reach the package-private reflection code; test sources only. */
public final class BenchAccess {

    private final List<Exercise> all;
    private final ExerciseMatcher matcher;
    private final Exercise box;
    private final List<SessionStore.StoredAnswer> answers = new ArrayList<>();

    /** @param dialogs the dialogs directory, e.g. {@code dialogs} */
    public BenchAccess(Path dialogs, int answerCount) {
        all = new ExerciseCatalog(new ContentSource("dialogs", dialogs)).all();
        matcher = new ExerciseMatcher(all);
        box = all.stream().filter(e -> e.id().equals("normer-boxen")).findFirst().orElseThrow();
        Random random = new Random(42);
        for (int i = 0; i < answerCount; i++) {
            answers.add(new SessionStore.StoredAnswer(null, "{\"q1\":" + (random.nextInt(5) + 1)
                    + ",\"q2\":[\"friends\",\"media\"],\"q3\":\"jokes\",\"q4\":\"Ett fritextsvar nummer " + i + "\"}"));
        }
    }

    public int match(String text) {
        return matcher.match(text).size();
    }

    public int schedule(String text, ZonedDateTime now) {
        return LaunchSchedule.from(new se.vagvisaren.language.dates.DateParser().parse(text, now), now, 52).map(p -> p.times().size()).orElse(0);
    }

    public boolean readAnswer(JsonNode data) {
        return AnswerForm.read(box, data, 1000).ok();
    }

    public int tally(Random random) {
        return Tally.of(box, answers, random).respondents();
    }
}
