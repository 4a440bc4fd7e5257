/**
 * The shared words layer below every feature, free of the Bot Framework SDK and of every feature package:
 * the one normalisation ({@link se.vagvisaren.language.FoldedText}: NFKD compatibility folding, Swedish
 * lower case, diacritics and look-alike letters folded, offsets kept back to the original), the one
 * tokenizer ({@link se.vagvisaren.language.Tokens}), the one Snowball stemmer wrapper
 * ({@link se.vagvisaren.language.Stems}), and the one phrase matcher ({@link se.vagvisaren.language.PhraseMatcher},
 * typo-tolerant, word-bounded, optional stems) with the one file format for every command word and phrase
 * in {@code dialogs/} ({@link se.vagvisaren.language.PhraseFile}, docs/language.md). Also the bot's own
 * menu and card words ({@link se.vagvisaren.language.OwnVocabulary}) and "svara på engelska" switches
 * ({@link se.vagvisaren.language.LanguageSwitch}). Which language a conversation is answered in is the
 * {@code replylanguage} feature's job.
 */
package se.vagvisaren.language;
