-- Conversations the bot has welcomed since it was (re)installed there (issue 20). Teams sends both an
-- installationUpdate and a conversationUpdate for one install; the first one to insert the row welcomes,
-- the other finds it and stays quiet, on any replica. Removed again when the bot is uninstalled.
CREATE TABLE conversation_welcome (
    conversation_id  VARCHAR(512) PRIMARY KEY,
    welcomed_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
