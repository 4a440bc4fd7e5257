-- Which activities were taken on, shared by all replicas and kept across restarts, so a redelivery by
-- Teams is neither answered twice nor lost. The key is a SHA-256 of channel, conversation and activity
-- id: no conversation ids and no content are stored. Rows are swept after a day.
CREATE TABLE inbound_delivery (
    delivery_key  CHAR(64)                 PRIMARY KEY,
    state         VARCHAR(8)               NOT NULL,
    claimed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    instance_id   VARCHAR(64)              NOT NULL
);
CREATE INDEX inbound_delivery_claimed ON inbound_delivery (claimed_at);
