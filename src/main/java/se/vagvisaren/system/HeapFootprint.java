package se.vagvisaren.system;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Lets a bare {@code java -jar} on G1 hand unused heap back to the system, through the JVM's own management
 * interface: a jar cannot carry JVM options, but G1's heap-shrinking settings are "manageable" flags that a running
 * JVM may change for itself ({@code HotSpotDiagnosticMXBean.setVMOption}, the same as {@code jcmd VM.set_flag}).
 *
 * <p>Why: without options G1 sizes the heap from the machine (its initial heap is 1/64 of the RAM, 380 MB on a
 * 24 GB host) while the bot's live set after the start is about 50 MB; the default free ratios keep up to 70 % of
 * the heap free after a collection. With {@value #MAX_FREE_PERCENT} % at most, {@link QuietMemoryReturn} has G1
 * return the start's garbage once the service is quiet, and what a burst of messages made it grow by once the burst
 * is over (a full collection right after the start, {@link #collectStartGarbage}, only when that is switched off). G1 still grows the heap whenever
 * its collections take too much time (its own GC-time goal), so throughput is not traded away.
 *
 * <p>Only flags the start left at their defaults are changed, only on G1 (the options file's SerialGC is left
 * alone), and {@value #SWITCH}{@code =false} (or {@code VAGVISAREN_JVM_RETURNFREEHEAP=false}) switches it off.
 */
public final class HeapFootprint {

    /** Set to {@code false} to keep G1's default heap sizing on a bare start. */
    public static final String SWITCH = "vagvisaren.jvm.return-free-heap";

    static final int MIN_FREE_PERCENT = 10;
    static final int MAX_FREE_PERCENT = 30;
    /** The flags set, in this order (the minimum first: G1 checks min ≤ max on each change). */
    static final Map<String, String> SETTINGS = Map.of(
            "MinHeapFreeRatio", String.valueOf(MIN_FREE_PERCENT),
            "MaxHeapFreeRatio", String.valueOf(MAX_FREE_PERCENT));
    private static final List<String> ORDER = List.of("MinHeapFreeRatio", "MaxHeapFreeRatio");

    /**
     * Flags whose choice by the start leaves the heap alone: the two ratios, and G1's periodic collection, which
     * {@link QuietMemoryReturn} switches on and off after bursts.
     */
    private static final List<String> CHOSEN_BY_THE_START = List.of("MinHeapFreeRatio", "MaxHeapFreeRatio",
            "G1PeriodicGCInterval");

    private static volatile boolean applied;

    /** What {@link #applyUnlessConfigured} did, for one log line once logging is set up. */
    public record Outcome(boolean applied, String reason) {
    }

    private HeapFootprint() {
    }

    /** Sets G1's free-ratio flags on this JVM unless the start configured them, uses another collector, or switched this off. */
    public static Outcome applyUnlessConfigured() {
        String setting = System.getProperty(SWITCH, System.getenv("VAGVISAREN_JVM_RETURNFREEHEAP"));
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (hotSpot == null) {
            return new Outcome(false, "no HotSpot diagnostic bean");
        }
        List<String> collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).toList();
        String skip = reasonToSkip(collectors, setting, name -> origin(hotSpot, name));
        if (skip != null) {
            return new Outcome(false, skip);
        }
        try {
            for (String flag : ORDER) {
                hotSpot.setVMOption(flag, SETTINGS.get(flag));
            }
        } catch (RuntimeException e) { // a JVM that refuses: keep what was set, the rest stays at its default
            return new Outcome(false, "G1 flags not accepted (" + e.getClass().getSimpleName() + ")");
        }
        applied = true;
        return new Outcome(true, "G1 returns free heap: MinHeapFreeRatio=" + MIN_FREE_PERCENT + ", MaxHeapFreeRatio="
                + MAX_FREE_PERCENT);
    }

    /**
     * Why not to change the flags, or {@code null} to change them.
     *
     * @param collectors the JVM's garbage collector bean names ("G1 Young Generation", "Copy", …)
     * @param setting    {@value #SWITCH}, {@code null} when not set
     * @param origin     a flag's origin as HotSpot reports it ({@code DEFAULT}, {@code VM_CREATION}, …)
     */
    static String reasonToSkip(List<String> collectors, String setting, Function<String, String> origin) {
        if (setting != null && !Boolean.parseBoolean(setting.strip())) {
            return SWITCH + "=false";
        }
        if (collectors.stream().noneMatch(name -> name.startsWith("G1 "))) {
            return "the collector is not G1 (" + String.join(", ", collectors) + ")";
        }
        List<String> chosen = new ArrayList<>();
        for (String flag : CHOSEN_BY_THE_START) {
            if (!"DEFAULT".equals(origin.apply(flag))) {
                chosen.add(flag);
            }
        }
        return chosen.isEmpty() ? null : "the start set " + String.join(", ", chosen);
    }

    /**
     * Runs one full collection when the flags were set: the start's garbage (configuration parsing, the index
     * build, the model read) goes, and G1 shrinks the heap to the new free ratio. Called once the application
     * is ready, and only when {@link QuietMemoryReturn} is switched off (it returns the same garbage in a concurrent
     * cycle once the service is quiet); the stop-the-world pause is a one-off of 0.1–0.35 s.
     */
    public static boolean collectStartGarbage() {
        if (!applied) {
            return false;
        }
        System.gc();
        return true;
    }

    private static String origin(HotSpotDiagnosticMXBean hotSpot, String flag) {
        try {
            VMOption option = hotSpot.getVMOption(flag);
            return option.getOrigin().name();
        } catch (IllegalArgumentException e) {
            return "UNKNOWN";
        }
    }
}
