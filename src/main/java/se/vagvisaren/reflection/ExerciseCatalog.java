package se.vagvisaren.reflection;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.ContentChanged;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.LastGoodFiles;
import se.vagvisaren.conversation.Mappers;
import se.vagvisaren.conversation.ReloadingContent;

/**
 * The exercises in {@code dialogs/reflections/*.yaml}, ordered by handbook step and id (the numbers the
 * picker shows). A broken file is logged by name with its problems; the rest stay usable. When a file
 * that was good breaks in an edit, its last good exercise stays in use (sessions running with it can
 * still be answered and closed); a file broken from the start is skipped. Reloaded when the dialogs on
 * disk change.
 */
@Component
class ExerciseCatalog {

    private static final Logger log = LoggerFactory.getLogger(ExerciseCatalog.class);
    static final String FOLDER = "reflections";

    private final LastGoodFiles<Exercise> files = new LastGoodFiles<>("exercise file");
    private final ReloadingContent<Loaded> loaded;

    ExerciseCatalog(@Qualifier("dialogs") ContentSource dialogs) {
        this.loaded = new ReloadingContent<>("dialogs", "dialogs/" + FOLDER, () -> load(dialogs));
    }

    @EventListener
    void onContentChanged(ContentChanged event) {
        loaded.onContentChanged(event);
    }

    /**
     * Reads every exercise file; a broken one is logged and listed in {@code rejected}, and keeps its last
     * good exercise if it had one.
     */
    private Loaded load(ContentSource dialogs) {
        Map<String, Exercise> byId = new LinkedHashMap<>();
        Map<String, List<String>> rejected = new LinkedHashMap<>();
        for (ContentSource.ContentFile file : dialogs.list(FOLDER, ".yaml")) {
            files.read(file.name(), () -> parse(file, byId), broken -> rejected.put(file.name(), problems(broken)))
                    .filter(exercise -> !byId.containsKey(exercise.id()))
                    .ifPresent(exercise -> byId.put(exercise.id(), exercise));
        }
        List<Exercise> ordered = new ArrayList<>(byId.values());
        ordered.sort(Comparator.comparingInt(Exercise::step).thenComparing(Exercise::id));
        Loaded loaded = new Loaded(List.copyOf(ordered), Map.copyOf(rejected), new ExerciseMatcher(ordered));
        log.info("Loaded {} reflection exercises from {} ({} skipped)", ordered.size(), dialogs.describe(), rejected.size());
        return loaded;
    }

    /** One exercise file; its id must not be taken by a file read before it. */
    private static Exercise parse(ContentSource.ContentFile file, Map<String, Exercise> byId) throws IOException {
        try (InputStream in = file.open()) {
            Exercise exercise = ExerciseReader.read(Mappers.YAML.readTree(in));
            if (byId.containsKey(exercise.id())) {
                throw new ExerciseReader.InvalidExercise(List.of("id " + exercise.id() + " is already used by another file"));
            }
            return exercise;
        }
    }

    private static List<String> problems(Exception broken) {
        return broken instanceof ExerciseReader.InvalidExercise invalid
                ? invalid.problems() : List.of("not valid YAML: " + broken.getMessage());
    }

    /** Every valid exercise, by step then id. */
    List<Exercise> all() {
        return loaded.get().exercises();
    }

    Optional<Exercise> byId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return loaded.get().exercises().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** The files that were skipped at the last load, with their problems; for tests and operators. */
    Map<String, List<String>> rejected() {
        return loaded.get().rejected();
    }

    /** The exercises a message names ("kör övningen om normer", "övning 2"); see {@link ExerciseMatcher}. */
    List<Exercise> named(String text) {
        return loaded.get().matcher().match(text);
    }

    private record Loaded(List<Exercise> exercises, Map<String, List<String>> rejected, ExerciseMatcher matcher) {
    }

    /** Reads YAML with the same settings as the catalog; for tests that validate single files. */
    static JsonNode parse(String yaml) throws java.io.IOException {
        return Mappers.YAML.readTree(yaml);
    }
}
