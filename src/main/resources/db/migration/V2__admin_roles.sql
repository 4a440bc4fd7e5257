-- Roles per workspace (team id, or conversation id for group chats). user_id is the Entra object id.
CREATE TABLE team_role (
    workspace_id  VARCHAR(512) NOT NULL,
    user_id       VARCHAR(128) NOT NULL,
    role          VARCHAR(32)  NOT NULL,
    granted_by    VARCHAR(128),
    granted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (workspace_id, user_id, role)
);
-- Per-workspace settings (e.g. who may launch exercises, time zone).
CREATE TABLE workspace_setting (
    workspace_id  VARCHAR(512) NOT NULL,
    name          VARCHAR(64)  NOT NULL,
    setting_value VARCHAR(1024) NOT NULL,
    PRIMARY KEY (workspace_id, name)
);
