package se.vagvisaren.reflection;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.safeguarding.CrisisCheck;
import se.vagvisaren.safeguarding.PersonalDataGuard;

/**
 * Screens free-text reflection answers with the safeguarding checks: a disclosure or sign of danger is
 * never stored (the writer gets the support numbers), and personal data is neither stored nor shown.
 */
@Component
@RequiredArgsConstructor
class GuardedAnswerScreen implements AnswerScreen {

    private final CrisisCheck crisisCheck;
    private final PersonalDataGuard guard;

    @Override
    public Verdict check(String text, Language language) {
        if (crisisCheck.isCrisis(text)) {
            return Verdict.DISTRESS;
        }
        return guard.containsPersonalData(text) ? Verdict.PERSONAL_DATA : Verdict.CLEAR;
    }
}
