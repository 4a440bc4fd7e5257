package se.vagvisaren.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.builder.teams.TeamsInfo;
import com.microsoft.bot.schema.teams.TeamsPagedMembersResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.Scope;

/**
 * Decides who gets a card's automatic refresh (Universal Actions {@code refresh.userIds}), following
 * Microsoft's rule: in a conversation of at most 60 members Teams refreshes automatically for everyone when
 * {@code userIds} is left out; in a larger one only the listed users (at most 60) refresh automatically and
 * the others use "Refresh card" by hand. Every automatic refresh is an invoke to the bot, and a channel of
 * hundreds opening the card at once would otherwise be hundreds of calls.
 *
 * <p>So: 1:1 chats and conversations of ≤ 60 members get no {@code userIds}; larger ones get the person whose
 * message or press produced the card first, then members in roster order, 60 in all; when the roster cannot
 * be read, only that person. The member count is read once per conversation and hour.
 */
@Component
class RefreshAudience {

    /** Microsoft's limit for automatic refresh for everyone, and for the length of {@code userIds}. */
    static final int AUTOMATIC_FOR_ALL_UP_TO = 60;

    private static final Logger log = LoggerFactory.getLogger(RefreshAudience.class);

    /**
     * The first members of a conversation, in roster order.
     *
     * @param ids  member ids (Teams {@code 29:…} ids), at most one page
     * @param more whether Teams has further pages
     */
    record Roster(List<String> ids, boolean more) {
        Roster {
            ids = List.copyOf(ids);
        }

        boolean automaticForAll() {
            return !more && ids.size() <= AUTOMATIC_FOR_ALL_UP_TO;
        }
    }

    /** The roster of the turn's conversation; empty when Teams does not answer. */
    private final Function<TurnContext, Optional<Roster>> roster;
    private final Cache<String, Optional<Roster>> sizes = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofHours(1)).maximumSize(10_000).build();

    @Autowired
    RefreshAudience() {
        this(RefreshAudience::firstMembers);
    }

    RefreshAudience(Function<TurnContext, Optional<Roster>> roster) {
        this.roster = roster;
    }

    /**
     * The card to send in this turn: {@code card} itself when it has no {@code refresh}, else a copy whose
     * {@code refresh.userIds} follows the rule above.
     */
    JsonNode apply(JsonNode card, TurnContext turn) {
        if (card == null || !card.path("refresh").isObject()) {
            return card;
        }
        ObjectNode copy = card.deepCopy();
        ObjectNode refresh = (ObjectNode) copy.get("refresh");
        if (ActivityTranslator.scopeOf(turn.getActivity()) == Scope.PERSONAL) {
            refresh.remove("userIds");
            return copy;
        }
        String conversation = turn.getActivity().getConversation().getId();
        Optional<Roster> members = sizes.getIfPresent(conversation);
        if (members == null) {
            members = roster.apply(turn);
            if (members.isPresent()) {
                sizes.put(conversation, members); // a failed look-up is tried again next time
            }
        }
        if (members.isPresent() && members.get().automaticForAll()) {
            refresh.remove("userIds");
            return copy;
        }
        Set<String> ids = new LinkedHashSet<>();
        if (turn.getActivity().getFrom() != null && turn.getActivity().getFrom().getId() != null) {
            ids.add(turn.getActivity().getFrom().getId());
        }
        members.ifPresent(r -> r.ids().stream().limit(AUTOMATIC_FOR_ALL_UP_TO).forEach(ids::add));
        ArrayNode userIds = refresh.putArray("userIds");
        ids.stream().limit(AUTOMATIC_FOR_ALL_UP_TO).forEach(userIds::add);
        return copy;
    }

    /**
     * The first page of the Teams roster (Teams' default page size), or empty when Teams does not answer. One
     * page only: the SDK 4.14.3 fails on the continuation call (IllegalArgumentException before any request),
     * and a further page already means "more than the page", so more than 60 with any realistic page size.
     */
    private static Optional<Roster> firstMembers(TurnContext turn) {
        try {
            TeamsPagedMembersResult page = TeamsInfo.getPagedMembers(turn, null).join();
            List<String> ids = new ArrayList<>();
            if (page != null && page.getMembers() != null) {
                page.getMembers().stream().filter(m -> m != null && m.getId() != null).forEach(m -> ids.add(m.getId()));
            }
            return Optional.of(new Roster(ids, page != null && page.getContinuationToken() != null));
        } catch (RuntimeException e) {
            log.warn("Could not read the members of conversation {} for card refresh: {}",
                    turn.getActivity().getConversation().getId(), e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
