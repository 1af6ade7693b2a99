package dev.offramp.events;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the scheduling priority (raises the Linux "nice" value) of the threads that deliver events, so
 * that on a busy machine they give way to the threads answering webhooks and API calls. Events are already
 * durable in the outbox when they are delivered: delaying a delivery by milliseconds costs nothing,
 * delaying an answer to Unigox or the business costs their timeouts. Measured in
 * docs/benchmark-sessions.md (sessions 12 and 13): under a saturating burst on two cores, 31-51% more
 * webhooks applied per second with a destination on; at a rate the machine holds, the lag to the receiver
 * about the same.
 *
 * <p>Each thread lowers itself once, the first time it runs a delivery step ({@link #lowerCurrentThread}),
 * to N nice levels below the process (not below the thread: a thread inherits the niceness of the thread
 * that started it), running {@code renice} on its own kernel thread id, read from
 * {@code /proc/thread-self}. An unprivileged process may always lower its own priority; raising it back
 * needs privileges, which is why nothing here ever tries. Where that is not possible (not Linux, no
 * {@code renice}), the bundle says so once at WARN and delivers at normal priority. Plain Java, no Camel.
 */
public final class DeliveryThreadPriority {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryThreadPriority.class);
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");

    private final int nice;
    private final List<String> renice;
    private final ThreadLocal<Boolean> lowered = ThreadLocal.withInitial(() -> Boolean.FALSE);
    private final AtomicBoolean unavailable = new AtomicBoolean();

    /**
     * @param nice how many nice levels below the rest of the bundle delivery threads run, 1-19; 0 leaves them alone
     * @param renice the command that sets a thread's niceness, {@code renice} on every Linux
     */
    public DeliveryThreadPriority(int nice, String renice) {
        if (nice < 0 || nice > 19) {
            throw new IllegalArgumentException("offramp.events.delivery-nice must be 0 (off) to 19, not " + nice);
        }
        this.nice = nice;
        this.renice = List.of(renice);
    }

    /** Lowers the calling thread's priority by the configured nice levels, once per thread; never fails. */
    public void lowerCurrentThread() {
        if (nice == 0 || lowered.get() || unavailable.get()) {
            return;
        }
        lowered.set(Boolean.TRUE);
        try {
            String tid = threadId();
            // relative to the process's own niceness (a bundle started under `nice` keeps its offset), not to
            // the thread's: a pool thread started by the already lowered timer thread inherits its niceness
            int target = Math.min(19, niceOf(Path.of("/proc/self/stat")) + nice);
            if (niceOf(Path.of("/proc/self/task", tid, "stat")) >= target) {
                return;
            }
            // the absolute form, which util-linux and busybox renice read the same way
            List<String> command = new ArrayList<>(renice);
            command.addAll(List.of(Integer.toString(target), "-p", tid));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            int exit = process.waitFor();
            if (exit != 0) {
                giveUp("renice exited " + exit + ": " + output);
            }
        } catch (IOException | RuntimeException e) {
            giveUp(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            giveUp("interrupted");
        }
    }

    /** The calling thread's kernel id: {@code /proc/thread-self} links to {@code <pid>/task/<tid>}. */
    static String threadId() throws IOException {
        return Files.readSymbolicLink(THREAD_SELF).getFileName().toString();
    }

    /** The niceness of one of this process's threads, {@code /proc/self/task/<tid>/stat}. */
    static int niceOf(String tid) throws IOException {
        return niceOf(Path.of("/proc/self/task", tid, "stat"));
    }

    /**
     * The niceness in a {@code stat} file: field 19, counted after the command name, which may hold spaces
     * and brackets. {@code /proc/self/stat} is the process's main thread: the niceness it was started with.
     */
    static int niceOf(Path stat) throws IOException {
        String line = Files.readString(stat);
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[19 - 3]);
    }

    private void giveUp(String why) {
        if (unavailable.compareAndSet(false, true)) {
            LOG.warn("Event delivery threads keep normal priority (offramp.events.delivery-nice={} could not be applied: {})", nice, why);
        }
    }
}
