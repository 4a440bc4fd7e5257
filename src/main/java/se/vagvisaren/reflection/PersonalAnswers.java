package se.vagvisaren.reflection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The answers that can be linked to one person, for GDPR export and erasure ("radera mina svar"): their
 * personal sessions, and their answers in group sessions whose respondent keys can still be computed
 * (open ones, and named ones). Answers in closed anonymous sessions cannot be linked to anyone any more
 * (the salt is gone) and stay only as part of the group's picture.
 */
@Service
public class PersonalAnswers {

    private static final Logger log = LoggerFactory.getLogger(PersonalAnswers.class);

    private final SessionStore store;
    private final RespondentKeys keys;
    private final TransactionTemplate transactions;

    PersonalAnswers(SessionStore store, RespondentKeys keys, PlatformTransactionManager transactionManager) {
        this.store = store;
        this.keys = keys;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * One stored answer of a person.
     *
     * @param mode        {@code PERSONAL}, {@code NAMED} or {@code ANONYMOUS}
     * @param openedAt    when the exercise was launched (UTC)
     * @param answersJson question id to value, as stored
     */
    public record Exported(String exerciseId, String mode, Instant openedAt, String answersJson) {
    }

    /**
     * @param userId the stable user id ({@code Sender.id()})
     * @return everything linkable to the person, oldest first; empty when nothing is stored
     */
    public List<Exported> export(String tenantId, String userId) {
        if (userId == null || userId.isBlank()) {
            return List.of();
        }
        List<Exported> out = new ArrayList<>(store.personalAnswers(keys.owner(tenantId, userId)));
        for (ReflectionSession session : store.salted(tenantId)) {
            store.answerOf(session.id(), keys.respondent(session.salt(), tenantId, userId)).ifPresent(json ->
                    out.add(new Exported(session.exercise().id(), session.mode().name(), session.openedAt(), json)));
        }
        out.sort(Comparator.comparing(Exported::openedAt));
        return out;
    }

    /**
     * Deletes everything linkable to the person.
     *
     * @param userId the stable user id ({@code Sender.id()})
     * @return how many answers were deleted (a personal session counts once)
     */
    public int erase(String tenantId, String userId) {
        if (userId == null || userId.isBlank()) {
            return 0;
        }
        Integer deleted = transactions.execute(tx -> {
            int n = store.deletePersonal(keys.owner(tenantId, userId));
            for (ReflectionSession session : store.salted(tenantId)) {
                if (store.deleteAnswer(session.id(), keys.respondent(session.salt(), tenantId, userId))) {
                    n++;
                }
            }
            return n;
        });
        log.info("Erased {} reflection answers on request", deleted);
        return deleted == null ? 0 : deleted;
    }
}
