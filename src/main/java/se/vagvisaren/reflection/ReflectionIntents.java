package se.vagvisaren.reflection;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import se.vagvisaren.admin.WorkspaceZones;
import se.vagvisaren.conversation.IncomingMessage;
import se.vagvisaren.conversation.IntentHandler;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.RecognizedIntent;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.conversation.ReplyTexts;
import se.vagvisaren.language.dates.DateParser;
import se.vagvisaren.reflection.ReflectionPhrases.Command;

/**
 * Chat entry point of the feature: {@code reflection_start} ("starta reflektion", "kör övningen om normer
 * varje måndag kl 9 i fyra veckor") and {@code reflection_list}. The commands around an exercise
 * ("avsluta övningen", "radera mina svar", "endast utbildare får starta övningar") are read from the text
 * first, whichever of the two intents brought the message here.
 */
@Component
@RequiredArgsConstructor
class ReflectionIntents implements IntentHandler {

    static final String START = "reflection_start";
    static final String LIST = "reflection_list";

    private final ReflectionCommands commands;
    private final ReflectionPhrases phrases;
    private final ExerciseCatalog catalog;
    private final WorkspaceZones zones;
    private final ReflectionProperties properties;
    private final ReplyTexts texts;
    private final Clock clock;
    private final DateParser dates;

    @Override
    public Set<String> intents() {
        return Set.of(START, LIST);
    }

    @Override
    public List<Reply> handle(IncomingMessage message, RecognizedIntent intent) {
        Optional<Command> command = phrases.command(message.text());
        if (command.isPresent()) {
            return run(command.get(), message).replies();
        }
        if (LIST.equals(intent.name())) {
            return commands.picker(message, catalog.all(), List.of(), false).replies();
        }
        return start(message, intent).replies();
    }

    private ReflectionCommands.Outcome run(Command command, IncomingMessage message) {
        return switch (command) {
            case CLOSE -> commands.closeLatest(message);
            case SHOW_RESULTS -> commands.showResults(message);
            case DELETE_MINE -> commands.deleteMine(message);
            case LAUNCH_FACILITATORS_ONLY -> commands.setFacilitatorsOnly(message, true);
            case LAUNCH_EVERYONE -> commands.setFacilitatorsOnly(message, false);
            case SETTINGS -> commands.settingsCard(message);
            case CANCEL_SCHEDULE -> commands.cancelSchedule(message);
            case NAMED -> throw new IllegalStateException("NAMED is a launch option, not a command");
        };
    }

    private ReflectionCommands.Outcome start(IncomingMessage message, RecognizedIntent intent) {
        boolean named = phrases.asksForNamed(message.text());
        List<Exercise> matches = catalog.named(message.text());
        Optional<LaunchSchedule.Parsed> schedule = schedule(message, intent);
        if (schedule.isPresent()) {
            LaunchSchedule.Parsed parsed = schedule.get();
            if (parsed.problem() != null) {
                return problem(message.language(), parsed.problem());
            }
            if (matches.size() == 1) {
                return commands.plan(message, matches.get(0), named, parsed.times());
            }
            return commands.picker(message, matches.isEmpty() ? catalog.all() : matches,
                    parsed.times().stream().map(ZonedDateTime::toInstant).toList(), false);
        }
        if (matches.size() == 1) {
            return commands.launch(message, matches.get(0), named, message.activityId());
        }
        return commands.picker(message, matches.isEmpty() ? catalog.all() : matches, List.of(), matches.size() > 1);
    }

    /** The schedule in the text, else a date/time entity from the NLU, else none. */
    private Optional<LaunchSchedule.Parsed> schedule(IncomingMessage message, RecognizedIntent intent) {
        ZoneId zone = zones.of(message.workspaceId());
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        Optional<LaunchSchedule.Parsed> parsed = LaunchSchedule.from(dates.parse(message.text(), now), now,
                properties.maxOccurrences());
        if (parsed.isPresent()) {
            return parsed;
        }
        return intent.entities().stream()
                .filter(e -> "datetime".equals(e.type()) && e.date() != null)
                .findFirst()
                .map(e -> LaunchSchedule.from(e.date(), now));
    }

    private ReflectionCommands.Outcome problem(Language lang, LaunchSchedule.Parsed.Problem problem) {
        String text = switch (problem) {
            case PAST -> texts.get(lang, "reflection.schedule.past");
            case TOO_MANY -> texts.get(lang, "reflection.schedule.too-many", "max", properties.maxOccurrences());
            case COUNT_MISSING -> texts.get(lang, "reflection.schedule.how-many");
        };
        return ReflectionCommands.Outcome.refusal(Reply.text(text));
    }
}
