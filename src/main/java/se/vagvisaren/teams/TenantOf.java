package se.vagvisaren.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;

/** Finds the tenant of an activity: {@code conversation.tenantId}, else {@code channelData.tenant.id}. */
final class TenantOf {

    private TenantOf() {
    }

    static String activity(Activity activity) {
        if (activity.getConversation() != null && notBlank(activity.getConversation().getTenantId())) {
            return activity.getConversation().getTenantId();
        }
        Object channelData = activity.getChannelData();
        if (channelData != null) {
            JsonNode node = ActivityReader.MAPPER.valueToTree(channelData);
            JsonNode id = node.path("tenant").path("id");
            if (id.isTextual() && notBlank(id.asText())) {
                return id.asText();
            }
        }
        return "";
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
