-- The reply language of each person in each conversation (issue 20), decided from what they write, so a
-- Swedish user with an English Teams client keeps getting Swedish after a restart and on every replica.
-- explicit = the person asked for it ("svara på engelska"); then only another such request changes it.
-- No message content.
CREATE TABLE conversation_language (
    tenant_id        VARCHAR(128) NOT NULL,
    conversation_id  VARCHAR(512) NOT NULL,
    user_id          VARCHAR(128) NOT NULL,
    lang             VARCHAR(8)   NOT NULL,
    explicit         BOOLEAN      NOT NULL DEFAULT FALSE,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, conversation_id, user_id)
);
CREATE INDEX conversation_language_user ON conversation_language (tenant_id, user_id);
