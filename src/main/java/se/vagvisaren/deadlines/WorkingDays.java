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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Which days an automatic nudge may fall on: Monday to Friday, except Swedish public holidays (röda
 * dagar, from jollyday) and midsommarafton, julafton and nyårsafton, which are not legal holidays but on
 * which municipal offices are closed. Thread-safe; holidays are looked up once per year.
 *
 * <p>jollyday reads its holiday calendar from XML (Jackson's XML module), which took a tenth of a second of the
 * service's start on the thread that creates the beans. {@link #sweden()} reads it on a thread of its own; the
 * first question about a date waits for it, so every answer comes from the full calendar.
 */
final class WorkingDays {

    private final CompletableFuture<HolidayManager> holidays;
    private final Map<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

    /** Working days by a calendar that is still being read (or already read, or failed to be read). */
    WorkingDays(CompletableFuture<HolidayManager> holidays) {
        this.holidays = holidays;
    }

    /** Swedish working days; the holiday calendar is read on a daemon thread, {@code holiday-calendar}. */
    static WorkingDays sweden() {
        CompletableFuture<HolidayManager> manager = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("holiday-calendar").start(() -> {
            try {
                manager.complete(HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.SWEDEN)));
            } catch (RuntimeException | Error e) { // surfaces at the first question, with its cause
                manager.completeExceptionally(e);
            }
        });
        return new WorkingDays(manager);
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
        HolidayManager manager;
        try {
            manager = holidays.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("The Swedish holiday calendar could not be read", e.getCause());
        }
        return manager.getHolidays(Year.of(year)).stream().map(Holiday::getDate).collect(Collectors.toUnmodifiableSet());
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
