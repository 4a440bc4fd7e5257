package se.vagvisaren.safeguarding;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.ContentChanged;
import se.vagvisaren.conversation.ContentSource;
import se.vagvisaren.conversation.ReloadingContent;
import se.vagvisaren.language.PhraseFile;
import se.vagvisaren.language.PhraseMatcher;

/**
 * The curated danger phrases of {@code dialogs/safeguarding/danger-phrases.yaml}: families of phrases per
 * form of violence (close relationships, children, honour, sexual, digital, stalking, threats, economic,
 * older and disabled people, self-harm, someone using violence, "help now"), cues for who is writing, the
 * rules for which support line comes first, the idioms that are not danger, and the intent model's
 * threshold. A broken file at start-up stops the application: a bot that cannot recognise a disclosure
 * must not run. A broken file on hot reload keeps the previous phrases.
 */
@Component
class DangerPhrases {

    static final String FILE = "safeguarding/danger-phrases.yaml";
    static final String GENERAL = "general";

    /** Longest message (in words) that is searched; Teams caps messages far below this. */
    private static final int MAX_WORDS = 20_000;
    private static final String CHILD_SUBJECT = "child_subject";
    private static final String CHILD_FAMILY = "child";
    private static final String CHILD_SPEAKER = "child";

    /**
     * One family of danger phrases (a form of violence) and the lines that fit it.
     *
     * @param id    e.g. {@code honour}
     * @param lines keys of {@code crisis.lines.*} reply texts, most relevant first
     */
    record Family(String id, List<String> lines) {
    }

    /** One speaker entry: the speaker when one of its cues (a phrase label) occurs or one of its forms was found. */
    private record Speaker(String name, Set<String> forms, String cues) {
    }

    private record Loaded(PhraseMatcher matcher, Map<String, Family> families, List<Speaker> speakers,
            FirstLineRules rules, double intentOnlyMinConfidence) {
    }

    private final ReloadingContent<Loaded> loaded;

    DangerPhrases(@Qualifier("dialogs") ContentSource dialogs) {
        this.loaded = new ReloadingContent<>("dialogs", FILE, () -> load(dialogs));
    }

    @EventListener
    void onContentChanged(ContentChanged event) {
        loaded.onContentChanged(event);
    }

    /** The families whose phrases occur in {@code text}, in file order; empty when none does. */
    List<Family> familiesIn(String text) {
        return familiesIn(loaded.get(), labelsIn(loaded.get(), PhraseMatcher.words(text, MAX_WORDS)));
    }

    /**
     * Reads a message for the crisis reply.
     *
     * @param text           the message
     * @param urgentByIntent whether the intent model alone may make it a crisis (it said {@code urgent_help}
     *                       at or above {@link #intentOnlyMinConfidence()})
     * @return the assessment, or {@code null} when no phrase matched and the intent model may not decide:
     *         not there, too unsure, or the text holds an idiom listed under {@code exceptions}
     */
    CrisisAssessment assess(String text, boolean urgentByIntent) {
        Loaded current = loaded.get();
        List<String> words = PhraseMatcher.words(text, MAX_WORDS);
        Set<String> labels = labelsIn(current, words);
        List<Family> forms = familiesIn(current, labels);
        if (forms.isEmpty()) {
            if (!urgentByIntent || current.matcher().hasException(words)) {
                return null;
            }
            forms = List.of(general(current));
        }
        String speaker = speaker(current, labels, forms);
        boolean aboutChild = CHILD_SPEAKER.equals(speaker) || labels.contains(CHILD_SUBJECT)
                || forms.stream().anyMatch(f -> f.id().equals(CHILD_FAMILY));
        return new CrisisAssessment(forms, speaker, aboutChild, current.rules().order(forms, speaker, aboutChild));
    }

    /** Whether {@code text} holds one of the file's idioms ({@code exceptions}). */
    boolean hasIdiom(String text) {
        return loaded.get().matcher().hasException(PhraseMatcher.words(text, MAX_WORDS));
    }

    /** The lowest {@code urgent_help} probability at which the intent model alone triggers the crisis reply. */
    double intentOnlyMinConfidence() {
        return loaded.get().intentOnlyMinConfidence();
    }

    private static Set<String> labelsIn(Loaded current, List<String> words) {
        Set<String> labels = new LinkedHashSet<>();
        for (PhraseMatcher.Match match : current.matcher().find(words)) {
            labels.add(match.label());
        }
        return labels;
    }

    private static List<Family> familiesIn(Loaded current, Set<String> labels) {
        List<Family> found = new ArrayList<>();
        for (Family family : current.families().values()) {
            if (labels.contains(family.id())) {
                found.add(family);
            }
        }
        return found;
    }

    private static String speaker(Loaded current, Set<String> labels, List<Family> forms) {
        List<Speaker> speakers = current.speakers();
        for (int i = 0; i < speakers.size(); i++) {
            Speaker speaker = speakers.get(i);
            boolean byForm = forms.stream().anyMatch(f -> speaker.forms().contains(f.id()));
            if (byForm || (!speaker.cues().isEmpty() && labels.contains(speaker.cues()))) {
                return speaker.name();
            }
        }
        return CrisisAssessment.UNKNOWN_SPEAKER;
    }

    private static Family general(Loaded current) {
        Family general = current.families().get(GENERAL);
        return general != null ? general : new Family(GENERAL, List.of());
    }

    private static Loaded load(ContentSource dialogs) {
        PhraseFile file = PhraseFile.read(dialogs, FILE);
        JsonNode root = file.settings();
        List<String> labels = new ArrayList<>();
        Map<String, Family> families = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("families").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            families.put(e.getKey(), new Family(e.getKey(), PhraseFile.strings(e.getValue().path("lines"))));
            labels.add(e.getKey());
        }
        if (labels.stream().allMatch(label -> file.phrases(label).isEmpty())) {
            throw new IllegalStateException(FILE + " has no phrases");
        }
        List<Speaker> speakers = new ArrayList<>();
        for (JsonNode node : root.path("speakers")) {
            String cues = node.path("cues").asText("");
            if (!cues.isEmpty() && !file.labels().contains(cues)) {
                throw new IllegalStateException(FILE + ": speaker cues '" + cues + "' are not a label under phrases");
            }
            speakers.add(new Speaker(node.path("speaker").asText(), Set.copyOf(PhraseFile.strings(node.path("forms"))), cues));
        }
        List<String> matched = new ArrayList<>(labels);
        speakers.stream().map(Speaker::cues).filter(c -> !c.isEmpty() && !matched.contains(c)).forEach(matched::add);
        matched.add(CHILD_SUBJECT);
        double threshold = root.path("intent_only_min_confidence").asDouble(0.5);
        return new Loaded(file.matcher(matched), families, List.copyOf(speakers),
                FirstLineRules.read(root.path("first_lines")), threshold);
    }
}
