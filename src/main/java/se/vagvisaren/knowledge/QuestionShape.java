package se.vagvisaren.knowledge;

import java.util.Set;

/**
 * What kind of answer a question wants, read from its wording by {@link QuestionReader}.
 *
 * @param concern    who is speaking when the question is about danger or violence close to them; {@link Concern#NONE} otherwise
 * @param step       the handbook step the question names ("steg 3", "the final step"), or {@code null}
 * @param section    a handbook section number the question names ("2.1"), or {@code null}
 * @param overview   it asks about the five steps as a whole ("vilka steg finns", "how many steps")
 * @param definition it asks what something is or means ("vad står MVP för", "what is X")
 * @param list       it asks for an enumeration ("vilka former av våld finns", "which municipalities")
 * @param topic      besides the cue words it names a topic of the knowledge base ("steg 3" has none,
 *                   "förändringsfaktorer i steg 3" has one)
 * @param rest       the question without its step words, step numbers and other cue words ("förändringsfaktorer
 *                   i"); searched within a step, where the step words would only favour the step's overview
 */
record QuestionShape(Concern concern, Integer step, String section, boolean overview, boolean definition,
                     boolean list, boolean topic, String rest) {

    /** Who is speaking when the question is about violence in the asker's own relationship. */
    enum Concern {
        NONE(null, Set.of(), false),
        /** Uses violence, or fears they will: gets the line for people who use violence. Checked first. */
        USES_VIOLENCE("uses-violence", Set.of(Audience.USES_VIOLENCE), true),
        /** In danger now ("he is outside the door"): 112 and victim support before anything else. */
        DANGER_NOW("danger-now", Set.of(Audience.ANYONE, Audience.VICTIM), true),
        /** Thinks of taking their own life: the suicide line before anything else. */
        SUICIDAL("suicidal", Set.of(Audience.ANYONE), true),
        /** Staff worried about a child or young person: the lines for that (staff and children) first. */
        WORRIED_ABOUT_CHILD("worried-about-child", Set.of(Audience.STAFF, Audience.CHILD), true),
        /** A child or young person hurt or frightened by a parent ("pappa slår mig"): the children's line first. */
        CHILD_AFRAID("child-afraid", Set.of(Audience.CHILD, Audience.ANYONE), true),
        /**
         * Afraid of, or hurt by, someone close: support for victims, never the line for people who use violence;
         * a question that also names a handbook topic may still get that topic's passage.
         */
        AFRAID("afraid", Set.of(Audience.VICTIM, Audience.ANYONE), false);

        private final String code;
        private final Set<Audience> audiences;
        private final boolean supportFirst;

        Concern(String code, Set<Audience> audiences, boolean supportFirst) {
            this.code = code;
            this.audiences = audiences;
            this.supportFirst = supportFirst;
        }

        /** Its key in {@code question-types.yaml} (patterns and {@code expand}); {@code null} for {@link #NONE}. */
        String code() {
            return code;
        }

        /** The support passages' audiences this person needs. */
        Set<Audience> audiences() {
            return audiences;
        }

        /** Whether support passages come before any search hit (otherwise only when no hit is good enough). */
        boolean supportFirst() {
            return supportFirst;
        }
    }

}
