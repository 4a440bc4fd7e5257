package se.vagvisaren.teams;

import java.util.function.UnaryOperator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes one row whether or not it exists yet, safely when replicas write the same key at the same moment:
 * {@code UPDATE} first, {@code INSERT} when no row was updated, and when that insert loses the race to another
 * replica's insert of the same key, the {@code UPDATE} once more, so the last writer's values stay. H2 and
 * PostgreSQL have no common upsert statement, so the two statements take one set of named parameters.
 *
 * <p>Not for use inside a transaction: on PostgreSQL the failed insert would end it.
 */
final class RowUpsert {

    private RowUpsert() {
    }

    /**
     * @param update an {@code UPDATE} of the row by its key
     * @param insert the {@code INSERT} of the same row, with the same named parameters
     * @param values binds the named parameters (the same for both statements)
     */
    static void write(JdbcClient jdbc, String update, String insert, UnaryOperator<JdbcClient.StatementSpec> values) {
        if (values.apply(jdbc.sql(update)).update() > 0) {
            return;
        }
        try {
            values.apply(jdbc.sql(insert)).update();
        } catch (DuplicateKeyException raced) {
            values.apply(jdbc.sql(update)).update();
        }
    }
}
