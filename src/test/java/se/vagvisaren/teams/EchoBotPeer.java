package se.vagvisaren.teams;

import com.microsoft.bot.builder.ActivityHandler;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.connector.authentication.SimpleChannelProvider;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.microsoft.bot.integration.BotFrameworkHttpAdapter;
import com.microsoft.bot.schema.Activity;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The honest peer of the load test: the Bot Framework SDK's own echo bot, as its Java sample (02.echo-bot) deploys
 * it: the SDK's {@link BotFrameworkHttpAdapter} with default settings (no app id: the same local no-auth mode as the
 * bot under test), an {@link ActivityHandler} that replies with the text and keeps no state, and a Spring controller
 * that hands the activity to the adapter. It replies through the activity's serviceUrl, so it uses the same WireMock
 * connector as the bot.
 */
@TestConfiguration(proxyBeanMethods = false)
class EchoBotPeer {

    static final String PATH = "/test/echo";

    /** Replies with the user's text, as the SDK sample does. */
    static final class EchoBot extends ActivityHandler {
        @Override
        protected CompletableFuture<Void> onMessageActivity(TurnContext turnContext) {
            return turnContext.sendActivity(MessageFactory.text("Echo: " + turnContext.getActivity().getText()))
                    .thenApply(sent -> null);
        }
    }

    /**
     * The sample's BotController, on its own path so it can run next to {@code /api/messages}. Registered as a
     * member class of this configuration; it builds its own adapter so no SDK bean enters the bot's context.
     */
    @RestController
    static final class EchoController {

        private final BotFrameworkHttpAdapter adapter =
                new BotFrameworkHttpAdapter(new SimpleCredentialProvider(), new SimpleChannelProvider());
        private final EchoBot bot = new EchoBot();

        @PostMapping(PATH)
        CompletableFuture<ResponseEntity<Object>> incoming(@RequestBody Activity activity,
                @RequestHeader(value = "Authorization", defaultValue = "") String authHeader) {
            return adapter.processIncomingActivity(authHeader, activity, bot).handle((result, exception) -> {
                if (exception != null) {
                    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).build();
                }
                return result != null ? ResponseEntity.status(result.getStatus()).body(result.getBody())
                        : ResponseEntity.status(HttpStatus.ACCEPTED).build();
            });
        }
    }
}
