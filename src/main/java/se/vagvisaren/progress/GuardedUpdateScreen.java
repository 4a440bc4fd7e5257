package se.vagvisaren.progress;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import se.vagvisaren.conversation.Language;
import se.vagvisaren.conversation.ReplyTexts;
import se.vagvisaren.safeguarding.PersonalDataFinding;
import se.vagvisaren.safeguarding.PersonalDataGuard;

/**
 * Screens progress updates with the safeguarding personal-data guard: an update naming a personnummer,
 * phone number, e-mail address or a person next to violence words is not stored, and the author is told
 * which kinds were found (never the data itself).
 */
@Component
@RequiredArgsConstructor
class GuardedUpdateScreen implements UpdateScreen {

    private final PersonalDataGuard guard;
    private final ReplyTexts texts;

    @Override
    public Screening screen(String text, Language language) {
        List<PersonalDataFinding> findings = guard.scan(text);
        if (findings.isEmpty()) {
            return Screening.clear();
        }
        Set<String> kinds = new LinkedHashSet<>();
        findings.forEach(f -> kinds.add(texts.get(language, "guard.kind." + f.kind().key())));
        return Screening.flagged(List.copyOf(kinds));
    }
}
