package se.vagvisaren.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.vagvisaren.system.QuietMemoryReturn.Action;
import se.vagvisaren.system.QuietMemoryReturn.State;
import se.vagvisaren.system.QuietMemoryReturn.Step;

class QuietMemoryReturnTest {

    private static final long MB = 1024 * 1024;
    private static final String YOUNG = "G1 Young Generation";
    private static final String CONCURRENT = QuietMemoryReturn.CONCURRENT_COLLECTOR;
    private static final String EVACUATION = "G1 Evacuation Pause";

    @Test
    void hasExcessHeap_onlyWhenMuchMoreIsCommittedThanUsed() {
        assertThat(QuietMemoryReturn.hasExcessHeap(53 * MB, 232 * MB)).isTrue();   // mid-burst, measured
        assertThat(QuietMemoryReturn.hasExcessHeap(48 * MB, 76 * MB)).isFalse();   // after the start's collection
        assertThat(QuietMemoryReturn.hasExcessHeap(10 * MB, 40 * MB)).isFalse();   // small: not worth a cycle
        assertThat(QuietMemoryReturn.hasExcessHeap(200 * MB, 390 * MB)).isFalse(); // a big live set needs its heap
    }

    @Test
    void aBurstThatGrowsTheHeap_armsThePeriodicCollectionOnce() {
        Step first = QuietMemoryReturn.next(State.IDLE, YOUNG, EVACUATION, 53 * MB, 232 * MB);
        assertThat(first).isEqualTo(new Step(State.ARMED, Action.ARM));
        assertThat(QuietMemoryReturn.next(first.state(), YOUNG, EVACUATION, 56 * MB, 236 * MB))
                .isEqualTo(new Step(State.ARMED, Action.NOTHING));
    }

    @Test
    void thePeriodicCollection_disarmsAtOnce_andItsRemarkTrims() {
        Step periodic = QuietMemoryReturn.next(State.ARMED, YOUNG, QuietMemoryReturn.PERIODIC_CAUSE, 56 * MB, 236 * MB);
        assertThat(periodic).isEqualTo(new Step(State.RETURNING, Action.RETURN));
        Step remark = QuietMemoryReturn.next(periodic.state(), CONCURRENT, "No GC", 56 * MB, 88 * MB);
        assertThat(remark).isEqualTo(new Step(State.IDLE, Action.TRIM));
        // Cleanup, the same cycle's second pause: nothing more.
        assertThat(QuietMemoryReturn.next(remark.state(), CONCURRENT, "No GC", 56 * MB, 88 * MB))
                .isEqualTo(new Step(State.IDLE, Action.NOTHING));
    }

    @Test
    void aPeriodicCycleThatCouldNotShrink_isNotRepeatedWhileIdle() {
        // The live set grew: the Remark leaves the heap large. Idle, nothing may arm the flag again.
        Step remark = QuietMemoryReturn.next(State.RETURNING, CONCURRENT, "No GC", 60 * MB, 230 * MB);
        assertThat(remark.action()).isEqualTo(Action.TRIM);
        assertThat(QuietMemoryReturn.next(remark.state(), CONCURRENT, "No GC", 60 * MB, 230 * MB).action())
                .isEqualTo(Action.NOTHING);
    }

    @Test
    void aConcurrentCycleOfTheBurstItself_thatShrinksTheHeap_disarms() {
        assertThat(QuietMemoryReturn.next(State.ARMED, CONCURRENT, "No GC", 61 * MB, 88 * MB))
                .isEqualTo(new Step(State.IDLE, Action.DISARM));
        assertThat(QuietMemoryReturn.next(State.ARMED, CONCURRENT, "No GC", 61 * MB, 230 * MB))
                .isEqualTo(new Step(State.ARMED, Action.NOTHING));
    }

    @Test
    void collectionsWithoutExcess_changeNothing() {
        assertThat(QuietMemoryReturn.next(State.IDLE, YOUNG, EVACUATION, 50 * MB, 76 * MB))
                .isEqualTo(new Step(State.IDLE, Action.NOTHING));
        assertThat(QuietMemoryReturn.next(State.IDLE, "G1 Old Generation", "System.gc()", 48 * MB, 76 * MB))
                .isEqualTo(new Step(State.IDLE, Action.NOTHING));
    }

    @Test
    void trimNativeHeap_isADiagnosticCommandOfThisJvm() {
        // On glibc the JVM answers with the RSS before and after; elsewhere it says the trim is not available.
        assertThat(QuietMemoryReturn.trimNativeHeap()).containsIgnoringCase("trim");
    }

    @Test
    void onG1_aBurstThenQuiet_returnsTheHeapAndDisarms() throws Exception {
        Map<String, String> probe = runProbe(40, List.of());

        assertThat(probe.get("installed")).startsWith("heap and native memory returned after");
        assertHeapReturnedOnceQuietThenDisarmed(probe);
    }

    @Test
    void onG1_theStartsGarbage_isReturnedOnceQuiet_thenCompactedOnce_neverAtTheStart() throws Exception {
        Map<String, String> probe = runProbe(40, List.of(), "start");

        assertThat(probe.get("installed")).contains("armed for the start's garbage");
        assertHeapReturnedOnceQuietThenDisarmed(probe);
        // No full collection when armed (the start's path), exactly one once the service was quiet.
        assertThat(probe.get("fullCollections")).isEqualTo("1");
        assertThat(probe.get("fullCollectionsAtInstall")).isEqualTo("0");
        assertThat(probe.get("maxHeapFreeRatioAtEnd")).isEqualTo(String.valueOf(HeapFootprint.MAX_FREE_PERCENT));
    }

    @Test
    void onG1_theQuietReturn_leavesATenthOfTheLiveHeapFree_thenTrafficGetsTheLooserRatioBack() throws Exception {
        Map<String, String> probe = runProbe(40, List.of("-Dprobe.liveMb=64"));

        assertHeapReturnedOnceQuietThenDisarmed(probe);
        long used = Long.parseLong(probe.get("usedAfterMb"));
        assertThat(used).as("the live set is held").isGreaterThanOrEqualTo(64);
        // HeapFootprint's 30 % would keep used / 0.7 committed (≈ 95 MB here); the quiet cycle keeps used / 0.9,
        // plus a few regions of rounding.
        assertThat(Long.parseLong(probe.get("committedAfterMb")))
                .isLessThanOrEqualTo(used * 100 / (100 - QuietMemoryReturn.QUIET_MAX_FREE_PERCENT) + 4)
                .isLessThan(used * 100 / (100 - HeapFootprint.MAX_FREE_PERCENT));
        assertThat(probe.get("maxHeapFreeRatioAtEnd")).isEqualTo(String.valueOf(HeapFootprint.MAX_FREE_PERCENT));
    }

    @Test
    void onG1_switchedOff_leavesThePeriodicCollectionOff() throws Exception {
        Map<String, String> probe = runProbe(0, List.of("-D" + QuietMemoryReturn.SWITCH + "=false"));

        assertThat(probe.get("installed")).contains(QuietMemoryReturn.SWITCH + "=false");
        assertThat(probe.get("intervalAfterBurst")).isEqualTo("0");
    }

    /** The periodic collection was armed after the burst, returned at least half the committed heap, and is off again. */
    private static void assertHeapReturnedOnceQuietThenDisarmed(Map<String, String> probe) {
        assertThat(probe.get("intervalAfterBurst")).isEqualTo(String.valueOf(QuietMemoryReturn.QUIET_MILLIS));
        long before = Long.parseLong(probe.get("committedBeforeMb"));
        assertThat(Long.parseLong(probe.get("committedAfterMb"))).as("committed heap, was %d MB", before)
                .isLessThanOrEqualTo(before / 2);
        assertThat(probe.get("intervalAtEnd")).isEqualTo("0");
    }

    /** Runs {@link QuietMemoryReturnProbe} on G1 with a 256 MB initial heap; returns its key=value lines. */
    private static Map<String, String> runProbe(int quietSeconds, List<String> options, String... mode)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseG1GC", "-Xmx512m", "-XX:InitialHeapSize=256m", "-cp", System.getProperty("java.class.path")));
        command.addAll(options);
        command.addAll(List.of(QuietMemoryReturnProbe.class.getName(), String.valueOf(quietSeconds)));
        command.addAll(List.of(mode));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        return ProbeOutput.of(process, quietSeconds + 60L).values();
    }
}
