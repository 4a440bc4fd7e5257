-- Teams a person has written to the bot in (issue 20), so the 1:1 chat can answer "visa framsteg" for their
-- teams and offer an update written there to the right team. Ids and the team's name only; no content.
CREATE TABLE workspace_member (
    tenant_id        VARCHAR(128) NOT NULL,
    user_id          VARCHAR(128) NOT NULL,
    workspace_id     VARCHAR(512) NOT NULL,
    channel_id       VARCHAR(512),
    conversation_id  VARCHAR(512) NOT NULL,
    team_name        VARCHAR(256),
    seen_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, user_id, workspace_id)
);
