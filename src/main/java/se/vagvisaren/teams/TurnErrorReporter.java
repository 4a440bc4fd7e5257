package se.vagvisaren.teams;

import com.microsoft.bot.builder.OnTurnErrorHandler;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.connector.Async;
import com.microsoft.bot.schema.ActivityTypes;
import java.util.concurrent.CompletableFuture;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.ReplyTexts;

/**
 * Last line of defence for a turn that threw. Storage outages propagate (the controller answers 503
 * and Teams redelivers); anything else is logged with the activity id and the user gets a short apology
 * instead of silence.
 */
@RequiredArgsConstructor
class TurnErrorReporter implements OnTurnErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(TurnErrorReporter.class);

    private final ReplyTexts texts;

    @Override
    public CompletableFuture<Void> invoke(TurnContext turnContext, Throwable exception) {
        String activityId = turnContext.getActivity().getId();
        if (MessagesController.TransientFailures.isTransient(exception)) {
            return Async.completeExceptionally(exception);
        }
        log.error("Turn failed for activity {}", activityId, exception);
        if (!ActivityTypes.MESSAGE.equals(turnContext.getActivity().getType())) {
            return CompletableFuture.completedFuture(null);
        }
        Language language = Language.fromCode(turnContext.getActivity().getLocale());
        return turnContext.sendActivity(texts.get(language, "error.generic"))
                .handle((sent, sendError) -> {
                    if (sendError != null) {
                        log.warn("Could not tell the user about failed activity {}", activityId);
                    }
                    return null;
                });
    }
}
