package se.vagvisaren.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeapFootprintTest {

    private static final List<String> G1 = List.of("G1 Young Generation", "G1 Concurrent GC", "G1 Old Generation");

    @Test
    void reasonToSkip_bareStartOnG1_changesTheFlags() {
        assertThat(HeapFootprint.reasonToSkip(G1, null, flag -> "DEFAULT")).isNull();
        assertThat(HeapFootprint.reasonToSkip(G1, "true", flag -> "DEFAULT")).isNull();
    }

    @Test
    void reasonToSkip_optionsFileWithSerialGc_leavesItAlone() {
        assertThat(HeapFootprint.reasonToSkip(List.of("Copy", "MarkSweepCompact"), null, flag -> "DEFAULT"))
                .contains("not G1");
    }

    @Test
    void reasonToSkip_flagChosenByTheStart_leavesAllAlone() {
        Map<String, String> origins = Map.of("MinHeapFreeRatio", "DEFAULT", "MaxHeapFreeRatio", "VM_CREATION",
                "G1PeriodicGCInterval", "DEFAULT");
        assertThat(HeapFootprint.reasonToSkip(G1, null, origins::get)).isEqualTo("the start set MaxHeapFreeRatio");
    }

    @Test
    void reasonToSkip_switchedOff_leavesItAlone() {
        assertThat(HeapFootprint.reasonToSkip(G1, "false", flag -> "DEFAULT")).contains("=false");
    }

    @Test
    void settings_keepMinBelowMax_andLeaveThePeriodicCollectionToQuietMemoryReturn() {
        assertThat(Integer.parseInt(HeapFootprint.SETTINGS.get("MinHeapFreeRatio")))
                .isLessThan(Integer.parseInt(HeapFootprint.SETTINGS.get("MaxHeapFreeRatio")));
        assertThat(HeapFootprint.SETTINGS).doesNotContainKey("G1PeriodicGCInterval");
    }

    @Test
    void reasonToSkip_periodicCollectionChosenByTheStart_leavesAllAlone() {
        Map<String, String> origins = Map.of("MinHeapFreeRatio", "DEFAULT", "MaxHeapFreeRatio", "DEFAULT",
                "G1PeriodicGCInterval", "COMMAND_LINE");
        assertThat(HeapFootprint.reasonToSkip(G1, null, origins::get)).isEqualTo("the start set G1PeriodicGCInterval");
    }

    @Test
    void applyUnlessConfigured_onThisJvm_doesWhatItsCollectorCallsFor() {
        // The test JVM runs SerialGC (like the options file) or G1 (a bare start), depending on the build's argLine:
        // on SerialGC nothing may change; on G1 the two free-ratio flags must really be set on this JVM.
        boolean g1 = ManagementFactory.getGarbageCollectorMXBeans().stream().anyMatch(gc -> gc.getName().startsWith("G1 "));
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        boolean chosenByTheStart = List.of("MinHeapFreeRatio", "MaxHeapFreeRatio", "G1PeriodicGCInterval").stream()
                .anyMatch(flag -> hotSpot.getVMOption(flag).getOrigin() != VMOption.Origin.DEFAULT
                        && hotSpot.getVMOption(flag).getOrigin() != VMOption.Origin.MANAGEMENT);

        HeapFootprint.Outcome outcome = HeapFootprint.applyUnlessConfigured();

        if (!g1) {
            assertThat(outcome.applied()).isFalse();
            assertThat(outcome.reason()).contains("not G1");
            assertThat(HeapFootprint.collectStartGarbage()).isFalse();
        } else if (!chosenByTheStart) {
            assertThat(outcome.applied()).as(outcome.reason()).isTrue();
            assertThat(hotSpot.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo(HeapFootprint.SETTINGS.get("MaxHeapFreeRatio"));
            assertThat(hotSpot.getVMOption("MinHeapFreeRatio").getOrigin()).isEqualTo(VMOption.Origin.MANAGEMENT);
        } else {
            assertThat(outcome.applied()).isFalse();
            assertThat(outcome.reason()).contains("the start set");
        }
    }
}
