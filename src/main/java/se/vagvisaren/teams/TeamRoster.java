package se.vagvisaren.teams;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.builder.teams.TeamsInfo;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Mention;
import com.microsoft.bot.schema.teams.TeamsChannelAccount;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.vagvisaren.admin.RoleCommands.MentionedPerson;

/**
 * Answers "who is this person?" for @mentions: the Teams user id in a mention is resolved to the
 * Entra object id that roles are stored under. Users seen before are known without a call; others are
 * looked up in the team roster ({@code GET /v3/conversations/{team}/members/{id}}), cached because the
 * roster endpoints are rate-limited.
 */
@Component
@RequiredArgsConstructor
class TeamRoster {

    private static final Logger log = LoggerFactory.getLogger(TeamRoster.class);

    private final KnownUsers knownUsers;
    private final Cache<String, Optional<String>> entraIds = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(30)).build();

    /** The people @mentioned in the activity, except the bot itself, in mention order. */
    List<MentionedPerson> mentionedPeople(TurnContext turnContext) {
        Activity activity = turnContext.getActivity();
        String botId = activity.getRecipient() == null ? null : activity.getRecipient().getId();
        List<MentionedPerson> people = new ArrayList<>();
        for (Mention mention : activity.getMentions()) {
            if (mention.getMentioned() == null || mention.getMentioned().getId() == null
                    || mention.getMentioned().getId().equals(botId)) {
                continue;
            }
            String channelUserId = mention.getMentioned().getId();
            people.add(new MentionedPerson(entraIdOf(turnContext, channelUserId).orElse(null),
                    mention.getMentioned().getName()));
        }
        return people;
    }

    private Optional<String> entraIdOf(TurnContext turnContext, String channelUserId) {
        String tenant = TenantOf.activity(turnContext.getActivity());
        Optional<String> known = knownUsers.userIdOf(tenant, channelUserId);
        if (known.isPresent()) {
            return known;
        }
        return entraIds.get(tenant + "|" + channelUserId, key -> lookUp(turnContext, channelUserId));
    }

    private static Optional<String> lookUp(TurnContext turnContext, String channelUserId) {
        try {
            TeamsChannelAccount member = TeamsInfo.getMember(turnContext, channelUserId).join();
            return Optional.ofNullable(member == null ? null : member.getAadObjectId());
        } catch (RuntimeException e) {
            log.info("Roster lookup failed in conversation {}: {}", turnContext.getActivity().getConversation().getId(),
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
