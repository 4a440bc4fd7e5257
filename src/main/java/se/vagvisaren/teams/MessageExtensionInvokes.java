package se.vagvisaren.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.CardAction;
import com.microsoft.bot.schema.ThumbnailCard;
import com.microsoft.bot.schema.teams.MessagingExtensionAttachment;
import com.microsoft.bot.schema.teams.MessagingExtensionResponse;
import com.microsoft.bot.schema.teams.MessagingExtensionResult;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.ReplyTexts;
import se.vagvisaren.conversation.TeamsText;
import se.vagvisaren.knowledge.HandbookSearch;

/**
 * The search-based message extension "Sök i handboken" ({@code composeExtensions} in the app manifest):
 * answers {@code composeExtension/query} with a result list from the handbook search and
 * {@code composeExtension/selectItem} with the cited answer card that a chat answer uses.
 *
 * <p>Teams shows an HTTP error as a bare "something went wrong", so anything the user caused or the search
 * could not do is answered as a one-line message result; only requests Teams itself would never send (an
 * unknown command, no parameters, no passage id) get a 400 with one line.
 */
@Component
@RequiredArgsConstructor
class MessageExtensionInvokes {

    static final String QUERY = "composeExtension/query";
    static final String SELECT_ITEM = "composeExtension/selectItem";
    /** The command id and its one parameter, as declared in deployment/teams/manifest.json. */
    static final String COMMAND_ID = "searchHandbook";
    static final String QUERY_PARAMETER = "searchQuery";
    /** Teams sends this parameter instead of the query when the extension opens ({@code initialRun}). */
    static final String INITIAL_RUN = "initialRun";
    /** Longer text is a pasted paragraph, not a search; the chat is the place for long questions. */
    static final int MAX_QUERY_CHARS = 200;

    private static final Logger log = LoggerFactory.getLogger(MessageExtensionInvokes.class);
    private static final String THUMBNAIL = "application/vnd.microsoft.card.thumbnail";

    private final HandbookSearch search;
    private final ReplyTexts texts;
    private final MeterRegistry meters;

    /** Whether an invoke with this name belongs to the message extension. */
    static boolean handles(String invokeName) {
        return QUERY.equals(invokeName) || SELECT_ITEM.equals(invokeName);
    }

    /** The invoke response for a message-extension invoke; never throws. */
    InvokeResponse answer(Activity activity) {
        Language language = Language.fromCode(activity.getLocale());
        JsonNode value = ActivityTranslator.valueOf(activity);
        try {
            return SELECT_ITEM.equals(activity.getName()) ? select(value, language) : query(value, language);
        } catch (RuntimeException e) {
            // A search failure is told to the user in the list, not as an HTTP error Teams would hide.
            log.warn("Message extension {} failed for activity {}: {}", activity.getName(), activity.getId(),
                    e.getClass().getSimpleName());
            meters.counter("vagvisaren.message-extension", "outcome", "failed").increment();
            return message(texts.get(language, "knowledge.search.failed"));
        }
    }

    private InvokeResponse query(JsonNode value, Language language) {
        if (value == null || !value.isObject()) {
            return badRequest("Missing invoke value");
        }
        if (!COMMAND_ID.equals(value.path("commandId").asText(null))) {
            return badRequest("Unknown commandId");
        }
        JsonNode parameters = value.path("parameters");
        if (!parameters.isArray() || parameters.isEmpty()) {
            return badRequest("Missing parameters array");
        }
        Optional<String> typed = parameter(parameters, QUERY_PARAMETER);
        String query = typed.orElse("").strip();
        int count = Math.min(HandbookSearch.MAX_RESULTS, Math.max(1, value.path("queryOptions").path("count")
                .asInt(HandbookSearch.MAX_RESULTS)));
        if (query.isEmpty()) {
            if (typed.isEmpty() && parameter(parameters, INITIAL_RUN).isEmpty()) {
                return badRequest("No " + QUERY_PARAMETER + " parameter");
            }
            meters.counter("vagvisaren.message-extension", "outcome", "starting").increment();
            return results(search.starting(language, count), "", language);
        }
        if (query.length() > MAX_QUERY_CHARS) {
            return message(texts.get(language, "knowledge.search.too-long", "max", MAX_QUERY_CHARS));
        }
        List<HandbookSearch.Hit> hits = search.search(query, language, count);
        meters.counter("vagvisaren.message-extension", "outcome", hits.isEmpty() ? "nothing" : "results").increment();
        if (hits.isEmpty()) {
            return message(texts.get(language, "knowledge.search.nothing", "query", TeamsText.shorten(query, 60)));
        }
        return results(hits, query, language);
    }

    private InvokeResponse select(JsonNode value, Language language) {
        String passageId = value == null ? null : value.path("id").asText(null);
        if (passageId == null || passageId.isBlank()) {
            return badRequest("Missing passage id");
        }
        Language cardLanguage = value.hasNonNull("lang") ? Language.fromCode(value.path("lang").asText()) : language;
        String query = TeamsText.shorten(value.path("q").asText(""), MAX_QUERY_CHARS);
        Optional<ObjectNode> card = search.answerCard(passageId, query, cardLanguage);
        meters.counter("vagvisaren.message-extension", "outcome", card.isPresent() ? "selected" : "gone").increment();
        if (card.isEmpty()) {
            return message(texts.get(cardLanguage, "knowledge.search.gone"));
        }
        return ok(result(List.of(cardAttachment(card.get(), null))));
    }

    private InvokeResponse results(List<HandbookSearch.Hit> hits, String query, Language language) {
        List<MessagingExtensionAttachment> attachments = hits.stream()
                .map(hit -> cardAttachment(search.answerCard(hit.passageId(), query, language)
                        .orElseGet(se.vagvisaren.conversation.CardTemplates::emptyCard), preview(hit, query, language)))
                .toList();
        return ok(result(attachments));
    }

    /** The list entry: title, two lines of text, the section; tapping it asks for the card again (selectItem). */
    private static Attachment preview(HandbookSearch.Hit hit, String query, Language language) {
        ThumbnailCard card = new ThumbnailCard();
        card.setTitle(hit.title());
        card.setSubtitle(hit.section());
        card.setText(hit.preview());
        CardAction tap = new CardAction();
        tap.setType(com.microsoft.bot.schema.ActionTypes.INVOKE);
        tap.setValue(ActivityReader.MAPPER.createObjectNode()
                .put("id", hit.passageId()).put("q", query).put("lang", language.code()));
        card.setTap(tap);
        Attachment attachment = new Attachment();
        attachment.setContentType(THUMBNAIL);
        attachment.setContent(ActivityReader.MAPPER.valueToTree(card));
        return attachment;
    }

    private static MessagingExtensionAttachment cardAttachment(ObjectNode card, Attachment preview) {
        MessagingExtensionAttachment attachment = new MessagingExtensionAttachment();
        attachment.setContentType(ActivityTranslator.ADAPTIVE_CARD);
        attachment.setContent(new CardContent(card));
        if (preview != null) {
            attachment.setPreview(preview);
        }
        return attachment;
    }

    private static MessagingExtensionResult result(List<MessagingExtensionAttachment> attachments) {
        MessagingExtensionResult result = new MessagingExtensionResult();
        result.setType("result");
        result.setAttachmentLayout("list");
        result.setAttachments(attachments);
        return result;
    }

    /** A one-line text in place of the result list. */
    private static InvokeResponse message(String text) {
        MessagingExtensionResult result = new MessagingExtensionResult();
        result.setType("message");
        result.setText(text);
        return ok(result);
    }

    private static InvokeResponse ok(MessagingExtensionResult result) {
        return new InvokeResponse(HttpURLConnection.HTTP_OK, new MessagingExtensionResponse(result));
    }

    private static InvokeResponse badRequest(String reason) {
        return new InvokeResponse(HttpURLConnection.HTTP_BAD_REQUEST, Map.of("error", reason));
    }

    /** The value of the named parameter; empty when the array has no such entry. */
    private static Optional<String> parameter(JsonNode parameters, String name) {
        for (JsonNode parameter : parameters) {
            if (name.equals(parameter.path("name").asText(null))) {
                JsonNode v = parameter.path("value");
                return Optional.of(v.isValueNode() ? v.asText("") : "");
            }
        }
        return Optional.empty();
    }
}
