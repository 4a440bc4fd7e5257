package se.vagvisaren.system;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.JMException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a burst of work on a bare {@code java -jar} (G1), hands the heap G1 grew for the burst and the native memory
 * the burst freed back to the system once the JVM has been quiet for {@value #QUIET_MILLIS} ms — through the JVM's
 * own runtime controls, as {@link HeapFootprint} does for the start.
 *
 * <p>Why: under a burst of messages G1 grows the heap far beyond the live set (JDK 25 grows a heap that is below a
 * quarter of its initial size halfway back to it, 1/64 of the RAM, as soon as its GC time exceeds 1 %), and keeps it
 * until a collection gives it a reason to shrink. G1's periodic collection is that reason, but a fixed interval
 * either comes late (minutes) or costs a concurrent cycle every interval while the service is idle.
 *
 * <p>How: a listener on the JVM's garbage-collection notifications <em>arms</em> G1's periodic collection (the
 * manageable flag {@code G1PeriodicGCInterval} = {@value #QUIET_MILLIS} ms) only when a collection caused by the
 * application's own allocation leaves much more heap committed than used ({@link #hasExcessHeap}). While messages
 * keep coming, collections keep coming and G1 does not start the periodic one; when no collection has been needed for
 * {@value #QUIET_MILLIS} ms, G1 runs one concurrent cycle, whose Remark shrinks the heap to
 * {@value #QUIET_MAX_FREE_PERCENT} % free ({@code MaxHeapFreeRatio} lowered for that one cycle, then back at the
 * value {@link HeapFootprint} set, so the collections of the next burst are sized as before). The listener then
 * <em>disarms</em> the flag (0, G1's default: no periodic collection), so an idle service pays for no further
 * cycles, and asks glibc to return freed
 * malloc memory with the diagnostic command {@code System.trim_native_heap} (what {@code -XX:TrimNativeHeapInterval}
 * does periodically). G1 checks its periodic collection once per interval, so the cycle starts 10–20 s after the
 * burst's last collection. Cost: one concurrent cycle and one trim after each burst that grew the heap, and the
 * collections the next burst needs while G1 grows the heap again (docs/performance.md, "Start-up and memory").
 *
 * <p>Only on G1 and when {@link HeapFootprint} applied its ratios (so never when the start chose its own heap
 * settings, e.g. the options file's SerialGC); the trim is left out when the start set
 * {@code -XX:TrimNativeHeapInterval}. {@value #SWITCH}{@code =false} (or {@code VAGVISAREN_JVM_RETURNMEMORYWHENQUIET=false})
 * switches it off.
 */
public final class QuietMemoryReturn {

    /** Set to {@code false} to leave G1's periodic collection off after bursts. */
    public static final String SWITCH = "vagvisaren.jvm.return-memory-when-quiet";

    /**
     * How long without any collection counts as quiet: long enough that steady traffic and a short lull in a busy
     * period never reach it (each return is paid for when the next burst grows the heap again), short enough that
     * the memory is back soon after the work.
     */
    static final long QUIET_MILLIS = 10_000;

    /** Committed heap above used by at least this much (and by at least the used heap) is worth returning. */
    static final long MIN_EXCESS_BYTES = 32L * 1024 * 1024;

    /**
     * The free share the quiet cycle shrinks the heap to (G1's {@code MaxHeapFreeRatio} for that one cycle; the
     * minimum ratio {@link HeapFootprint} set, so the pair stays valid). Between bursts nothing allocates much, so
     * free heap only costs resident memory; under traffic {@link HeapFootprint}'s looser ratio applies again, so
     * ordinary cycles do not shrink a heap the next collections would grow back.
     */
    static final int QUIET_MAX_FREE_PERCENT = HeapFootprint.MIN_FREE_PERCENT;

    static final String PERIODIC_CAUSE = "G1 Periodic Collection";
    static final String CONCURRENT_COLLECTOR = "G1 Concurrent GC";

    private static final Logger log = LoggerFactory.getLogger(QuietMemoryReturn.class);
    private static final String INTERVAL_FLAG = "G1PeriodicGCInterval";
    private static final String MAX_FREE_FLAG = "MaxHeapFreeRatio";

    /** Where the burst cycle stands. */
    enum State {
        /** Nothing to return; no periodic collection. */
        IDLE,
        /** The heap has grown beyond the live set; G1's periodic collection waits for a quiet moment. */
        ARMED,
        /** The periodic collection has started; its concurrent cycle's Remark shrinks the heap. */
        RETURNING
    }

    /** What to do after one collection. */
    enum Action {
        NOTHING,
        /** Set the periodic interval to {@link #QUIET_MILLIS}. */
        ARM,
        /** Set the periodic interval back to 0 (no periodic collections while idle). */
        DISARM,
        /**
         * The periodic collection has started: disarm, and let its cycle shrink the heap to the tighter
         * {@link #QUIET_MAX_FREE_PERCENT} (restored once the heap is returned).
         */
        RETURN,
        /** The heap has been returned: trim the native heap. */
        TRIM
    }

    /** A state change and the action it asks for. */
    record Step(State state, Action action) {
    }

    private final HotSpotDiagnosticMXBean hotSpot;
    private final Set<String> heapPools;
    private final boolean trim;
    private State state = State.IDLE;
    private long committedWhenArmed;
    /** Set when armed for the start: the first return is followed by one compacting collection. */
    private boolean compactAfterFirstReturn;

    private QuietMemoryReturn(HotSpotDiagnosticMXBean hotSpot, Set<String> heapPools, boolean trim) {
        this.hotSpot = hotSpot;
        this.heapPools = heapPools;
        this.trim = trim;
    }

    /** What {@link #installUnlessSwitchedOff} or {@link #installArmedForTheStart} did, for one log line. */
    public record Outcome(boolean installed, String reason) {
    }

    /**
     * Installs the listener when {@code heapRatiosApplied} (HeapFootprint changed G1's ratios on this JVM) and the
     * switch is not off. The first burst that grows the heap arms it.
     */
    public static Outcome installUnlessSwitchedOff(boolean heapRatiosApplied) {
        return install(heapRatiosApplied, false);
    }

    /**
     * Installs the listener as {@link #installUnlessSwitchedOff} does, and arms it at once for the start's own
     * garbage: the start leaves G1 with its initial heap (1/64 of the RAM) mostly filled by what configuration
     * parsing, the index build and the model read no longer need. Once the service has been quiet for
     * {@value #QUIET_MILLIS} ms, G1's concurrent cycle returns that heap, as after any burst, and one full collection
     * then compacts what the cycle left (the start's garbage is spread over old regions). Instead of that full
     * collection right after the start, where its stop-the-world pause of 0.1–0.35 s held up the first requests
     * (health, the first message) (docs/performance.md, "Start-up and memory").
     */
    public static Outcome installArmedForTheStart(boolean heapRatiosApplied) {
        return install(heapRatiosApplied, true);
    }

    private static Outcome install(boolean heapRatiosApplied, boolean armNow) {
        String setting = System.getProperty(SWITCH, System.getenv("VAGVISAREN_JVM_RETURNMEMORYWHENQUIET"));
        if (setting != null && !Boolean.parseBoolean(setting.strip())) {
            return new Outcome(false, "memory return after bursts off (" + SWITCH + "=false)");
        }
        if (!heapRatiosApplied) {
            return new Outcome(false, "memory return after bursts not used (G1's heap ratios not set by the service)");
        }
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                .collect(Collectors.toUnmodifiableSet());
        boolean trim = trimNotChosenByTheStart(hotSpot);
        QuietMemoryReturn listener = new QuietMemoryReturn(hotSpot, heapPools, trim);
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> listener.onNotification(notification),
                        notification -> GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                                .equals(notification.getType()), null);
            }
        }
        String armed = "";
        if (armNow) {
            try {
                listener.armForTheStart();
                armed = "; armed for the start's garbage";
            } catch (RuntimeException e) { // a JVM that refuses the flag: the first burst arms it, or nothing does
                armed = "; not armed for the start's garbage (" + e.getClass().getSimpleName() + ")";
            }
        }
        return new Outcome(true, "heap and native memory returned after " + QUIET_MILLIS
                + " ms without a collection after a burst" + (trim ? "" : " (heap only: the start set TrimNativeHeapInterval)")
                + armed);
    }

    private synchronized void armForTheStart() {
        if (state == State.IDLE) {
            committedWhenArmed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
            hotSpot.setVMOption(INTERVAL_FLAG, String.valueOf(QUIET_MILLIS));
            state = State.ARMED;
            compactAfterFirstReturn = true;
        }
    }

    /**
     * The next state after one collection.
     *
     * @param collector the collector bean's name ({@value #CONCURRENT_COLLECTOR} for Remark and Cleanup)
     * @param cause     the collection's cause as the JVM names it
     * @param used      heap used after the collection, bytes
     * @param committed heap committed after the collection, bytes
     */
    static Step next(State state, String collector, String cause, long used, long committed) {
        boolean excess = hasExcessHeap(used, committed);
        if (CONCURRENT_COLLECTOR.equals(collector)) {
            if (state == State.RETURNING || (state == State.ARMED && !excess)) {
                // The Remark of the periodic (or of an ordinary) concurrent cycle has shrunk the heap.
                return new Step(State.IDLE, state == State.ARMED ? Action.DISARM : Action.TRIM);
            }
            return new Step(state, Action.NOTHING);
        }
        if (PERIODIC_CAUSE.equals(cause)) {
            // Once per burst: whatever this cycle returns, no further periodic cycles until work grows the heap again.
            return new Step(State.RETURNING, state == State.IDLE ? Action.NOTHING : Action.RETURN);
        }
        // A collection caused by the application's allocation (or an explicit one).
        if (excess) {
            return new Step(State.ARMED, state == State.ARMED ? Action.NOTHING : Action.ARM);
        }
        return new Step(State.IDLE, state == State.ARMED ? Action.DISARM : Action.NOTHING);
    }

    /** Whether the heap holds at least {@link #MIN_EXCESS_BYTES} and at least the used size more than it uses. */
    static boolean hasExcessHeap(long used, long committed) {
        long free = committed - used;
        return free >= MIN_EXCESS_BYTES && free > used;
    }

    private synchronized void onNotification(Notification notification) {
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        GcInfo gc = info.getGcInfo();
        long used = 0;
        long committed = 0;
        for (Map.Entry<String, MemoryUsage> pool : gc.getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
                committed += pool.getValue().getCommitted();
            }
        }
        Step step = next(state, info.getGcName(), info.getGcCause(), used, committed);
        log.trace("{} ({}, {}): {} MB used, {} MB committed, pools {}: {} -> {}", info.getGcName(), info.getGcAction(),
                info.getGcCause(), used >> 20, committed >> 20, gc.getMemoryUsageAfterGc().keySet(), state, step);
        State previous = state;
        state = step.state();
        try {
            if (previous == State.RETURNING && step.action() != Action.TRIM) {
                restoreMaxFreeRatio(); // the cycle ended without the Remark this listener waits for
            }
            switch (step.action()) {
                case ARM -> {
                    committedWhenArmed = committed;
                    hotSpot.setVMOption(INTERVAL_FLAG, String.valueOf(QUIET_MILLIS));
                }
                case DISARM -> {
                    hotSpot.setVMOption(INTERVAL_FLAG, "0");
                    if (state == State.IDLE) {
                        returned(committed, used);
                    }
                }
                case RETURN -> {
                    hotSpot.setVMOption(INTERVAL_FLAG, "0");
                    hotSpot.setVMOption(MAX_FREE_FLAG, String.valueOf(QUIET_MAX_FREE_PERCENT));
                }
                case TRIM -> returned(committed, used);
                case NOTHING -> {
                }
            }
        } catch (RuntimeException e) { // never let the JVM's notification thread see an exception
            log.warn("Memory return after a burst failed ({}); G1 keeps its own sizing", e.getClass().getSimpleName());
            state = State.IDLE;
        }
    }

    private void returned(long committed, long used) {
        if (compactAfterFirstReturn) {
            compactAfterFirstReturn = false;
            // The start's garbage lies in old regions that a concurrent cycle frees only where nothing is live; one
            // full collection now, with the service quiet for QUIET_MILLIS, compacts them as the start's own full
            // collection did (without it the process held about 20 MB more after later bursts). Not on this thread:
            // it delivers the JVM's notifications, including this collection's.
            Thread.ofPlatform().daemon().name("start-garbage-compaction").start(() -> {
                System.gc();
                restoreMaxFreeRatio();
                String trimmed = trim ? trimNativeHeap() : "not trimmed";
                log.debug("Start-up garbage compacted once quiet; native heap: {}", trimmed);
            });
            return;
        }
        restoreMaxFreeRatio();
        String trimmed = trim ? trimNativeHeap() : "not trimmed";
        log.debug("Heap returned after a burst: {} MB committed (was {} MB), {} MB used; native heap: {}",
                committed >> 20, committedWhenArmed >> 20, used >> 20, trimmed);
    }

    /** Back to {@link HeapFootprint}'s ratio for the collections that traffic brings. */
    private void restoreMaxFreeRatio() {
        try {
            hotSpot.setVMOption(MAX_FREE_FLAG, String.valueOf(HeapFootprint.MAX_FREE_PERCENT));
        } catch (RuntimeException e) {
            log.warn("MaxHeapFreeRatio not restored ({})", e.getClass().getSimpleName());
        }
    }

    /** Whether the start left periodic trimming off (a JVM without the option: no trim from here either). */
    private static boolean trimNotChosenByTheStart(HotSpotDiagnosticMXBean hotSpot) {
        try {
            return "0".equals(hotSpot.getVMOption("TrimNativeHeapInterval").getValue());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Runs {@code System.trim_native_heap} on this JVM; returns its one-line answer. */
    static String trimNativeHeap() {
        try {
            Object answer = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "systemTrimNativeHeap",
                    new Object[0], new String[0]);
            return String.valueOf(answer).strip();
        } catch (JMException e) {
            return "trim not available (" + e.getClass().getSimpleName() + ")";
        }
    }
}
