package dev.offramp.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The delivery threads' niceness, read back from the kernel ({@code /proc/<pid>/task/<tid>/stat}, and
 * {@code ps} as a second reader): each thread lowered once, by the configured levels, and only itself.
 */
class DeliveryThreadPriorityTest {

    @Test
    void aThreadLowersItselfOnceAndOnlyItself() throws Exception {
        DeliveryThreadPriority priority = new DeliveryThreadPriority(10, "renice");
        int before = onNewThread(() -> DeliveryThreadPriority.niceOf(DeliveryThreadPriority.threadId()));
        int[] seen = onNewThread(() -> {
            String tid = DeliveryThreadPriority.threadId();
            priority.lowerCurrentThread();
            int once = DeliveryThreadPriority.niceOf(tid);
            priority.lowerCurrentThread();   // a second delivery on the same thread: no further step
            return new int[] {once, DeliveryThreadPriority.niceOf(tid), ThreadNiceness.ofThread(tid)};
        });
        assertThat(seen).containsExactly(Math.min(19, before + 10), Math.min(19, before + 10), Math.min(19, before + 10));
        // the caller, and a thread that never delivered, keep their priority
        assertThat(DeliveryThreadPriority.niceOf(DeliveryThreadPriority.threadId())).isEqualTo(before);
        assertThat(onNewThread(() -> DeliveryThreadPriority.niceOf(DeliveryThreadPriority.threadId()))).isEqualTo(before);
    }

    @Test
    void zeroLeavesThreadsAlone() throws Exception {
        DeliveryThreadPriority off = new DeliveryThreadPriority(0, "no-such-renice");
        int before = DeliveryThreadPriority.niceOf(DeliveryThreadPriority.threadId());
        int after = onNewThread(() -> {
            off.lowerCurrentThread();
            return DeliveryThreadPriority.niceOf(DeliveryThreadPriority.threadId());
        });
        assertThat(after).isEqualTo(before);
    }

    @Test
    void withoutReniceDeliveriesGoOnAtNormalPriority() throws Exception {
        DeliveryThreadPriority missing = new DeliveryThreadPriority(10, "/nonexistent/renice");
        int before = DeliveryThreadPriority.niceOf(DeliveryThreadPriority.threadId());
        // never throws, on the first thread or any later one
        assertThat(onNewThread(() -> {
            missing.lowerCurrentThread();
            return DeliveryThreadPriority.niceOf(DeliveryThreadPriority.threadId());
        })).isEqualTo(before);
        assertThat(onNewThread(() -> {
            missing.lowerCurrentThread();
            return DeliveryThreadPriority.niceOf(DeliveryThreadPriority.threadId());
        })).isEqualTo(before);
    }

    @Test
    void aNicenessOutsideLinuxsRangeIsRefusedAtStart() {
        assertThatThrownBy(() -> new DeliveryThreadPriority(20, "renice"))
                .hasMessageContaining("offramp.events.delivery-nice").hasMessageContaining("20");
        assertThatThrownBy(() -> new DeliveryThreadPriority(-5, "renice"))
                .hasMessageContaining("offramp.events.delivery-nice");
    }

    @Test
    void niceIsReadAfterACommandNameWithSpacesAndBrackets() throws Exception {
        DeliveryThreadPriority priority = new DeliveryThreadPriority(3, "renice");
        int[] seen = onNewThread(() -> {
            Thread.currentThread().setName("a (b) c");   // the JVM passes it on as the kernel's comm
            String tid = DeliveryThreadPriority.threadId();
            priority.lowerCurrentThread();
            return new int[] {DeliveryThreadPriority.niceOf(tid), ThreadNiceness.ofThread(tid)};
        });
        assertThat(seen[0]).isEqualTo(seen[1]).isGreaterThanOrEqualTo(3);
    }

    private static <T> T onNewThread(Callable<T> task) throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            return thread.submit(task).get();
        } finally {
            thread.shutdown();
        }
    }
}
