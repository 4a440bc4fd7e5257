-- Secrets the bot generated for itself when none is configured (local mode): created once, kept across
-- restarts and shared by every instance on this database, so signed links keep working.
CREATE TABLE generated_secret (
    name        VARCHAR(64)   PRIMARY KEY,
    secret      VARCHAR(128)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
