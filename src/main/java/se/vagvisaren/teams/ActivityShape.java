package se.vagvisaren.teams;

import com.microsoft.bot.connector.Channels;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;

/**
 * Checks and tidies the parts of an activity that the SDK and our storage take for granted, so that
 * a malformed activity is refused with 400 at the edge instead of failing deep inside a turn with 500
 * (each rule below was found by {@code ActivityFuzzTest}). Real Teams activities pass unchanged, except
 * that Teams channel data is converted to its SDK type once here instead of on every access later.
 */
final class ActivityShape {

    /** Column sizes of conversation_reference and known_user (V1 migration). */
    static final int MAX_GUID_LIKE = 128;
    static final int MAX_ACCOUNT_ID = 256;
    static final int MAX_CONVERSATION_ID = 512;
    static final int MAX_SERVICE_URL = 1024;

    private ActivityShape() {
    }

    /** @throws ActivityReader.InvalidActivityException (400) when the activity cannot be processed safely */
    static void check(Activity activity) {
        if ((ActivityTypes.EVENT.equals(activity.getType()) || ActivityTypes.INVOKE.equals(activity.getType()))
                && isBlank(activity.getName())) {
            throw refuse("Event or invoke has no name"); // the SDK switches on the name
        }
        if (activity.getConversation() != null) {
            requireLength(activity.getConversation().getId(), MAX_CONVERSATION_ID, "conversation id");
            requireLength(activity.getConversation().getTenantId(), MAX_GUID_LIKE, "tenant id");
        }
        requireAccount(activity.getFrom(), "sender");
        requireAccount(activity.getRecipient(), "recipient");
        requireLength(activity.getServiceUrl(), MAX_SERVICE_URL, "serviceUrl");
        requireMembers(activity.getMembersAdded());
        requireMembers(activity.getMembersRemoved());
        if (activity.getLocale() != null && !isLanguageTag(activity.getLocale())) {
            activity.setLocale(null); // the SDK throws on an invalid tag; no locale means our default language
        }
        boolean teams = Channels.MSTEAMS.equals(activity.getChannelId());
        TeamsChannelData data = typedChannelData(activity.getChannelData());
        if (teams && data == null && activity.getChannelData() != null) {
            throw refuse("channelData is not Teams channel data");
        }
        if (data != null) {
            requireLengths(data); // the SDK's teamsGet* read it whatever the channel, and we store what they return
        }
        if (teams) {
            // Teams always sends channel data; without it the SDK's teamsGet* methods throw. Typed once here,
            // the SDK's many later reads of it need no conversion.
            data = data == null ? new TeamsChannelData() : data;
            activity.setChannelData(data);
            if (ActivityTypes.CONVERSATION_UPDATE.equals(activity.getType()) && activity.getMembersAdded() == null
                    && activity.getMembersRemoved() == null && isBlank(data.getEventType())) {
                throw refuse("Teams conversation update without members or event type"); // the SDK switches on it
            }
        }
    }

    /** The channel data as the SDK's Teams type, or {@code null} when absent or not convertible. */
    private static TeamsChannelData typedChannelData(Object channelData) {
        if (channelData == null || channelData instanceof TeamsChannelData) {
            return (TeamsChannelData) channelData;
        }
        try {
            return ActivityReader.MAPPER.convertValue(channelData, TeamsChannelData.class);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void requireLengths(TeamsChannelData data) {
        requireLength(data.getTeamsTeamId(), MAX_CONVERSATION_ID, "team id");
        requireLength(data.getTeamsChannelId(), MAX_CONVERSATION_ID, "channel id");
        requireLength(data.getTeam() == null ? null : data.getTeam().getId(), MAX_CONVERSATION_ID, "team id");
        requireLength(data.getChannel() == null ? null : data.getChannel().getId(), MAX_CONVERSATION_ID, "channel id");
        requireLength(data.getTenant() == null ? null : data.getTenant().getId(), MAX_GUID_LIKE, "tenant id");
    }

    private static void requireAccount(ChannelAccount account, String what) {
        if (account != null) {
            requireLength(account.getId(), MAX_ACCOUNT_ID, what + " id");
            requireLength(account.getAadObjectId(), MAX_GUID_LIKE, what + " object id");
        }
    }

    private static void requireMembers(List<ChannelAccount> members) {
        if (members == null) {
            return;
        }
        for (ChannelAccount member : members) {
            if (member == null || isBlank(member.getId())) {
                throw refuse("Member without id"); // the SDK looks every added member up by id
            }
            requireAccount(member, "member");
        }
    }

    private static void requireLength(String value, int max, String what) {
        if (value != null && value.length() > max) {
            throw refuse("Activity " + what + " longer than " + max + " characters");
        }
    }

    private static boolean isLanguageTag(String tag) {
        try {
            new Locale.Builder().setLanguageTag(tag);
            return true;
        } catch (IllformedLocaleException e) {
            return false;
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static ActivityReader.InvalidActivityException refuse(String reason) {
        return new ActivityReader.InvalidActivityException(400, reason);
    }
}
