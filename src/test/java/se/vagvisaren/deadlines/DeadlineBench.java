package se.vagvisaren.deadlines;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.function.BooleanSupplier;
import se.vagvisaren.testing.MutableClock;

/** Opens a running bot to the benchmark package (deadline types stay package-private). */
public final class DeadlineBench implements AutoCloseable {

    private final BotInstance bot;

    private DeadlineBench(BotInstance bot) {
        this.bot = bot;
    }

    public static DeadlineBench start(String jdbcUrl, MutableClock clock, Map<String, String> extra) {
        return new DeadlineBench(BotInstance.start("bench", jdbcUrl, clock, extra));
    }

    public void hello(String conversationId) {
        bot.hello(conversationId);
    }

    /** A team deadline with a single nudge at the due time. */
    public void createDue(String conversationId, String title, LocalDate date, LocalTime time) {
        bot.create(conversationId, title, date, time, "0");
    }

    public static void await(String what, long timeoutMillis, BooleanSupplier condition) {
        BotInstance.await(what, timeoutMillis, condition);
    }

    @Override
    public void close() {
        bot.close();
    }
}
