package se.vagvisaren.progress;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import se.vagvisaren.conversation.ConversationKey;
import se.vagvisaren.conversation.DeliveryResult;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.OutboundMessages;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.conversation.ReplyTexts;
import se.vagvisaren.conversation.TeamsText;

/**
 * The weekly digest: per workspace, the updates of the past week by step, deadlines coming up and
 * quiet steps ("inget nytt i steg 3 på 6 veckor"), posted to the team's General channel when the bot
 * knows it, otherwise to the conversation the team last used for progress. Each workspace gets at most
 * one digest per week, also when the task runs again.
 */
@Service
@RequiredArgsConstructor
class WeeklyDigest {

    private static final Logger log = LoggerFactory.getLogger(WeeklyDigest.class);

    private final ProgressStore store;
    private final DigestLedger ledger;
    private final WorkspaceSummaries summaries;
    private final SummaryCards cards;
    private final OutboundMessages outbound;
    private final ReplyTexts texts;
    private final DateLabels dates;
    private final ProgressProperties properties;
    private final Clock clock;

    /**
     * Posts the digest of the week ending at {@code slot} to every workspace that has not had it yet.
     *
     * @return how many workspaces could not be reached for a reason worth retrying
     */
    int postAll(Instant slot) {
        DigestSchedule schedule = DigestSchedule.of(properties, dates.zone());
        Instant from = schedule.previous(slot);
        String periodKey = slot.atZone(schedule.zone()).toLocalDate().toString();
        int retryable = 0;
        for (DigestLedger.DigestTarget target : ledger.targets()) {
            if (!ledger.claim(target.workspaceId(), periodKey, clock.instant())) {
                continue;
            }
            Optional<Reply> digest = compose(target.workspaceId(), from, slot, Language.SV);
            if (digest.isEmpty()) {
                continue;
            }
            DeliveryResult result = deliver(target, digest.get());
            if (result.status() == DeliveryResult.Status.FAILED_RETRYABLE) {
                ledger.release(target.workspaceId(), periodKey);
                retryable++;
            }
            log.info("Weekly digest {} for workspace {}: {}", periodKey, target.workspaceId(), result.status());
        }
        return retryable;
    }

    /**
     * The digest of one workspace for {@code [from, to)}; empty when the workspace never reported anything.
     */
    Optional<Reply> compose(String workspaceId, Instant from, Instant to, Language lang) {
        WorkspaceSummaries.WorkspaceSummary summary = summaries.summarise(workspaceId, to);
        if (summary.firstUpdate() == null) {
            return Optional.empty();
        }
        String p = "progress.digest.";
        LocalDate last = to.atZone(dates.zone()).toLocalDate().minusDays(1);
        ObjectNode card = cards.header(texts.get(lang, p + "title"), texts.get(lang, p + "subtitle",
                "week", last.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), "from", dates.day(from), "to", last));
        ArrayNode body = card.withArray("body");

        List<ProgressUpdate> updates = store.latest(workspaceId, from, to, List.of(), properties.listLimit());
        int total = store.count(workspaceId, from, to, List.of());
        body.add(CardItems.heading(texts.get(lang, p + "new", "count", total)));
        if (updates.isEmpty()) {
            body.add(CardItems.text(texts.get(lang, p + "no-new")));
        } else {
            cards.appendByStep(body, updates, lang);
            if (total > updates.size()) {
                body.add(CardItems.subtle(texts.get(lang, p + "more", "count", total - updates.size())));
            }
        }

        body.add(CardItems.heading(texts.get(lang, p + "deadlines")));
        if (summary.deadlines().isEmpty()) {
            body.add(CardItems.text(texts.get(lang, p + "no-deadlines", "days", properties.deadlineHorizon().toDays())));
        }
        for (UpcomingDeadlines.UpcomingDeadline d : summary.deadlines()) {
            body.add(CardItems.text(dates.dayTime(d.due()) + " – " + TeamsText.escape(TeamsText.shorten(d.title(), 200))));
        }

        if (!summary.quietSteps().isEmpty()) {
            body.add(CardItems.heading(texts.get(lang, p + "quiet")));
            for (int step : summary.quietSteps()) {
                String key = summary.lastPerStep().containsKey(step) ? p + "quiet-step" : p + "never-step";
                body.add(CardItems.text(texts.get(lang, key, "step", step, "weeks", summary.quietWeeks(step))));
            }
        }
        body.add(CardItems.subtle(texts.get(lang, p + "footer")));
        return Optional.of(Reply.card(texts.get(lang, p + "title"), card));
    }

    /** Tries the team's General channel first, then the conversation the team last used. */
    private DeliveryResult deliver(DigestLedger.DigestTarget target, Reply digest) {
        List<String> candidates = new ArrayList<>();
        if (target.teamId() != null) {
            candidates.add(target.teamId());
        }
        if (!candidates.contains(target.lastConversationId())) {
            candidates.add(target.lastConversationId());
        }
        DeliveryResult result = null;
        for (String conversationId : candidates) {
            result = outbound.send(new ConversationKey(target.tenantId(), conversationId), digest);
            if (result.status() != DeliveryResult.Status.UNKNOWN_TARGET && result.status() != DeliveryResult.Status.GONE) {
                return result;
            }
        }
        return result;
    }
}
