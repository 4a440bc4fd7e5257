package se.vagvisaren.reflection;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.CardTemplates;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.Reply;
import se.vagvisaren.conversation.ReplyTexts;
import se.vagvisaren.conversation.TeamsText;
import se.vagvisaren.reflection.Exercise.ExerciseText;
import se.vagvisaren.reflection.Exercise.Option;
import se.vagvisaren.reflection.Exercise.Question;
import se.vagvisaren.reflection.Exercise.QuestionType;
import se.vagvisaren.reflection.ReflectionSession.AnswerMode;
import se.vagvisaren.reflection.Tally.QuestionTally;
import se.vagvisaren.reflection.Tally.TextAnswer;

/**
 * The group's picture after closing ({@code reflection-results.json}): scale distributions as text bars
 * with the mean, choice counts, free text in random order without names (escaped, screened for personal
 * data, within a size budget), then the exercise's discussion questions. Below the minimum number of
 * respondents only the count is shown, so nobody in a small team can be singled out.
 */
@Component
@RequiredArgsConstructor
class ResultCards {

    private final CardTemplates templates;
    private final ReplyTexts texts;
    private final ReflectionProperties properties;
    private final AnswerScreen screen;
    private final ExerciseCards exerciseCards;

    Reply results(ReflectionSession session, Tally tally) {
        Language lang = session.language();
        ExerciseText text = session.exercise().text(lang);
        String count = exerciseCards.count(lang, tally.respondents());
        ObjectNode card = templates.fill("reflection-results", Map.of(
                "title", texts.get(lang, "reflection.results.title", "title", text.title()),
                "meta", texts.get(lang, "reflection.results.meta", "answers", count,
                        "mode", texts.get(lang, "reflection.results.mode." + modeKey(session.mode()))),
                "discussionTitle", texts.get(lang, "reflection.results.discussion"),
                "privacy", texts.get(lang, session.mode() == AnswerMode.NAMED
                        ? "reflection.results.privacy-named" : "reflection.results.privacy")));
        ArrayNode questions = CardElements.items(card, "questions");
        if (tally.respondents() < properties.minAnswers()) {
            ObjectNode tooFew = CardElements.text(texts.get(lang, "reflection.results.too-few",
                    "answers", count, "min", properties.minAnswers()));
            tooFew.put("weight", "Bolder");
            questions.add(tooFew);
        } else {
            int budget = properties.resultTextBudget();
            int number = 0;
            for (QuestionTally result : tally.questions()) {
                number++;
                budget -= question(questions, result, number, lang, session.mode() == AnswerMode.NAMED, budget);
            }
        }
        CardElements.items(card, "discussion").addAll(ExerciseCards.bullets(text.discussion()));
        return Reply.card(texts.get(lang, "reflection.results.summary", "title", text.title()), card);
    }

    /** Adds one question's result; returns the free-text characters it used. */
    private int question(ArrayNode out, QuestionTally result, int number, Language lang, boolean named, int budget) {
        Question question = result.question();
        ObjectNode heading = CardElements.text(number + ". " + question.text(lang));
        heading.put("weight", "Bolder");
        heading.put("spacing", "Large");
        out.add(heading);
        if (result.answered() == 0) {
            out.add(subtle(texts.get(lang, "reflection.results.no-answers")));
            return 0;
        }
        return switch (question.type()) {
            case SCALE -> scale(out, result, lang);
            case SINGLE, MULTIPLE -> choices(out, result, lang);
            case TEXT -> freeText(out, result, lang, named, budget);
        };
    }

    private int scale(ArrayNode out, QuestionTally result, Language lang) {
        int max = 0;
        for (int v = QuestionType.SCALE_MIN; v <= QuestionType.SCALE_MAX; v++) {
            max = Math.max(max, result.scaleCount(v));
        }
        Question q = result.question();
        for (int v = QuestionType.SCALE_MIN; v <= QuestionType.SCALE_MAX; v++) {
            String label = v == QuestionType.SCALE_MIN ? q.low().get(lang) : v == QuestionType.SCALE_MAX ? q.high().get(lang) : null;
            out.add(CardElements.mono(v + " " + TextBars.bar(result.scaleCount(v), max) + " " + result.scaleCount(v)
                    + (label == null ? "" : "  " + label)));
        }
        out.add(subtle(texts.get(lang, "reflection.results.mean", "mean", mean(result.mean(), lang),
                "answers", exerciseCards.count(lang, result.answered()))));
        return 0;
    }

    private int choices(ArrayNode out, QuestionTally result, Language lang) {
        int max = Collections.max(result.options().values());
        for (Option option : result.question().options()) {
            int n = result.options().getOrDefault(option.id(), 0);
            out.add(CardElements.mono(TextBars.bar(n, max) + " " + n + "  " + option.text(lang)));
        }
        String key = result.question().type() == QuestionType.MULTIPLE
                ? "reflection.results.answered-multiple" : "reflection.results.answered";
        out.add(subtle(texts.get(lang, key, "answers", exerciseCards.count(lang, result.answered()))));
        return 0;
    }

    private int freeText(ArrayNode out, QuestionTally result, Language lang, boolean named, int budget) {
        int used = 0;
        int hidden = 0;
        int left = 0;
        for (TextAnswer answer : result.texts()) {
            if (screen.check(answer.text(), lang) != AnswerScreen.Verdict.CLEAR) {
                hidden++;
                continue;
            }
            if (used + answer.text().length() > budget) {
                left++;
                continue;
            }
            used += answer.text().length();
            String shown = "• " + TeamsText.escape(answer.text());
            if (named && answer.name() != null) {
                shown = "• **" + TeamsText.escape(answer.name()) + ":** " + TeamsText.escape(answer.text());
            }
            out.add(CardElements.text(shown));
        }
        if (hidden > 0) {
            out.add(subtle(texts.get(lang, "reflection.results.hidden-text", "count", hidden)));
        }
        if (left > 0) {
            out.add(subtle(texts.get(lang, "reflection.results.more-text", "count", left)));
        }
        return used;
    }

    private static ObjectNode subtle(String text) {
        ObjectNode block = CardElements.text(text);
        block.put("isSubtle", true);
        block.put("size", "Small");
        return block;
    }

    /** One decimal, with a decimal comma in Swedish ("3,4") and a point in English ("3.4"). */
    static String mean(double mean, Language lang) {
        Locale locale = lang == Language.EN ? Locale.UK : Locale.forLanguageTag("sv-SE");
        return new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(locale)).format(mean);
    }

    private static String modeKey(AnswerMode mode) {
        return mode.name().toLowerCase(Locale.ROOT);
    }
}
