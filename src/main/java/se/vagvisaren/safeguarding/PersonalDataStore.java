package se.vagvisaren.safeguarding;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A table (or other storage) holding user content, registered for retention, erasure and export.
 * Every feature that stores something a user wrote or that identifies a user declares one Spring
 * bean of this type; the safeguarding package then deletes its old rows daily, erases a user's rows
 * on request (GDPR Art. 17) and includes them in exports (Art. 15). For a plain table,
 * {@link JdbcPersonalDataStore#builder} gives a ready implementation.
 *
 * <p>Implementations must be idempotent and must not log content.
 */
public interface PersonalDataStore {

    /**
     * A stable, unique, kebab-case name such as {@code progress-updates}. It is the key of the
     * retention override {@code vagvisaren.privacy.retention.<name>} and appears in exports and the audit log.
     */
    String name();

    /**
     * Deletes everything created before {@code cutoff}.
     *
     * @param cutoff an instant (UTC); rows created strictly before it are deleted
     * @return the number of deleted rows (or items)
     */
    int deleteOlderThan(Instant cutoff);

    /**
     * Deletes everything this store holds about one user: content they wrote and rows that name them.
     *
     * @param tenantId the Entra tenant id as in {@code ConversationKey#tenantId()}
     * @param userId   the user's stable id as in {@code Sender#id()}
     * @return the number of deleted rows
     */
    int eraseUser(String tenantId, String userId);

    /**
     * Everything this store holds about one user, as JSON-friendly rows (strings, numbers, booleans;
     * times as ISO-8601 strings). Empty when there is nothing.
     */
    List<Map<String, Object>> exportUser(String tenantId, String userId);
}
