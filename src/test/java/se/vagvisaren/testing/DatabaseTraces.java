package se.vagvisaren.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Looks for a piece of text in every text column of every table of the application's schema, so a test
 * can show that something a user wrote was not stored anywhere (not only in the table it expects).
 */
public final class DatabaseTraces {

    private DatabaseTraces() {
    }

    /**
     * @param needle plain text, no {@code %} or {@code _}
     * @return "table.column" for each column holding the text in some row; empty when none does
     */
    public static List<String> columnsContaining(JdbcClient jdbc, String needle) {
        List<Map<String, Object>> columns = jdbc.sql("""
                SELECT table_name, column_name, data_type FROM information_schema.columns
                WHERE LOWER(table_schema) IN ('public') """).query().listOfRows();
        List<String> found = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            String type = String.valueOf(value(column, "data_type")).toLowerCase(Locale.ROOT);
            if (!(type.contains("char") || type.contains("text") || type.contains("clob"))) {
                continue;
            }
            String table = String.valueOf(value(column, "table_name"));
            String name = String.valueOf(value(column, "column_name"));
            Integer rows = jdbc.sql("SELECT COUNT(*) FROM \"" + table + "\" WHERE \"" + name + "\" LIKE ?")
                    .param("%" + needle + "%").query(Integer.class).single();
            if (rows > 0) {
                found.add(table + "." + name);
            }
        }
        return found;
    }

    /** How many text columns {@link #columnsContaining} looks at; a test checks it is not zero. */
    public static int textColumns(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM information_schema.columns WHERE LOWER(table_schema) IN ('public')
                AND (LOWER(data_type) LIKE '%char%' OR LOWER(data_type) LIKE '%text%' OR LOWER(data_type) LIKE '%clob%')""")
                .query(Integer.class).single();
    }

    private static Object value(Map<String, Object> row, String key) {
        for (Map.Entry<String, Object> e : row.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return null;
    }
}
