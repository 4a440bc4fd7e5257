package se.vagvisaren.routing;

/**
 * The order of the routing steps, lowest first, and why each step sits where it does. Each step class carries
 * its constant in {@code @Order}; {@code docs/architecture.md} shows the same table. Gaps of 100 leave room.
 */
final class StepOrder {

    private StepOrder() {
    }

    // Chat messages (MessagePipeline)

    /** Signs of danger get the support numbers before anything is stored, refused or answered. */
    static final int CRISIS = 100;
    /** After the crisis check, so a disclosure in an over-long text still gets the numbers; before any feature acts. */
    static final int TOO_LONG = 200;
    /** An @mention alone has nothing for the later steps to read: say how to go on instead. */
    static final int EMPTY = 300;
    /** "radera mina svar" read as a reflection request is narrower than the privacy erase, so it comes first. */
    static final int OWN_ANSWERS = 400;
    /** Showing or erasing personal data is recognised by fixed words before anything is guessed. */
    static final int PRIVACY = 500;
    /** Permission changes are recognised by fixed words too, and must never reach a guessing model. */
    static final int ROLES = 600;
    /** "svara på engelska" is a fixed phrase; after the commands so a command is never taken for a switch. */
    static final int LANGUAGE_SWITCH = 700;
    /** The bot's own menu and card words mean what the menu promises, whatever the model would guess. */
    static final int OWN_WORDS = 800;
    /** When the model cannot choose between two intents, asking beats guessing wrong. */
    static final int DISAMBIGUATION = 900;
    /** The feature that declares the intent the model read answers. */
    static final int INTENTS = 1000;
    /** Nothing above answered: the fallback does, so no message goes unanswered. */
    static final int FALLBACK = 10_000;

    // Card presses (CardActionPipeline)

    /** Text typed into a card gets the crisis reply before a feature could store it, as a message does. */
    static final int CARD_CRISIS = 100;
    /** A "did you mean…?" choice hands the original text to the chosen intent's handler. */
    static final int CHOSEN_INTENT = 200;
    /** The feature named by the verb prefix ({@code reflection.answer} → reflection) answers its own card. */
    static final int FEATURE_CARDS = 300;
    /** A missing verb, an unknown feature or a verb its feature does not know gets a polite refusal. */
    static final int UNKNOWN_CARD_ACTION = 10_000;
}
