package se.vagvisaren.language.dates;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;

/**
 * A candidate found by one date rule, before overlapping candidates are dropped and dates are joined
 * with neighbouring times. Offsets refer to the message text.
 */
record DatePiece(int start, int end, Kind kind, LocalDate date, LocalTime time, LocalDateTime moment,
                 RejectedDate rejection) {

    enum Kind {
        /** A day; may still be joined with a time. */
        DATE,
        /** A time of day without a day. */
        TIME,
        /** A point in time from elapsed duration ("om 10 minuter"); never joined. */
        MOMENT,
        /** Looked like a date or time but does not exist. */
        REJECTED
    }

    static DatePiece date(int start, int end, LocalDate date) {
        return new DatePiece(start, end, Kind.DATE, date, null, null, null);
    }

    static DatePiece time(int start, int end, LocalTime time) {
        return new DatePiece(start, end, Kind.TIME, null, time, null, null);
    }

    static DatePiece moment(int start, int end, LocalDateTime moment) {
        return new DatePiece(start, end, Kind.MOMENT, null, null, moment, null);
    }

    static DatePiece rejected(int start, int end, RejectedDate.Reason reason) {
        return new DatePiece(start, end, Kind.REJECTED, null, null, null, new RejectedDate("", start, end, reason));
    }

    /** A day past the end of a real month: the month and its length are kept for the reply. */
    static DatePiece noSuchDay(int start, int end, Month month, int monthDays) {
        return new DatePiece(start, end, Kind.REJECTED, null, null, null,
                new RejectedDate("", start, end, RejectedDate.Reason.NO_SUCH_DATE, month, monthDays, 0));
    }

    static DatePiece noSuchWeek(int start, int end, int week) {
        return new DatePiece(start, end, Kind.REJECTED, null, null, null,
                new RejectedDate("", start, end, RejectedDate.Reason.NO_SUCH_WEEK, null, 0, week));
    }

    int length() {
        return end - start;
    }

    boolean overlaps(DatePiece other) {
        return start < other.end && other.start < end;
    }
}
