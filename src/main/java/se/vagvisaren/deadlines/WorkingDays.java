package se.vagvisaren.deadlines;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;

/**
 * Which days an automatic nudge may fall on: Monday to Friday, except Swedish public holidays (röda
 * dagar, from jollyday) and midsommarafton, julafton and nyårsafton, which are not legal holidays but on
 * which municipal offices are closed. Thread-safe; holidays are looked up once per year.
 */
@RequiredArgsConstructor
final class WorkingDays {

    private final HolidayManager holidays;
    private final Map<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

    /** Swedish working days. */
    static WorkingDays sweden() {
        return new WorkingDays(HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.SWEDEN)));
    }

    boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY || isEve(date)) {
            return false;
        }
        return !byYear.computeIfAbsent(date.getYear(), this::load).contains(date);
    }

    /** The working day on or before {@code date}. */
    LocalDate onOrBefore(LocalDate date) {
        LocalDate d = date;
        while (!isWorkingDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    /** The working day on or after {@code date}. */
    LocalDate onOrAfter(LocalDate date) {
        LocalDate d = date;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    private Set<LocalDate> load(int year) {
        return holidays.getHolidays(Year.of(year)).stream().map(Holiday::getDate).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Julafton, nyårsafton and midsommarafton (the Friday between 19 and 25 June). jollyday lists them
     * too, but they are checked here as well so the rule does not depend on its data files.
     */
    static boolean isEve(LocalDate date) {
        if (date.getMonth() == Month.DECEMBER) {
            return date.getDayOfMonth() == 24 || date.getDayOfMonth() == 31;
        }
        return date.getMonth() == Month.JUNE && date.getDayOfWeek() == DayOfWeek.FRIDAY
                && date.getDayOfMonth() >= 19 && date.getDayOfMonth() <= 25;
    }
}
