package se.vagvisaren.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;

/**
 * The SDK's JSON setup for Bot Connector calls without its Azure-REST "flattening" layers. Those turn
 * every object into a tree, copy it, walk it with regular expressions and then write it: about 115 KB
 * of garbage per reply, the largest cost of a message in our load test (docs/performance.md). No Bot
 * Framework schema class uses what they exist for ({@code @JsonFlatten}, {@code additionalProperties}),
 * so the plain mapper, configured exactly like the SDK's own, writes the same JSON. One difference is
 * intended: a map key containing a dot is written as it is instead of being split into nested objects.
 */
final class ConnectorSerializer extends JacksonAdapter {

    @Override
    public ObjectMapper serializer() {
        return simpleMapper();
    }
}
