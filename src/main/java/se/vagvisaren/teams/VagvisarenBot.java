package se.vagvisaren.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.builder.teams.TeamsActivityHandler;
import com.microsoft.bot.restclient.RestException;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.AdaptiveCardInvokeResponse;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.teams.TeamInfo;
import com.microsoft.bot.schema.teams.TeamsChannelAccount;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.vagvisaren.admin.TeamRoles;
import se.vagvisaren.conversation.CardActionResult;
import se.vagvisaren.conversation.IncomingMessage;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.OutboundMessages;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.conversation.Scope;
import se.vagvisaren.replylanguage.ConversationLanguages;
import se.vagvisaren.routing.CardActionPipeline;
import se.vagvisaren.routing.CoreIntents;
import se.vagvisaren.routing.MessagePipeline;

/**
 * The one Teams activity handler. It only routes: remembers where it can speak, turns activities into
 * {@link IncomingMessage}s, hands text to the {@link MessagePipeline} and card presses to the
 * {@link CardActionPipeline} (both with this edge's text limit, {@code vagvisaren.teams.max-message-chars}), and
 * sends what they return. No business logic and no card building here.
 */
@Component
class VagvisarenBot extends TeamsActivityHandler {

    private static final Logger log = LoggerFactory.getLogger(VagvisarenBot.class);

    private final MessagePipeline messages;
    private final CardActionPipeline cardActions;
    private final TeamsProperties properties;
    private final ConversationReferences references;
    private final CoreIntents core;
    private final OutboundMessages outbound;
    private final KnownUsers knownUsers;
    private final TeamRoles roles;
    private final TeamRoster roster;
    private final TeamNames teamNames;
    private final WelcomeLedger welcomes;
    private final WorkspaceMembers members;
    private final ConversationLanguages languages;
    private final MessageExtensionInvokes messageExtension;
    private final RefreshAudience refreshAudience;
    private final RefreshPacing refreshPacing;

    VagvisarenBot(MessagePipeline messages, CardActionPipeline cardActions, TeamsProperties properties,
                  ConversationReferences references,
                  CoreIntents core, OutboundMessages outbound, KnownUsers knownUsers, TeamRoles roles,
                  TeamRoster roster, TeamNames teamNames, WelcomeLedger welcomes, ConversationLanguages languages,
                  WorkspaceMembers members, MessageExtensionInvokes messageExtension, RefreshAudience refreshAudience,
                  RefreshPacing refreshPacing) {
        this.messageExtension = messageExtension;
        this.refreshPacing = refreshPacing;
        this.refreshAudience = refreshAudience;
        this.members = members;
        this.welcomes = welcomes;
        this.languages = languages;
        this.roster = roster;
        this.teamNames = teamNames;
        this.roles = roles;
        this.knownUsers = knownUsers;
        this.messages = messages;
        this.cardActions = cardActions;
        this.properties = properties;
        this.references = references;
        this.core = core;
        this.outbound = outbound;
    }

    @Override
    public CompletableFuture<Void> onTurn(TurnContext turnContext) {
        String type = turnContext.getActivity().getType();
        if (MessageExtensionInvokes.handles(turnContext.getActivity().getName())) {
            // The compose-box search works in chats the bot was never added to: remember nothing about them.
            return super.onTurn(turnContext);
        }
        if (ActivityTypes.MESSAGE.equals(type) || ActivityTypes.CONVERSATION_UPDATE.equals(type)
                || ActivityTypes.INSTALLATION_UPDATE.equals(type) || ActivityTypes.INVOKE.equals(type)) {
            references.remember(turnContext.getActivity());
            knownUsers.remember(turnContext.getActivity());
            teamNames.remember(turnContext.getActivity());
        }
        if (ActivityTypes.MESSAGE.equals(type) || ActivityTypes.INVOKE.equals(type)) {
            members.remember(turnContext.getActivity());
        }
        return super.onTurn(turnContext);
    }

    @Override
    protected CompletableFuture<Void> onMessageActivity(TurnContext turnContext) {
        Activity activity = turnContext.getActivity();
        IncomingMessage message = ActivityTranslator.toMessage(activity);
        JsonNode value = ActivityTranslator.valueOf(activity);
        if (value != null && value.isObject() && message.text().isEmpty()) {
            // Action.Submit arrives as a message whose value holds the card data.
            CardActionResult result = cardActions.route(value.path("verb").asText(null), value, message,
                    activity.getReplyToId(), activity.getLocale(), properties.maxMessageChars());
            return answerSubmit(turnContext, message, result);
        }
        return send(turnContext, message,
                messages.route(message, activity.getLocale(), properties.maxMessageChars(),
                        () -> roster.mentionedPeople(turnContext)));
    }

    @Override
    protected CompletableFuture<InvokeResponse> onInvokeActivity(TurnContext turnContext) {
        Activity activity = turnContext.getActivity();
        if (MessageExtensionInvokes.handles(activity.getName())) {
            return CompletableFuture.completedFuture(messageExtension.answer(activity));
        }
        if (!"adaptiveCard/action".equals(activity.getName())) {
            return CompletableFuture.completedFuture(
                    CardInvokeResponses.error(HttpURLConnection.HTTP_BAD_REQUEST, "NotSupported", "Unsupported invoke"));
        }
        IncomingMessage message = ActivityTranslator.toMessage(activity);
        JsonNode value = ActivityTranslator.valueOf(activity);
        JsonNode action = value == null ? null : value.path("action");
        if (action == null || !action.isObject()) {
            return CompletableFuture.completedFuture(
                    CardInvokeResponses.error(HttpURLConnection.HTTP_BAD_REQUEST, "BadRequest", "Missing action"));
        }
        if (!refreshPacing.allow(activity, value)) {
            return CompletableFuture.completedFuture(CardInvokeResponses.of(
                    new CardActionResult(List.of(), null, "", CardActionResult.Outcome.DONE)));
        }
        CardActionResult result = cardActions.route(action.path("verb").asText(null), action.path("data"), message,
                activity.getReplyToId(), activity.getLocale(), properties.maxMessageChars());
        CardActionResult answered = result.updatedCard() == null ? result : new CardActionResult(result.replies(),
                refreshAudience.apply(result.updatedCard(), turnContext), result.toast(), result.outcome());
        return send(turnContext, message, result.replies())
                .thenApply(sent -> CardInvokeResponses.of(answered));
    }

    @Override
    protected CompletableFuture<Void> onInstallationUpdateAdd(TurnContext turnContext) {
        grantInstallerCoordinator(turnContext.getActivity());
        return welcome(turnContext);
    }

    @Override
    protected CompletableFuture<Void> onInstallationUpdateRemove(TurnContext turnContext) {
        references.markRemoved(turnContext.getActivity().getConversation().getId());
        welcomes.release(turnContext.getActivity().getConversation().getId());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected CompletableFuture<Void> onTeamsMembersAdded(List<TeamsChannelAccount> membersAdded, TeamInfo teamInfo,
                                                        TurnContext turnContext) {
        if (includesBot(membersAdded, turnContext)) {
            grantInstallerCoordinator(turnContext.getActivity());
            return welcome(turnContext);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected CompletableFuture<Void> onTeamsMembersRemoved(List<TeamsChannelAccount> membersRemoved,
                                                          TeamInfo teamInfo, TurnContext turnContext) {
        if (includesBot(membersRemoved, turnContext)) {
            if (teamInfo != null && teamInfo.getId() != null) {
                references.markTeamRemoved(teamInfo.getId());
            }
            references.markRemoved(turnContext.getActivity().getConversation().getId());
            welcomes.release(turnContext.getActivity().getConversation().getId());
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected CompletableFuture<Void> onMembersAdded(List<ChannelAccount> membersAdded, TurnContext turnContext) {
        // Non-Teams channels (Emulator, Playground in plain mode): welcome once when the bot joins.
        boolean botJoined = membersAdded.stream().anyMatch(m -> isBot(m.getId(), turnContext));
        return botJoined ? welcome(turnContext) : CompletableFuture.completedFuture(null);
    }

    /** The Bot Framework roster does not say who owns a team: whoever adds the bot becomes its first coordinator. */
    private void grantInstallerCoordinator(Activity activity) {
        if (ActivityTranslator.scopeOf(activity).isShared() && activity.getFrom() != null) {
            IncomingMessage context = ActivityTranslator.toMessage(activity);
            roles.grantFirstCoordinator(context.workspaceId(), activity.getFrom().getAadObjectId());
        }
    }

    /**
     * Welcomes once per install (Teams announces one install with two activities). A team or group chat is
     * welcomed in Swedish, the municipality's language, whatever the installer's client is set to; a 1:1
     * chat in the person's remembered language, else their client's.
     */
    private CompletableFuture<Void> welcome(TurnContext turnContext) {
        Activity activity = turnContext.getActivity();
        if (activity.getConversation() == null || !welcomes.claim(activity.getConversation().getId())) {
            return CompletableFuture.completedFuture(null);
        }
        Scope scope = ActivityTranslator.scopeOf(activity);
        Language language = Language.SV;
        if (scope == Scope.PERSONAL && activity.getFrom() != null) {
            IncomingMessage context = ActivityTranslator.toMessage(activity);
            language = languages.remembered(context.conversation(), context.sender().id(),
                    Language.fromCode(activity.getLocale()));
        }
        Reply reply = core.welcome(scope, language);
        return turnContext.sendActivity(ActivityTranslator.toActivity(reply)).thenApply(r -> null);
    }

    /** Sends replies in order; private ones in a shared conversation go to the sender's 1:1 chat. */
    private CompletableFuture<Void> send(TurnContext turnContext, IncomingMessage message, List<Reply> replies) {
        List<Activity> here = new ArrayList<>();
        for (Reply reply : replies) {
            if (reply.privateToSender() && message.scope().isShared()) {
                outbound.sendToUser(message.conversation().tenantId(), message.sender().id(), reply);
            } else {
                here.add(ActivityTranslator.toActivity(reply.hasCard()
                        ? reply.withCard(refreshAudience.apply(reply.card(), turnContext)) : reply));
            }
        }
        if (here.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return turnContext.sendActivities(here).thenApply(r -> null);
    }

    /**
     * Answers an {@code Action.Submit} press. There is no invoke response to carry a changed card, so the pressed
     * card (the activity's {@code replyToId}) is updated in place and only the other replies are posted. Without a
     * {@code replyToId}, or when Teams refuses the update (message deleted or too old: 404/400), the changed card
     * is posted as a new message instead, so the user still sees the outcome. Like the replies of a turn, the
     * update is not paced: only proactive sends are (see {@link OutboundSender}).
     */
    private CompletableFuture<Void> answerSubmit(TurnContext turnContext, IncomingMessage message,
                                                 CardActionResult result) {
        Activity pressed = turnContext.getActivity();
        String cardId = pressed.getReplyToId();
        if (result.updatedCard() == null || cardId == null || cardId.isBlank()) {
            return send(turnContext, message, withUpdatedCard(result));
        }
        Activity update = ActivityTranslator.toActivity(
                Reply.card(refreshAudience.apply(result.updatedCard(), turnContext)));
        update.setId(cardId);
        update.setConversation(pressed.getConversation());
        return turnContext.updateActivity(update)
                .handle((response, error) -> {
                    if (error != null) {
                        // No message text or card content: the cause's class and the connector status only.
                        log.warn("Could not update the pressed card in place ({}); posting it as a new message",
                                failureOf(error));
                    }
                    return error == null;
                })
                .thenCompose(updated -> send(turnContext, message,
                        updated ? result.replies() : withUpdatedCard(result)));
    }

    /** The connector's HTTP status when there is one, else the exception's class: nothing a user wrote. */
    private static String failureOf(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RestException rest && rest.response() != null) {
                return "HTTP " + rest.response().code();
            }
        }
        return error.getClass().getSimpleName();
    }

    /** The replies plus the changed card as a new message: the fallback when the card cannot be updated in place. */
    private static List<Reply> withUpdatedCard(CardActionResult result) {
        if (result.updatedCard() == null) {
            return result.replies();
        }
        List<Reply> replies = new ArrayList<>(result.replies());
        replies.add(Reply.card(result.updatedCard()));
        return replies;
    }

    private static boolean includesBot(List<TeamsChannelAccount> members, TurnContext turnContext) {
        return members != null && members.stream().anyMatch(m -> isBot(m.getId(), turnContext));
    }

    private static boolean isBot(String memberId, TurnContext turnContext) {
        ChannelAccount recipient = turnContext.getActivity().getRecipient();
        return recipient != null && memberId != null && memberId.equals(recipient.getId());
    }

    /** Builds the invoke responses Teams expects for {@code adaptiveCard/action}. */
    static final class CardInvokeResponses {
        private CardInvokeResponses() {
        }

        static InvokeResponse of(CardActionResult result) {
            if (result.outcome() == CardActionResult.Outcome.UNKNOWN_ACTION) {
                return error(HttpURLConnection.HTTP_BAD_REQUEST, "BadRequest", result.toast());
            }
            AdaptiveCardInvokeResponse body = new AdaptiveCardInvokeResponse();
            body.setStatusCode(HttpURLConnection.HTTP_OK);
            if (result.updatedCard() != null) {
                body.setType(ActivityTranslator.ADAPTIVE_CARD);
                body.setValue(ExecuteFallbacks.ensure(result.updatedCard()));
            } else {
                body.setType("application/vnd.microsoft.activity.message");
                body.setValue(result.toast() == null ? "OK" : result.toast());
            }
            return new InvokeResponse(HttpURLConnection.HTTP_OK, body);
        }

        static InvokeResponse error(int status, String code, String message) {
            AdaptiveCardInvokeResponse body = new AdaptiveCardInvokeResponse();
            body.setStatusCode(status);
            body.setType("application/vnd.microsoft.error");
            body.setValue(java.util.Map.of("code", code, "message", message == null ? code : message));
            return new InvokeResponse(status, body);
        }
    }
}
