package se.vagvisaren.language.dates;

import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The one reader of dates and times in chat text, used by every feature (NLU entities, deadlines,
 * reflection schedules). Finds Swedish and English expressions and resolves them against "now" in the
 * conversation's zone: "på fredag kl 14", "nästa måndag", "15 mars", "den 3/12", "2026-12-15",
 * "vecka 50", "om två veckor", "om 10 minuter", "i slutet av månaden", "next Tuesday at 9", "2pm"; names
 * dates that do not exist ("31 februari", "kl 25"); and reads repetition ("varje måndag i fyra veckor").
 * What a feature then accepts (no past dates, working days only, 09:00 when no time is given) is that
 * feature's policy. Deterministic: the result depends only on the text and {@code now}. Thread-safe.
 * Conventions (what "nästa fredag" means, bare past dates, DST) are in docs/dates.md.
 */
@Component
public class DateParser {

    /** Only this much of a message is searched: dates in a 10,000-character paste are not worth the time. */
    static final int MAX_CHARS = 2_000;

    /** What may stand between a day and a time that belong together ("fredag, kl 14", "imorgon at 9"). */
    private static final Pattern JOINER = Pattern.compile("[\\s,]*(?:kl\\.?|klockan|at|@|pa|on|den|the)?[\\s,]*");

    /**
     * @param text the message; {@code null} or empty gives an empty result
     * @param now  the current time in the conversation's zone; relative expressions count from it and
     *             values are local date-times in its zone
     */
    public DateParse parse(String text, ZonedDateTime now) {
        if (text == null || text.isBlank()) {
            return DateParse.empty();
        }
        String original = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        String folded = OneForOneFolding.fold(original);
        List<DatePiece> pieces = nonOverlapping(candidates(folded, now));
        List<DateMention> mentions = new ArrayList<>();
        List<RejectedDate> rejected = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            DatePiece piece = pieces.get(i);
            DatePiece next = i + 1 < pieces.size() ? pieces.get(i + 1) : null;
            if (piece.kind() == DatePiece.Kind.REJECTED) {
                RejectedDate r = piece.rejection();
                rejected.add(new RejectedDate(original.substring(piece.start(), piece.end()), piece.start(),
                        piece.end(), r.reason(), r.month(), r.monthDays(), r.week()));
            } else if (next != null && joinable(piece, next, folded)) {
                mentions.add(joined(piece, next, original, now));
                i++;
            } else {
                mentions.add(single(piece, original, now));
            }
        }
        return new DateParse(mentions, rejected, RepetitionRules.read(folded, original));
    }

    private static List<DatePiece> candidates(String folded, ZonedDateTime now) {
        List<DatePiece> found = new ArrayList<>();
        for (DateRules.Rule rule : DateRules.RULES) {
            Matcher m = rule.pattern().matcher(folded);
            while (m.find()) {
                DatePiece piece = rule.reader().read(m, now);
                if (piece != null) {
                    found.add(piece);
                }
            }
        }
        return found;
    }

    /** Longest match first, then leftmost; the survivors in text order. */
    private static List<DatePiece> nonOverlapping(List<DatePiece> candidates) {
        candidates.sort(Comparator.comparingInt(DatePiece::length).reversed().thenComparingInt(DatePiece::start));
        List<DatePiece> kept = new ArrayList<>();
        for (DatePiece candidate : candidates) {
            if (kept.stream().noneMatch(candidate::overlaps)) {
                kept.add(candidate);
            }
        }
        kept.sort(Comparator.comparingInt(DatePiece::start));
        return kept;
    }

    private static boolean joinable(DatePiece a, DatePiece b, String folded) {
        boolean dateThenTime = a.kind() == DatePiece.Kind.DATE && b.kind() == DatePiece.Kind.TIME;
        boolean timeThenDate = a.kind() == DatePiece.Kind.TIME && b.kind() == DatePiece.Kind.DATE;
        return (dateThenTime || timeThenDate) && JOINER.matcher(folded.substring(a.end(), b.start())).matches();
    }

    /** Day and time given together: that wall-clock time on that day, even when already past. */
    private static DateMention joined(DatePiece a, DatePiece b, String original, ZonedDateTime now) {
        DatePiece date = a.kind() == DatePiece.Kind.DATE ? a : b;
        DatePiece time = a.kind() == DatePiece.Kind.TIME ? a : b;
        LocalDateTime local = existing(date.date().atTime(time.time()), now);
        return new DateMention(original.substring(a.start(), b.end()), a.start(), b.end(), local,
                DateGrain.MINUTE);
    }

    private static DateMention single(DatePiece piece, String original, ZonedDateTime now) {
        String text = original.substring(piece.start(), piece.end());
        return switch (piece.kind()) {
            case DATE -> new DateMention(text, piece.start(), piece.end(), piece.date().atStartOfDay(),
                    DateGrain.DAY);
            case MOMENT -> new DateMention(text, piece.start(), piece.end(), piece.moment(), DateGrain.MINUTE);
            default -> {
                // A bare time already past today means tomorrow.
                LocalDateTime today = now.toLocalDate().atTime(piece.time());
                LocalDateTime when = today.isAfter(now.toLocalDateTime()) ? today : today.plusDays(1);
                yield new DateMention(text, piece.start(), piece.end(), existing(when, now), DateGrain.MINUTE, true);
            }
        };
    }

    /** A wall-clock time skipped by the spring DST change (02:30) moves forward to one that exists (03:30). */
    private static LocalDateTime existing(LocalDateTime local, ZonedDateTime now) {
        return ZonedDateTime.of(local, now.getZone()).toLocalDateTime();
    }
}
