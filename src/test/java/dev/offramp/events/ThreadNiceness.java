package dev.offramp.events;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;

/**
 * The niceness of each live thread of this JVM, by thread name: names from the JVM's own thread dump
 * (the DiagnosticCommand MBean, what {@code jcmd Thread.print} shows, with each thread's kernel id), the
 * niceness from {@code ps}, a reader independent of the bundle's.
 */
public final class ThreadNiceness {

    private static final Pattern DUMP_LINE = Pattern.compile("^\"(.*)\" .* nid=(0x[0-9a-f]+|\\d+) ", Pattern.MULTILINE);

    private ThreadNiceness() {
    }

    /** Thread name to niceness; threads that ended between the dump and {@code ps} are left out. */
    public static Map<String, Integer> byThreadName() throws Exception {
        String dump = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "threadPrint",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Map<Long, Integer> niceByTid = niceByTid();
        Map<String, Integer> byName = new LinkedHashMap<>();
        Matcher m = DUMP_LINE.matcher(dump);
        while (m.find()) {
            String nid = m.group(2);
            long tid = nid.startsWith("0x") ? Long.parseLong(nid.substring(2), 16) : Long.parseLong(nid);
            Integer nice = niceByTid.get(tid);
            if (nice != null) {
                byName.put(m.group(1), nice);
            }
        }
        return byName;
    }

    /** One thread's niceness, by its kernel id. */
    public static int ofThread(String tid) throws Exception {
        Integer nice = niceByTid().get(Long.parseLong(tid));
        if (nice == null) {
            throw new AssertionError("thread " + tid + " is not in ps's list of this process's threads");
        }
        return nice;
    }

    private static Map<Long, Integer> niceByTid() throws Exception {
        Process ps = new ProcessBuilder("ps", "-L", "-o", "lwp=,nice=", "-p", Long.toString(ProcessHandle.current().pid()))
                .redirectErrorStream(true).start();
        String out = new String(ps.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        ps.waitFor();
        Map<Long, Integer> nice = new HashMap<>();
        for (String line : out.trim().split("\n")) {
            String[] f = line.trim().split("\\s+");
            nice.put(Long.parseLong(f[0]), Integer.parseInt(f[1]));
        }
        return nice;
    }
}
