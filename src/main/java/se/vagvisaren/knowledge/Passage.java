package se.vagvisaren.knowledge;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import se.vagvisaren.conversation.Language;

/**
 * One short knowledge-base passage: the unit that is retrieved, shown and cited.
 *
 * @param id       stable id, lower case letters, digits and dashes; unique over the knowledge base
 * @param title    short title
 * @param language language of the text
 * @param tags     topic words that boost retrieval; empty when none
 * @param question a typical question the passage answers, offered as a related-question button; may be {@code null}
 * @param related  ids of passages worth offering next; empty when none
 * @param source   citation
 * @param updated  when the text was last checked; {@code null} when unknown
 * @param text     the answer text (Teams Markdown), shown verbatim
 * @param origin   the file it was read from, relative to the knowledge root, for error messages
 * @param kind     what sort of answer it is; {@code null} when not given (imported documents, older files)
 * @param step     the handbook step (1–5) it belongs to; {@code null} when it belongs to none
 * @param audience who a support passage is for; {@code null} when not given
 * @param asked    other ways people put the question this passage answers, in everyday words; searched like
 *                 {@code question} but never shown, so that a question in words the text does not use still finds it;
 *                 empty when none
 * @param examples questions people really asked that this passage answers (from the question sets written for the
 *                 handbook search, docs/knowledge.md): searched and counted in a passage's share of a question like
 *                 {@code asked}, but never shown and not part of the vocabulary that decides whether a word is known
 *                 to the knowledge base, so that everyday words in them do not let off-topic questions through;
 *                 empty when none
 */
public record Passage(
        String id,
        String title,
        Language language,
        List<String> tags,
        String question,
        List<String> related,
        PassageSource source,
        LocalDate updated,
        String text,
        String origin,
        PassageKind kind,
        Integer step,
        Audience audience,
        List<String> asked,
        List<String> examples) {

    public Passage {
        tags = tags == null ? List.of() : List.copyOf(tags);
        related = related == null ? List.of() : List.copyOf(related);
        asked = asked == null ? List.of() : List.copyOf(asked);
        examples = examples == null ? List.of() : List.copyOf(examples);
    }

    /** A passage without example questions. */
    public Passage(String id, String title, Language language, List<String> tags, String question, List<String> related,
                   PassageSource source, LocalDate updated, String text, String origin, PassageKind kind, Integer step,
                   Audience audience, List<String> asked) {
        this(id, title, language, tags, question, related, source, updated, text, origin, kind, step, audience, asked,
                List.of());
    }

    /** A passage without other phrasings of its question. */
    public Passage(String id, String title, Language language, List<String> tags, String question, List<String> related,
                   PassageSource source, LocalDate updated, String text, String origin, PassageKind kind, Integer step,
                   Audience audience) {
        this(id, title, language, tags, question, related, source, updated, text, origin, kind, step, audience, List.of());
    }

    /** A passage without kind, step or audience (imported documents). */
    public Passage(String id, String title, Language language, List<String> tags, String question, List<String> related,
                   PassageSource source, LocalDate updated, String text, String origin) {
        this(id, title, language, tags, question, related, source, updated, text, origin, null, null, null);
    }

    /** A passage that is only a text to rank (see {@link CandidateRanker}): no title, tags or citation. */
    static Passage bodyOnly(String id, Language language, String text) {
        return new Passage(id, "", language, List.of(), null, List.of(), new PassageSource("", null, null), null, text, id,
                null, null, null);
    }

    /** The same passage citing {@code newSource}; used by the loader to drop a malformed url. */
    Passage withSource(PassageSource newSource) {
        return new Passage(id, title, language, tags, question, related, newSource, updated, text, origin, kind, step,
                audience, asked, examples);
    }

    /** The same passage offering only {@code newRelated}; used by the loader to drop links to missing ids. */
    Passage withRelated(List<String> newRelated) {
        return new Passage(id, title, language, tags, question, newRelated, source, updated, text, origin, kind, step,
                audience, asked, examples);
    }

    /**
     * The same passage without the example questions in {@code heldOut}: an evaluation must not count a question
     * that the passage carries as an example (see {@link RetrievalEvaluation}).
     */
    Passage withoutExamples(Predicate<String> heldOut) {
        List<String> kept = examples.stream().filter(heldOut.negate()).toList();
        return kept.size() == examples.size() ? this : new Passage(id, title, language, tags, question, related, source,
                updated, text, origin, kind, step, audience, asked, kept);
    }
}
