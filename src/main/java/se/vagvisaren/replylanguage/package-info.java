/**
 * What keeps a conversation in one language: the reply language remembered per person and conversation
 * ({@link se.vagvisaren.replylanguage.ConversationLanguages}, table {@code conversation_language}), decided
 * from what the person writes (the {@code nlu} language guess), explicit switches and the bot's own words
 * (both from {@code language}). Registered for retention, erasure and export with {@code safeguarding}.
 * The {@code teams} edge asks it before a message reaches a feature; no Bot Framework type is used here.
 */
package se.vagvisaren.replylanguage;
