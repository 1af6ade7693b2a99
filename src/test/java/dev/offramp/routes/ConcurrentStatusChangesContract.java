package dev.offramp.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offramp.app.OffRampApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Concurrent writers of one order: none overwrites another, the timeline stays a consistent chain. */
abstract class ConcurrentStatusChangesContract {

    static final List<String> FORWARD = List.of(
            "crypto_transfer_authorization_pending", "crypto_received", "fiat_payment_started",
            "fiat_payment_review_started", "awaiting_fiat_received_confirmation", "fiat_received_confirmed",
            "crypto_release_pending", "completed");

    @BeanInject
    CamelContext context;

    Bundle bundle;
    ExecutorService pool;

    @BeforeEach
    void setUp() {
        bundle = new Bundle(context);
        pool = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    @Test
    void twoConcurrentTransitionsBothLandInOrderAndTheFurthestWins() throws Exception {
        for (int round = 0; round < 20; round++) {
            String id = bundle.createOrder("unigox", "awaiting_crypto_transfer_authorization");

            sendAtOnce(id, List.of("crypto_received", "fiat_payment_started"));

            assertThat(bundle.orderRow(id).get("provider_status")).isEqualTo("fiat_payment_started");
            assertConsistentTimeline(id, 3);
        }
    }

    @Test
    void aBurstOfEveryForwardStatusEndsAtTheLastOne() throws Exception {
        for (int round = 0; round < 5; round++) {
            String id = bundle.createOrder("unigox", "awaiting_crypto_transfer_authorization");

            sendAtOnce(id, FORWARD);

            Map<String, Object> row = bundle.orderRow(id);
            assertThat(row.get("provider_status")).isEqualTo("completed");
            assertThat(row.get("status")).isEqualTo("completed");
            assertConsistentTimeline(id, 1 + FORWARD.size());
        }
    }

    private void sendAtOnce(String orderId, List<String> statuses) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (String status : statuses) {
            done.add(pool.submit(() -> {
                start.await();
                bundle.applyStatus(orderId, status, "webhook", "evt-" + status);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Every request is in the timeline exactly once; applied entries chain (each starts where the
     * previous one ended) with consecutive versions; every ignored entry starts from the status the
     * order had at that point of the timeline; the order's version counts the applied changes.
     */
    private void assertConsistentTimeline(String orderId, int expectedEntries) throws Exception {
        List<Map<String, Object>> timeline = bundle.timeline(orderId);
        assertThat(timeline).hasSize(expectedEntries);
        String current = null;
        long version = -1;
        for (Map<String, Object> entry : timeline) {
            assertThat(entry.get("from_status")).as("entry %s", entry).isEqualTo(current);
            if ("applied".equals(entry.get("outcome"))) {
                version++;
                assertThat(entry.get("order_version")).as("entry %s", entry).isEqualTo(version);
                current = (String) entry.get("to_status");
            } else {
                assertThat((String) entry.get("reason")).isNotBlank();
            }
        }
        Map<String, Object> row = bundle.orderRow(orderId);
        assertThat(row.get("provider_status")).isEqualTo(current);
        assertThat(row.get("version")).isEqualTo(version);
    }
}
