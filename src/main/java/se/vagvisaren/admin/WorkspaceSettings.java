package se.vagvisaren.admin;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Small per-workspace settings (e.g. {@code reflection.launch=facilitators}, {@code zone=Europe/Stockholm}),
 * changed by coordinators in chat. Names are feature-prefixed; values are short strings.
 */
@Service
public class WorkspaceSettings {

    private final JdbcClient jdbc;

    WorkspaceSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> get(String workspaceId, String name) {
        return jdbc.sql("SELECT setting_value FROM workspace_setting WHERE workspace_id = :w AND name = :n")
                .param("w", workspaceId).param("n", name).query(String.class).optional();
    }

    public String getOrDefault(String workspaceId, String name, String defaultValue) {
        return get(workspaceId, name).orElse(defaultValue);
    }

    @Transactional
    public void set(String workspaceId, String name, String value) {
        int updated = jdbc.sql("UPDATE workspace_setting SET setting_value = :v WHERE workspace_id = :w AND name = :n")
                .param("v", value).param("w", workspaceId).param("n", name).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO workspace_setting (workspace_id, name, setting_value) VALUES (:w, :n, :v)")
                    .param("w", workspaceId).param("n", name).param("v", value).update();
        }
    }
}
