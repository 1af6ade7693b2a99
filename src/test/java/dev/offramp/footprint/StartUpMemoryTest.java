package dev.offramp.footprint;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one-off release after start-up, in this test JVM (Linux, OpenJDK 17.0.15 here: the trim exists). */
class StartUpMemoryTest {

    @Test
    void collectsTrimsTheNativeHeapAndReportsTheResidentSetAround() {
        StartUpMemory memory = new StartUpMemory();
        Map<String, Object> report = memory.measureAfter(memory.release());
        assertThat(report).containsOnlyKeys("rssBeforeKb", "rssAfterKb", "releasedBytes", "heapFreeRatiosTightened",
                "nativeHeapTrimmed");
        assertThat((Long) report.get("rssBeforeKb")).isPositive();
        assertThat((Long) report.get("rssAfterKb")).isPositive();
        assertThat((Long) report.get("releasedBytes")).isNotNegative();
        // the same command as jcmd's System.trim_native_heap: present on the JDKs CI runs (17.0.9+, 25)
        assertThat(report.get("nativeHeapTrimmed")).isEqualTo(true);
    }

    @Test
    void theHeapFreeRatiosAreTightenedForTheCollectionOnlyAndPutBackAsTheyWere() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        String min = vm.getVMOption("MinHeapFreeRatio").getValue();
        String max = vm.getVMOption("MaxHeapFreeRatio").getValue();

        // surefire starts this JVM without either option, so nobody chose them: they are tightened
        assertThat(new StartUpMemory().release()).containsEntry("heapFreeRatiosTightened", true);

        assertThat(vm.getVMOption("MinHeapFreeRatio").getValue()).isEqualTo(min);
        assertThat(vm.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo(max);
    }

    @Test
    void ratiosSomeoneSetAsJvmOptionsAreLeftAloneAndOthersAreNot() {
        assertThat(StartUpMemory.setAtLaunch(VMOption.Origin.VM_CREATION)).isTrue();
        assertThat(StartUpMemory.setAtLaunch(VMOption.Origin.ENVIRON_VAR)).isTrue();
        assertThat(StartUpMemory.setAtLaunch(VMOption.Origin.CONFIG_FILE)).isTrue();
        assertThat(StartUpMemory.setAtLaunch(VMOption.Origin.DEFAULT)).isFalse();
        assertThat(StartUpMemory.setAtLaunch(VMOption.Origin.ERGONOMIC)).isFalse();
        // set at run time (by this class's previous release, or by hand through JMX): put back after each use
        assertThat(StartUpMemory.setAtLaunch(VMOption.Origin.MANAGEMENT)).isFalse();
    }

    @Test
    void theBytesReleasedAreTheFallOfTheResidentSetAndNeverNegative() {
        StartUpMemory memory = new StartUpMemory();
        Map<String, Object> fell = new HashMap<>(Map.of("rssBeforeKb", Long.MAX_VALUE / 2048, "nativeHeapTrimmed", true));
        assertThat((Long) memory.measureAfter(fell).get("releasedBytes")).isPositive();
        Map<String, Object> grew = new HashMap<>(Map.of("rssBeforeKb", 1L, "nativeHeapTrimmed", true));
        assertThat(memory.measureAfter(grew)).containsEntry("releasedBytes", 0L);
        Map<String, Object> unknown = new HashMap<>(Map.of("rssBeforeKb", -1L, "nativeHeapTrimmed", false));
        assertThat(memory.measureAfter(unknown)).containsEntry("releasedBytes", 0L);
    }
}
