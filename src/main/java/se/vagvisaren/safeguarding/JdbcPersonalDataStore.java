package se.vagvisaren.safeguarding;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A {@link PersonalDataStore} for one table with a creation time column and owner columns. Register
 * it as a bean in the owning feature:
 *
 * <pre>{@code
 * @Bean
 * PersonalDataStore progressUpdateStore(JdbcTemplate jdbc) {
 *     return JdbcPersonalDataStore.builder("progress-updates", jdbc)
 *             .table("progress_update")
 *             .createdAt("created_at")
 *             .owner("tenant_id", "author_id")
 *             .exportColumns("created_at", "phase", "text")
 *             .build();
 * }
 * }</pre>
 *
 * Table and column names are checked to be plain SQL identifiers, so they can never inject SQL.
 * The creation column should be {@code TIMESTAMP WITH TIME ZONE}.
 */
public final class JdbcPersonalDataStore implements PersonalDataStore {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private final String name;
    private final JdbcTemplate jdbc;
    private final String deleteOlder;
    private final String erase;
    private final String export;
    private final boolean hasTenant;

    private JdbcPersonalDataStore(Builder b) {
        this.name = b.name;
        this.jdbc = b.jdbc;
        this.hasTenant = b.tenantColumn != null;
        String owner = (hasTenant ? b.tenantColumn + " = ? AND " : "") + b.userColumn + " = ?";
        this.deleteOlder = "DELETE FROM " + b.table + " WHERE " + b.createdAt + " < ?";
        this.erase = "DELETE FROM " + b.table + " WHERE " + owner;
        this.export = "SELECT " + String.join(", ", b.exportColumns) + " FROM " + b.table + " WHERE " + owner
                + " ORDER BY " + b.createdAt;
    }

    /** Starts a store description; {@code name} as in {@link PersonalDataStore#name()}. */
    public static Builder builder(String name, JdbcTemplate jdbc) {
        return new Builder(name, jdbc);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int deleteOlderThan(Instant cutoff) {
        return jdbc.update(deleteOlder, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
    }

    @Override
    public int eraseUser(String tenantId, String userId) {
        return jdbc.update(erase, ownerArgs(tenantId, userId));
    }

    @Override
    public List<Map<String, Object>> exportUser(String tenantId, String userId) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : jdbc.queryForList(export, ownerArgs(tenantId, userId))) {
            Map<String, Object> clean = new LinkedHashMap<>();
            row.forEach((column, value) -> clean.put(column.toLowerCase(Locale.ROOT), jsonValue(value)));
            rows.add(clean);
        }
        return rows;
    }

    private Object[] ownerArgs(String tenantId, String userId) {
        return hasTenant ? new Object[] {tenantId, userId} : new Object[] {userId};
    }

    /** H2 and PostgreSQL return different time types; both become ISO-8601 instants. */
    private static Object jsonValue(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant().toString();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant().toString();
        }
        if (value instanceof java.time.temporal.TemporalAccessor || value instanceof java.util.Date
                || value instanceof java.util.UUID || value instanceof java.math.BigDecimal) {
            return value.toString();
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        return value;
    }

    /** Describes the table; all parts except {@link #exportColumns} and the tenant column are required. */
    public static final class Builder {
        private final String name;
        private final JdbcTemplate jdbc;
        private String table;
        private String createdAt;
        private String tenantColumn;
        private String userColumn;
        private List<String> exportColumns = List.of();

        private Builder(String name, JdbcTemplate jdbc) {
            if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,63}")) {
                throw new IllegalArgumentException("Store name must be kebab-case: " + name);
            }
            this.name = name;
            this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        }

        public Builder table(String table) {
            this.table = identifier(table);
            return this;
        }

        /** The creation time column used for retention and export order. */
        public Builder createdAt(String column) {
            this.createdAt = identifier(column);
            return this;
        }

        /** The columns identifying the owner: tenant id and user id ({@code Sender#id()}). */
        public Builder owner(String tenantColumn, String userColumn) {
            this.tenantColumn = identifier(tenantColumn);
            this.userColumn = identifier(userColumn);
            return this;
        }

        /** Only a user column, for tables without a tenant column. */
        public Builder owner(String userColumn) {
            this.tenantColumn = null;
            this.userColumn = identifier(userColumn);
            return this;
        }

        /** Columns included in exports; default: the creation time only. */
        public Builder exportColumns(String... columns) {
            List<String> checked = new ArrayList<>();
            for (String column : columns) {
                checked.add(identifier(column));
            }
            this.exportColumns = List.copyOf(checked);
            return this;
        }

        public JdbcPersonalDataStore build() {
            if (table == null || createdAt == null || userColumn == null) {
                throw new IllegalStateException("Store " + name + " needs table, createdAt and owner");
            }
            if (exportColumns.isEmpty()) {
                exportColumns = List.of(createdAt);
            }
            return new JdbcPersonalDataStore(this);
        }

        private static String identifier(String value) {
            if (value == null || !IDENTIFIER.matcher(value).matches()) {
                throw new IllegalArgumentException("Not a plain SQL identifier: " + value);
            }
            return value;
        }
    }
}
