-- Teams' per-conversation send limits shared by all replicas (used on PostgreSQL, see docs/operations.md).
-- outbound_pace: one row per conversation, locked for the duration of a send so replicas take turns.
-- outbound_send: when each send started, by the database clock; rows older than the longest window (1 h)
-- are deleted by the next send to the conversation. Keys are SHA-256 hashes of the conversation id:
-- no ids and no content are stored.
CREATE TABLE outbound_pace (
    conversation_key CHAR(64) PRIMARY KEY
);
CREATE TABLE outbound_send (
    conversation_key CHAR(64)                 NOT NULL,
    sent_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX outbound_send_conversation ON outbound_send (conversation_key, sent_at);
