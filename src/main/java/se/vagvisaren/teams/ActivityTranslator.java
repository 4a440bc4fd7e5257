package se.vagvisaren.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ActionTypes;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.CardAction;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.SuggestedActions;
import com.microsoft.bot.schema.TextFormatTypes;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;
import se.vagvisaren.conversation.ConversationKey;
import se.vagvisaren.conversation.IncomingMessage;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.conversation.Scope;
import se.vagvisaren.conversation.Sender;

/** Converts between SDK activities and our own {@link IncomingMessage} / {@link Reply} records. */
final class ActivityTranslator {

    static final String ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";

    private static final Pattern AT_TAGS = Pattern.compile("<at>[^<]*</at>");
    private static final Pattern HTML_TAGS = Pattern.compile("<[^>]{1,200}>");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private ActivityTranslator() {
    }

    static IncomingMessage toMessage(Activity activity) {
        ChannelAccount from = activity.getFrom();
        String stableId = from.getAadObjectId() != null && !from.getAadObjectId().isBlank()
                ? from.getAadObjectId() : from.getId();
        OffsetDateTime ts = activity.getTimestamp();
        return new IncomingMessage(
                activity.getId(),
                new ConversationKey(TenantOf.activity(activity), activity.getConversation().getId()),
                scopeOf(activity),
                activity.teamsGetTeamId(),
                activity.teamsGetChannelId(),
                new Sender(stableId, from.getId(), from.getName()),
                ActivityTypes.MESSAGE.equals(activity.getType()) ? cleanText(activity) : "",
                Language.fromCode(activity.getLocale()),
                ts != null ? ts.toInstant() : Instant.now());
    }

    static Scope scopeOf(Activity activity) {
        String type = activity.getConversation() == null ? null : activity.getConversation().getConversationType();
        if ("channel".equals(type)) {
            return Scope.CHANNEL;
        }
        if ("groupChat".equals(type)) {
            return Scope.GROUP_CHAT;
        }
        if (type == null && activity.teamsGetChannelId() != null) {
            return Scope.CHANNEL;
        }
        return Scope.PERSONAL;
    }

    /**
     * The user's words without the bot's @mention, other {@code <at>} tags, HTML tags or extra spaces.
     * In channels Teams sends {@code <at>Vägvisaren</at> fråga}; only the question should reach NLU.
     */
    static String cleanText(Activity activity) {
        if (activity.getText() == null) {
            return "";
        }
        String text = activity.getText();
        // Teams writes mentions as <at> tags, which AT_TAGS removes below; only other clients need the SDK's
        // entity-based removal, which clones the whole activity (a JSON round trip) on every message.
        boolean tagged = text.contains("<at>");
        try {
            boolean mentions = activity.getEntities() != null
                    && activity.getEntities().stream().anyMatch(e -> e != null && "mention".equalsIgnoreCase(e.getType()));
            Activity copy = tagged || !mentions ? null : Activity.clone(activity);
            String stripped = copy == null ? null : copy.removeRecipientMention();
            if (stripped != null) {
                text = stripped;
            }
        } catch (RuntimeException e) {
            // a malformed mention entity must not stop the message; fall back to tag removal below
        }
        text = AT_TAGS.matcher(text).replaceAll(" ");
        text = HTML_TAGS.matcher(text).replaceAll(" ");
        text = text.replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    /** A reply as a Teams message activity: Markdown text and/or one Adaptive Card attachment. */
    static Activity toActivity(Reply reply) {
        Activity activity = new Activity(ActivityTypes.MESSAGE);
        if (reply.text() != null) {
            activity.setText(reply.text());
            activity.setTextFormat(TextFormatTypes.MARKDOWN);
        }
        if (reply.card() != null) {
            Attachment attachment = new Attachment();
            attachment.setContentType(ADAPTIVE_CARD);
            // Not a Map (the SDK's Map/List reflection breaks on Java 17) and not a bare JsonNode (validated node by node).
            attachment.setContent(new CardContent(ExecuteFallbacks.ensure(reply.card())));
            activity.setAttachments(List.of(attachment));
            if (reply.text() != null) {
                activity.setText(null);
                activity.setSummary(reply.text());
            }
        }
        if (!reply.suggestions().isEmpty()) {
            activity.setSuggestedActions(suggestedActions(reply.suggestions()));
        }
        return activity;
    }

    /** Tap-to-send buttons: Teams posts the value as the user's message (imBack), shown in 1:1 chats only. */
    private static SuggestedActions suggestedActions(List<String> texts) {
        SuggestedActions actions = new SuggestedActions();
        actions.setActions(texts.stream().map(text -> new CardAction(ActionTypes.IM_BACK, text, text)).toList());
        return actions;
    }

    /** Card data from an {@code Action.Submit} message ({@code value}) or an invoke value. */
    static JsonNode valueOf(Activity activity) {
        Object value = activity.getValue();
        return value == null ? null : ActivityReader.MAPPER.valueToTree(value);
    }
}
