package se.vagvisaren.nlu;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/** Answers parse requests for the HTTP endpoint and the command line with the bot's own understanding. */
@Service
public class ParseService {

    /** Longer text is cut before understanding; a chat message never needs more. */
    static final int MAX_TEXT = 10_000;

    private final MessageUnderstanding understanding;
    private final NluProperties properties;
    private final Clock clock;

    public ParseService(MessageUnderstanding understanding, NluProperties properties, ObjectProvider<Clock> clock) {
        this.understanding = understanding;
        this.properties = properties;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** @throws IllegalArgumentException when {@code now} or {@code zone} cannot be read */
    public ParseResponse parse(ParseRequest request) {
        String text = request.text() == null ? "" : request.text();
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT);
        }
        return ParseResponse.of(understanding.understand(text, request.locale(),
                request.resolveNow(clock, properties.zone())));
    }
}
