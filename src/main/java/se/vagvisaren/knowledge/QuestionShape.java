package se.vagvisaren.knowledge;

/**
 * What kind of answer a question wants, read from its wording by {@link QuestionReader}.
 *
 * @param concern    a person afraid of someone, or someone who uses violence; {@link Concern#NONE} otherwise
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
        NONE,
        /** Afraid of, or hurt by, someone close: gets support for victims, never the line for people who use violence. */
        AFRAID,
        /** Uses violence, or fears they will: gets the line for people who use violence. */
        USES_VIOLENCE
    }

}
