package se.vagvisaren.system;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * A small program for {@link QuietMemoryReturnTest}, run in a JVM of its own on G1 (the test JVM runs SerialGC):
 * sets up {@link HeapFootprint} and {@link QuietMemoryReturn} as the bot's start does, makes garbage until G1 has
 * collected once (a "burst" in a heap far larger than its live set), then stays quiet and prints, one
 * {@code key=value} per line, what happened to the committed heap and to G1's periodic-collection flag.
 */
final class QuietMemoryReturnProbe {

    private static volatile Object sink;
    /** A live set of {@code -Dprobe.liveMb} megabytes, held for the whole run (a service's model and index). */
    private static byte[][] live;

    private QuietMemoryReturnProbe() {
    }

    public static void main(String[] args) throws Exception {
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        HeapFootprint.Outcome heap = HeapFootprint.applyUnlessConfigured();
        live = new byte[Integer.getInteger("probe.liveMb", 0) * 16][64 * 1024]; // small arrays: not humongous
        boolean start = args.length > 1 && "start".equals(args[1]);
        long committedBefore = committed();
        System.out.println("committedBeforeMb=" + (committedBefore >> 20));
        if (start) {
            // As the bot's start: garbage first (the heap far larger than its live set), then the listener, armed.
            CountDownLatch firstCollection = firstEvacuation(hotSpot, new String[1]);
            makeGarbageUntil(firstCollection);
            System.out.println("installed=" + QuietMemoryReturn.installArmedForTheStart(heap.applied()).reason());
            System.out.println("fullCollectionsAtInstall=" + fullCollections());
            System.out.println("intervalAfterBurst=" + hotSpot.getVMOption("G1PeriodicGCInterval").getValue());
        } else {
            System.out.println("installed=" + QuietMemoryReturn.installUnlessSwitchedOff(heap.applied()).reason());
            // Registered after QuietMemoryReturn's listener: a collector's listeners run in order, so when this one
            // runs for an allocation-caused collection, QuietMemoryReturn has already decided about that collection.
            String[] intervalAfterFirst = new String[1];
            CountDownLatch firstCollection = firstEvacuation(hotSpot, intervalAfterFirst);
            makeGarbageUntil(firstCollection); // the burst
            System.out.println("intervalAfterBurst=" + intervalAfterFirst[0]);
        }

        long limit = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[0]));
        while (System.nanoTime() < limit && committed() > committedBefore / 2) {
            Thread.sleep(100); // quiet: nothing allocates, so only G1's periodic collection can shrink the heap
        }
        System.out.println("committedAfterMb=" + (committed() >> 20));
        System.out.println("usedAfterMb=" + (ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20));
        // Disarmed after the return (the Remark's notification may still be on its way).
        limit = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < limit && !"0".equals(hotSpot.getVMOption("G1PeriodicGCInterval").getValue())) {
            Thread.sleep(50);
        }
        System.out.println("intervalAtEnd=" + hotSpot.getVMOption("G1PeriodicGCInterval").getValue());
        // After the start's return, one compacting (full) collection follows on a thread of its own.
        limit = System.nanoTime() + TimeUnit.SECONDS.toNanos(start ? 10 : 0);
        while (System.nanoTime() < limit && fullCollections() == 0) {
            Thread.sleep(50);
        }
        System.out.println("fullCollections=" + fullCollections());
        limit = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        String maxFree = String.valueOf(HeapFootprint.MAX_FREE_PERCENT);
        while (System.nanoTime() < limit && heap.applied() && !maxFree.equals(maxFreeRatio(hotSpot))) {
            Thread.sleep(50);
        }
        System.out.println("maxHeapFreeRatioAtEnd=" + maxFreeRatio(hotSpot));
        System.out.println("liveMb=" + live.length / 16);
    }

    /** Counts down at the first collection caused by allocation, noting the periodic-collection flag then. */
    private static CountDownLatch firstEvacuation(HotSpotDiagnosticMXBean hotSpot, String[] intervalThen) {
        CountDownLatch firstCollection = new CountDownLatch(1);
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter && collector.getName().equals("G1 Young Generation")) {
                emitter.addNotificationListener((notification, handback) -> {
                    GarbageCollectionNotificationInfo info =
                            GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    if (info.getGcCause().equals("G1 Evacuation Pause") && firstCollection.getCount() > 0) {
                        intervalThen[0] = hotSpot.getVMOption("G1PeriodicGCInterval").getValue();
                        firstCollection.countDown();
                    }
                }, null, null);
            }
        }
        return firstCollection;
    }

    /** Short-lived garbage only, until G1 has collected once. */
    private static void makeGarbageUntil(CountDownLatch firstCollection) throws InterruptedException {
        while (firstCollection.getCount() > 0) {
            sink = new byte[64 * 1024];
        }
        firstCollection.await(10, TimeUnit.SECONDS);
    }

    private static String maxFreeRatio(HotSpotDiagnosticMXBean hotSpot) {
        return hotSpot.getVMOption("MaxHeapFreeRatio").getValue();
    }

    private static long fullCollections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(gc -> gc.getName().equals("G1 Old Generation")).mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .sum();
    }

    private static long committed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
    }
}
