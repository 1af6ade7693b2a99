package dev.offramp.footprint;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Gives back, once, the memory start-up needed and the idle bundle does not: start-up is the process's
 * peak of both garbage (every route built, every YAML file parsed) and native allocations (the JIT
 * compiling thousands of methods, classes parsed), and the JVM keeps both: G1 shrinks its heap only after
 * a full collection, and the C library keeps freed native memory for reuse. So, a few seconds after
 * start-up (routes/footprint/footprint-release-after-start.camel.yaml): one full collection, then the
 * JVM's own native-heap trim, the one {@code jcmd <pid> System.trim_native_heap} runs (JDK 17.0.9 and
 * later, glibc only; skipped where the JVM lacks it). Profiled first (docs/benchmark-sessions.md,
 * session 11): median idle RSS 312 -> 273 MB with no JVM options, 202-205 -> 185-198 MB with deploy/'s
 * (serial collector); the collection is one pause, on a heap of about 40 MB live.
 *
 * <p>A full collection alone shrinks the heap only down to 70% free (the JVM's default
 * {@code MaxHeapFreeRatio}), so on a machine with much memory (a heap sized to a sixty-fourth of it) most
 * of what start-up touched stayed committed. For this one collection the two free ratios, which the JVM
 * lets a running program change, are tightened to {@value #SHRINK_MIN_FREE_PERCENT}-{@value
 * #SHRINK_MAX_FREE_PERCENT}%, then put back, so the heap grows again under load as it always did.
 * Ratios someone set (a JVM option) are left as they are. Measured (docs/benchmark-sessions.md, session
 * 15): idle RSS of a plain start, median of five, 246 MB with the collection alone, 185 MB with the
 * ratios tightened.
 */
public final class StartUpMemory {

    static final String DIAGNOSTIC_COMMAND = "com.sun.management:type=DiagnosticCommand";
    static final String TRIM_NATIVE_HEAP = "systemTrimNativeHeap";
    static final String MIN_FREE = "MinHeapFreeRatio";
    static final String MAX_FREE = "MaxHeapFreeRatio";
    static final int SHRINK_MIN_FREE_PERCENT = 5;
    static final int SHRINK_MAX_FREE_PERCENT = 10;

    /**
     * Collects (the heap free ratios tightened for it) and trims; the report holds the resident set before
     * (kB, -1 off Linux), whether the ratios were tightened and whether the trim ran. G1 gives the shrunk
     * heap back to the OS in the background, so the resident set after is read a moment later, by
     * {@link #measureAfter}.
     */
    public Map<String, Object> release() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("rssBeforeKb", residentKb());
        report.put("heapFreeRatiosTightened", collectWithTightFreeRatios());
        report.put("nativeHeapTrimmed", trimNativeHeap());
        return report;
    }

    /** The report with the resident set now (rssAfterKb) and the bytes it fell by (releasedBytes, never negative). */
    public Map<String, Object> measureAfter(Map<String, Object> report) {
        long before = (Long) report.get("rssBeforeKb");
        long after = residentKb();
        Map<String, Object> measured = new LinkedHashMap<>(report);
        measured.put("rssAfterKb", after);
        measured.put("releasedBytes", before > 0 && after > 0 ? Math.max(0, (before - after) * 1024) : 0L);
        return measured;
    }

    /**
     * One full collection with the free ratios at {@value #SHRINK_MIN_FREE_PERCENT}-{@value
     * #SHRINK_MAX_FREE_PERCENT}%, then the ratios as they were; true when they were tightened, false when
     * someone had set them or this JVM cannot change them (the collection runs either way).
     */
    static boolean collectWithTightFreeRatios() {
        Runnable putBack = tightenFreeRatios();
        try {
            System.gc();
        } finally {
            if (putBack != null) {
                putBack.run();
            }
        }
        return putBack != null;
    }

    /** Tightens the two ratios and answers how to put them back; null when they stay as they are. */
    private static Runnable tightenFreeRatios() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            VMOption min = vm.getVMOption(MIN_FREE);
            VMOption max = vm.getVMOption(MAX_FREE);
            if (setAtLaunch(min.getOrigin()) || setAtLaunch(max.getOrigin())) {
                return null;
            }
            // min first and back last: the JVM refuses a minimum above the maximum at every step
            Runnable putBack = () -> {
                vm.setVMOption(MAX_FREE, max.getValue());
                vm.setVMOption(MIN_FREE, min.getValue());
            };
            try {
                vm.setVMOption(MIN_FREE, Integer.toString(SHRINK_MIN_FREE_PERCENT));
                vm.setVMOption(MAX_FREE, Integer.toString(SHRINK_MAX_FREE_PERCENT));
            } catch (RuntimeException refused) {
                putBack.run();
                return null;
            }
            return putBack;
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** A JVM option on the command line, in JAVA_TOOL_OPTIONS or an options file: someone chose it, it stays. */
    static boolean setAtLaunch(VMOption.Origin origin) {
        return origin == VMOption.Origin.VM_CREATION || origin == VMOption.Origin.ENVIRON_VAR
                || origin == VMOption.Origin.CONFIG_FILE;
    }

    /** The JVM's diagnostic command, through its platform MBean; false where the JVM has no such command. */
    static boolean trimNativeHeap() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(DIAGNOSTIC_COMMAND);
            boolean present = false;
            for (var operation : server.getMBeanInfo(name).getOperations()) {
                present |= operation.getName().equals(TRIM_NATIVE_HEAP);
            }
            if (!present) {
                return false;
            }
            server.invoke(name, TRIM_NATIVE_HEAP, new Object[] {new String[0]}, new String[] {String[].class.getName()});
            return true;
        } catch (Exception | LinkageError e) {
            return false;
        }
    }

    /** This process's resident set (VmRSS) in kB, or -1 where /proc is not there. */
    static long residentKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: nothing to report, the collection still ran
        }
        return -1;
    }
}
