package se.vagvisaren.progress;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;
import se.vagvisaren.admin.WorkspaceZones;
import se.vagvisaren.conversation.IncomingMessage;
import se.vagvisaren.conversation.IntentHandler;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.RecognizedIntent;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.conversation.ReplyTexts;
import se.vagvisaren.conversation.Scope;

/**
 * Chat entry point of the progress feature. {@code progress_record}: "uppdatering: vi har genomfört
 * kartläggningen" is stored and confirmed with a card; a bare "uppdatering" gets the form.
 * {@code progress_list}: "visa framsteg steg 2 denna månad" lists the team's updates by step; a
 * county-board member asking for the overview (or its link) gets the cross-municipality summary.
 */
@Component
class ProgressIntents implements IntentHandler {

    static final String RECORD = "progress_record";
    static final String LIST = "progress_list";

    private final ProgressRecorder recorder;
    private final ProgressStore store;
    private final DigestLedger ledger;
    private final ProgressPhrases phrases;
    private final OutcomeReplies outcomes;
    private final UpdateCards updateCards;
    private final SummaryCards summaryCards;
    private final CountyRequests county;
    private final ReplyTexts texts;
    private final ProgressProperties properties;
    private final Clock clock;
    private final PersonalProgress personal;
    private final WorkspaceZones zones;

    ProgressIntents(PersonalProgress personal, ProgressRecorder recorder, ProgressStore store, DigestLedger ledger, ProgressPhrases phrases,
                    OutcomeReplies outcomes, UpdateCards updateCards, SummaryCards summaryCards,
                    CountyRequests county, ReplyTexts texts, ProgressProperties properties, WorkspaceZones zones,
                    Clock clock) {
        this.personal = personal;
        this.recorder = recorder;
        this.store = store;
        this.ledger = ledger;
        this.phrases = phrases;
        this.outcomes = outcomes;
        this.updateCards = updateCards;
        this.summaryCards = summaryCards;
        this.county = county;
        this.texts = texts;
        this.properties = properties;
        this.zones = zones;
        this.clock = clock;
    }

    @Override
    public Set<String> intents() {
        return Set.of(RECORD, LIST);
    }

    @Override
    public List<Reply> handle(IncomingMessage message, RecognizedIntent intent) {
        if (RECORD.equals(intent.name())) {
            return List.of(record(message));
        }
        if (phrases.asksOverview(message.text()) || phrases.asksLink(message.text())) {
            return county.answer(message);
        }
        if (message.scope() == Scope.PERSONAL) {
            return personal.list(message, this::list);
        }
        return List.of(list(message));
    }

    private Reply record(IncomingMessage message) {
        Language lang = message.language();
        String body = phrases.withoutRecordPrefix(message.text());
        if (body.isEmpty() || (!phrases.hasRecordPrefix(message.text()) && phrases.asksForForm(body))) {
            if (message.scope() == Scope.PERSONAL) {
                return Reply.text(texts.get(lang, "progress.personal.ask-text"));
            }
            Reply form = updateCards.newForm(lang);
            return Reply.card(texts.get(lang, "progress.record.ask"), form.card());
        }
        ProgressPhrases.StepMentions steps = phrases.steps(body);
        if (message.scope() == Scope.PERSONAL) {
            return personal.record(message, new ProgressRecorder.Draft(body, null, null, steps.valid(), steps.invalid()));
        }
        ProgressRecorder.Outcome outcome = recorder.record(message,
                new ProgressRecorder.Draft(body, null, null, steps.valid(), steps.invalid()));
        return outcomes.of(outcome, lang, "progress.card.title.recorded");
    }

    private Reply list(IncomingMessage message) {
        Language lang = message.language();
        ProgressPhrases.StepMentions steps = phrases.steps(message.text());
        if (!steps.invalid().isEmpty()) {
            return Reply.text(texts.get(lang, "progress.list.no-such-step", "steps", String.join(", ", steps.invalid())));
        }
        Instant now = clock.instant();
        ZonedDateTime localNow = ZonedDateTime.now(clock.withZone(zones.of(message.workspaceId())));
        Optional<ReportingPeriod> period = phrases.period(message.text(), localNow);
        Instant from = period.map(ReportingPeriod::from).orElse(Instant.EPOCH);
        Instant to = period.map(ReportingPeriod::to).orElse(now.plusSeconds(1));
        String ws = message.workspaceId();
        if (message.scope().isShared()) {
            ledger.remember(ws, message.conversation().tenantId(), message.teamId(),
                    message.conversation().conversationId(), now);
        }
        List<ProgressUpdate> updates = store.latest(ws, from, to, steps.valid(), properties.listLimit());
        String filter = filterLabel(period, steps, lang);
        if (updates.isEmpty()) {
            return Reply.text(texts.get(lang, "progress.list.empty", "filter", filter));
        }
        int total = store.count(ws, from, to, steps.valid());
        String subtitle = total > updates.size()
                ? texts.get(lang, "progress.list.showing-some", "filter", filter, "shown", updates.size(), "total", total)
                : texts.get(lang, "progress.list.showing-all", "filter", filter, "total", total);
        ObjectNode card = summaryCards.header(texts.get(lang, "progress.list.title"), subtitle);
        ArrayNode body = card.withArray("body");
        summaryCards.appendByStep(body, filterSteps(updates, steps), lang);
        return Reply.card(texts.get(lang, "progress.list.title"), card);
    }

    /** With a step filter, an update tagged 2 and 4 is listed only under the asked-for step. */
    private static List<ProgressUpdate> filterSteps(List<ProgressUpdate> updates, ProgressPhrases.StepMentions steps) {
        if (steps.valid().isEmpty()) {
            return updates;
        }
        List<ProgressUpdate> out = new ArrayList<>();
        for (ProgressUpdate u : updates) {
            var kept = new java.util.TreeSet<>(u.steps());
            kept.retainAll(steps.valid());
            out.add(new ProgressUpdate(u.id(), u.workspaceId(), u.tenantId(), u.conversationId(), u.channelId(),
                    u.authorId(), u.text(), u.link(), kept, u.stepsConfirmed(), u.createdAt(), u.editedAt()));
        }
        return out;
    }

    private String filterLabel(Optional<ReportingPeriod> period, ProgressPhrases.StepMentions steps, Language lang) {
        String when = period.map(p -> texts.get(lang, "progress.period." + p.kind()))
                .orElseGet(() -> texts.get(lang, "progress.period.all"));
        if (steps.valid().isEmpty()) {
            return when;
        }
        return texts.get(lang, "progress.list.filter-steps", "period", when,
                "steps", summaryCards.stepNumbers(steps.valid(), lang));
    }
}
