/**
 * What keeps a conversation in one language and makes the bot understand its own words: the reply
 * language remembered per person and conversation ({@link se.vagvisaren.language.ConversationLanguages}),
 * explicit switches ("svara på engelska"), and the command words the bot itself shows in the Teams menu
 * and on its cards ({@link se.vagvisaren.language.OwnVocabulary}). The {@code teams} edge asks these
 * before a message reaches a feature; no Bot Framework type is used here.
 */
package se.vagvisaren.language;
