package se.vagvisaren.safeguarding;

import java.sql.ResultSet;
import java.sql.SQLException;
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
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A {@link PersonalDataStore} for one table with a time column and owner columns: the one adapter every
 * feature configures for its table instead of writing the three statements again. Register it as a bean
 * in the owning feature:
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
 * The time column should be {@code TIMESTAMP WITH TIME ZONE}.
 */
public final class JdbcPersonalDataStore implements PersonalDataStore {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    /** One exported column and the key it gets in the export. */
    private record ExportColumn(String column, String key) {
    }

    private final String name;
    private final JdbcTemplate jdbc;
    private final String deleteOlder;
    private final String erase;
    private final String export;
    private final List<String> exportKeys;
    private final BiFunction<String, String, List<Map<String, Object>>> exporter;
    private final Runnable afterDelete;
    private final boolean hasTenant;

    private JdbcPersonalDataStore(Builder b) {
        this.name = b.name;
        this.jdbc = b.jdbc;
        this.hasTenant = b.tenantColumn != null;
        String owner = (hasTenant ? b.tenantColumn + " = ? AND " : "") + b.userColumn + " = ?";
        this.deleteOlder = "DELETE FROM " + b.table + " WHERE " + b.createdAt + " < ?";
        this.erase = "DELETE FROM " + b.table + " WHERE " + owner;
        this.export = "SELECT " + String.join(", ", b.exportColumns.stream().map(ExportColumn::column).toList())
                + " FROM " + b.table + " WHERE " + owner + " ORDER BY " + b.createdAt;
        this.exportKeys = b.exportColumns.stream().map(ExportColumn::key).toList();
        this.exporter = b.exporter;
        this.afterDelete = b.afterDelete;
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
        int deleted = jdbc.update(deleteOlder, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
        afterDelete.run();
        return deleted;
    }

    @Override
    public int eraseUser(String tenantId, String userId) {
        int erased = jdbc.update(erase, ownerArgs(tenantId, userId));
        afterDelete.run();
        return erased;
    }

    @Override
    public List<Map<String, Object>> exportUser(String tenantId, String userId) {
        if (exporter != null) {
            return exporter.apply(tenantId, userId);
        }
        return jdbc.query(export, (rs, row) -> exportRow(rs), ownerArgs(tenantId, userId));
    }

    private Map<String, Object> exportRow(ResultSet rs) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < exportKeys.size(); i++) {
            row.put(exportKeys.get(i), jsonValue(rs.getObject(i + 1)));
        }
        return row;
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

    /** Describes the table; all parts except the export, the tenant column and the hook are required. */
    public static final class Builder {
        private final String name;
        private final JdbcTemplate jdbc;
        private String table;
        private String createdAt;
        private String tenantColumn;
        private String userColumn;
        private final List<ExportColumn> exportColumns = new ArrayList<>();
        private BiFunction<String, String, List<Map<String, Object>>> exporter;
        private Runnable afterDelete = () -> { };

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

        /**
         * The time column retention counts from and exports are ordered by: the creation time, or the
         * time of the last change for rows that are refreshed while in use.
         */
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

        /** Columns included in exports under their own (lower-case) names; default: the time column only. */
        public Builder exportColumns(String... columns) {
            for (String column : columns) {
                exportColumn(column, column.toLowerCase(Locale.ROOT));
            }
            return this;
        }

        /** One column included in exports under {@code key}, a name a person can read in their export. */
        public Builder exportColumn(String column, String key) {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("Export key missing for column " + column);
            }
            exportColumns.add(new ExportColumn(identifier(column), key));
            return this;
        }

        /**
         * Exports through the owning feature instead of plain columns, for data that only makes sense
         * combined with other tables; {@code exporter} takes tenant id and user id.
         */
        public Builder exportedBy(BiFunction<String, String, List<Map<String, Object>>> exporter) {
            this.exporter = Objects.requireNonNull(exporter, "exporter");
            return this;
        }

        /** Runs after every retention or erasure delete, e.g. to drop an in-memory cache of written rows. */
        public Builder afterDelete(Runnable hook) {
            this.afterDelete = Objects.requireNonNull(hook, "hook");
            return this;
        }

        public JdbcPersonalDataStore build() {
            if (table == null || createdAt == null || userColumn == null) {
                throw new IllegalStateException("Store " + name + " needs table, createdAt and owner");
            }
            if (exportColumns.isEmpty()) {
                exportColumns(createdAt);
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
