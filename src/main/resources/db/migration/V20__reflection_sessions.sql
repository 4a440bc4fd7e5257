-- Reflection exercises run in a conversation. The exercise definition is copied into the session so the
-- results always match the card people answered, even if the YAML file is edited meanwhile.
CREATE TABLE reflection_session (
    id               VARCHAR(36)  PRIMARY KEY,
    exercise_id      VARCHAR(64)  NOT NULL,
    exercise_json    TEXT         NOT NULL,
    workspace_id     VARCHAR(512) NOT NULL,
    tenant_id        VARCHAR(128) NOT NULL DEFAULT '',
    conversation_id  VARCHAR(512) NOT NULL,
    scope            VARCHAR(16)  NOT NULL,
    lang             VARCHAR(2)   NOT NULL,
    answer_mode      VARCHAR(16)  NOT NULL,
    -- who may close it besides facilitators; NULL for nobody in particular
    launched_by      VARCHAR(128),
    -- personal mode only: pseudonymous key of the owner (HMAC of the user id), so "delete my answers" works
    owner_key        VARCHAR(64),
    -- activity or schedule occurrence that launched it; a redelivered activity must not launch twice
    launch_ref       VARCHAR(128),
    status           VARCHAR(16)  NOT NULL,
    -- per-session salt of the respondent keys; erased when an anonymous session closes
    salt             VARCHAR(64),
    -- bumped by every answer: the row lock serialises answers against closing
    answer_seq       BIGINT       NOT NULL DEFAULT 0,
    opened_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    closes_at        TIMESTAMP WITH TIME ZONE,
    closed_at        TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX reflection_session_launch ON reflection_session (conversation_id, launch_ref);
CREATE INDEX reflection_session_conversation ON reflection_session (conversation_id, status);
CREATE INDEX reflection_session_owner ON reflection_session (owner_key);
CREATE INDEX reflection_session_closed ON reflection_session (closed_at);

-- One row per respondent and session. No user id: respondent_key is an HMAC of the user id with a
-- server secret and the session salt, only there to replace an earlier answer. respondent_name is set
-- only in named mode, which the facilitator chose explicitly and the card shows to everyone.
CREATE TABLE reflection_answer (
    session_id       VARCHAR(36)  NOT NULL REFERENCES reflection_session (id) ON DELETE CASCADE,
    respondent_key   VARCHAR(64)  NOT NULL,
    respondent_name  VARCHAR(256),
    answers_json     TEXT         NOT NULL,
    PRIMARY KEY (session_id, respondent_key)
);

-- Planned launches ("every Monday at 9 for four weeks"); each row is one db-scheduler task instance.
CREATE TABLE reflection_schedule (
    id               VARCHAR(36)  PRIMARY KEY,
    plan_id          VARCHAR(36)  NOT NULL,
    exercise_id      VARCHAR(64)  NOT NULL,
    workspace_id     VARCHAR(512) NOT NULL,
    tenant_id        VARCHAR(128) NOT NULL DEFAULT '',
    conversation_id  VARCHAR(512) NOT NULL,
    scope            VARCHAR(16)  NOT NULL,
    lang             VARCHAR(2)   NOT NULL,
    answer_mode      VARCHAR(16)  NOT NULL,
    created_by       VARCHAR(128) NOT NULL,
    run_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    session_id       VARCHAR(36)
);
CREATE INDEX reflection_schedule_conversation ON reflection_schedule (conversation_id, status);
CREATE INDEX reflection_schedule_plan ON reflection_schedule (plan_id);
