package se.vagvisaren.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import java.util.Map;

/** Finds the tenant of an activity: {@code conversation.tenantId}, else {@code channelData.tenant.id}; empty when neither. */
final class TenantOf {

    private TenantOf() {
    }

    static String activity(Activity activity) {
        if (activity.getConversation() != null && notBlank(activity.getConversation().getTenantId())) {
            return activity.getConversation().getTenantId();
        }
        // Called several times per message: read the deserialised channelData as it is instead of converting it.
        Object channelData = activity.getChannelData();
        Object tenantId = null;
        if (channelData instanceof TeamsChannelData teams) {
            tenantId = teams.getTenant() == null ? null : teams.getTenant().getId();
        } else if (channelData instanceof Map<?, ?> data && data.get("tenant") instanceof Map<?, ?> tenant) {
            tenantId = tenant.get("id");
        } else if (channelData instanceof JsonNode node) {
            JsonNode id = node.path("tenant").path("id");
            tenantId = id.isTextual() ? id.asText() : null;
        } else if (channelData != null && !(channelData instanceof Map)) { // e.g. a string from a non-Teams channel
            JsonNode id = ActivityReader.MAPPER.valueToTree(channelData).path("tenant").path("id");
            tenantId = id.isTextual() ? id.asText() : null;
        }
        return tenantId instanceof String s && notBlank(s) ? s : "";
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
