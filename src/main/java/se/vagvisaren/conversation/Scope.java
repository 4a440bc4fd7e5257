package se.vagvisaren.conversation;

/** Where in Teams a conversation takes place. */
public enum Scope {
    /** 1:1 chat between one person and the bot. */
    PERSONAL,
    /** A channel in a team; the bot only sees messages that @mention it. */
    CHANNEL,
    /** A group chat with several people. */
    GROUP_CHAT;

    public boolean isShared() {
        return this != PERSONAL;
    }
}
