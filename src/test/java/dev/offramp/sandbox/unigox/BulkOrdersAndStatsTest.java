package dev.offramp.sandbox.unigox;

import static dev.offramp.sandbox.unigox.SimulatorClient.P;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The benchmark and test helpers: bulk order creation with deterministic ids, and the per-route and per-path request counters. */
class BulkOrdersAndStatsTest {

    private final SimulatorClient sim = new SimulatorClient();

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void bulkOrdersAreListedAndReadableWithoutWebhooks() {
        var created = sim.post("/_sandbox/orders/bulk", "{\"count\":250,\"status\":\"crypto_received\",\"seed\":7}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.data().get("created").asInt()).isEqualTo(250);
        assertThat(created.data().get("first_order_id").asText()).isEqualTo("00000007-0000-4000-8000-000000000000");
        assertThat(created.data().get("last_order_id").asText()).isEqualTo(UnigoxControlEndpoints.bulkOrderId(7, 249));

        var lastPage = sim.get(P + "/orders?status=crypto_received&page=3&limit=100");
        assertThat(lastPage.status()).isEqualTo(200);
        assertThat(lastPage.data().get("orders")).hasSize(50);
        assertThat(lastPage.data().get("orders").get(0).get("order_id").asText())
                .isEqualTo(UnigoxControlEndpoints.bulkOrderId(7, 200));
        assertThat(lastPage.data().get("pagination").get("total_count").asInt()).isEqualTo(250);

        var one = sim.get(P + "/orders/" + UnigoxControlEndpoints.bulkOrderId(7, 42));
        assertThat(one.data().get("status").asText()).isEqualTo("crypto_received");
        assertThat(sim.get("/_sandbox/webhooks/deliveries").data().get("deliveries")).isEmpty();

        // all or nothing: a seed already used is refused
        assertThat(sim.post("/_sandbox/orders/bulk", "{\"count\":1,\"status\":\"crypto_received\",\"seed\":7}").status())
                .isEqualTo(409);
        assertThat(sim.post("/_sandbox/orders/bulk", "{\"count\":0,\"status\":\"crypto_received\"}").status()).isEqualTo(400);
        assertThat(sim.post("/_sandbox/orders/bulk", "{\"count\":5,\"status\":\"no_such_status\"}").status()).isEqualTo(400);
    }

    @Test
    void anOrderThatMovesLeavesItsStatusListingAndJoinsTheOtherInCreationOrder() {
        sim.post("/_sandbox/orders/bulk", "{\"count\":5,\"status\":\"crypto_received\",\"seed\":9}");
        String second = UnigoxControlEndpoints.bulkOrderId(9, 1);
        String fourth = UnigoxControlEndpoints.bulkOrderId(9, 3);
        assertThat(sim.post("/_sandbox/orders/" + fourth + "/end", "{\"status\":\"completed\"}").status()).isEqualTo(200);
        assertThat(sim.post("/_sandbox/orders/" + second + "/end", "{\"status\":\"completed\"}").status()).isEqualTo(200);

        var open = sim.get(P + "/orders?status=crypto_received&page=1&limit=100").data();
        assertThat(open.get("orders").findValuesAsText("order_id")).containsExactly(
                UnigoxControlEndpoints.bulkOrderId(9, 0), UnigoxControlEndpoints.bulkOrderId(9, 2),
                UnigoxControlEndpoints.bulkOrderId(9, 4));
        assertThat(open.get("pagination").get("total_count").asInt()).isEqualTo(3);
        var done = sim.get(P + "/orders?status=completed&page=1&limit=1").data();
        assertThat(done.get("orders").findValuesAsText("order_id")).as("oldest first, whatever order they moved in")
                .containsExactly(second);
        assertThat(done.get("pagination").get("total_count").asInt()).isEqualTo(2);
        assertThat(sim.get(P + "/orders?page=1&limit=100").data().get("orders")).hasSize(5);
    }

    @Test
    void everyKthBulkOrderMovesAtOnceWithoutWebhooks() {
        sim.post("/_sandbox/orders/bulk", "{\"count\":30,\"status\":\"crypto_received\",\"seed\":11}");

        var moved = sim.post("/_sandbox/orders/bulk/move",
                "{\"seed\":11,\"count\":30,\"every\":10,\"offset\":5,\"status\":\"awaiting_fiat_received_confirmation\"}");

        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.data().get("moved").asInt()).isEqualTo(3);
        var there = sim.get(P + "/orders?status=awaiting_fiat_received_confirmation&page=1&limit=100").data();
        assertThat(there.get("orders").findValuesAsText("order_id")).containsExactly(
                UnigoxControlEndpoints.bulkOrderId(11, 5), UnigoxControlEndpoints.bulkOrderId(11, 15),
                UnigoxControlEndpoints.bulkOrderId(11, 25));
        assertThat(sim.get(P + "/orders?status=crypto_received&page=1&limit=100").data().get("orders")).hasSize(27);
        assertThat(sim.get("/_sandbox/webhooks/deliveries").data().get("deliveries")).isEmpty();

        // all or nothing: a range past the bulk orders moves none of them
        assertThat(sim.post("/_sandbox/orders/bulk/move",
                "{\"seed\":11,\"count\":40,\"every\":10,\"status\":\"completed\"}").status()).isEqualTo(404);
        assertThat(sim.get(P + "/orders?status=completed&page=1&limit=100").data().get("orders")).isEmpty();
        assertThat(sim.post("/_sandbox/orders/bulk/move", "{\"count\":3,\"every\":0,\"status\":\"completed\"}").status())
                .isEqualTo(400);
    }

    @Test
    void statsCountCallsPerRouteUntilReset() {
        sim.post("/_sandbox/orders/bulk", "{\"count\":3,\"status\":\"completed\"}");
        sim.get(P + "/orders?status=completed&page=1&limit=100");
        sim.get(P + "/orders?status=completed&page=2&limit=100");
        sim.get(P + "/orders/" + UnigoxControlEndpoints.bulkOrderId(0, 1));

        var stats = sim.get("/_sandbox/stats").data().get("calls");
        assertThat(stats.get("GET /api/v1/partner/orders").asLong()).isEqualTo(2);
        assertThat(stats.get("GET /api/v1/partner/orders/{order_id}").asLong()).isEqualTo(1);
        assertThat(stats.get("POST /_sandbox/orders/bulk").asLong()).isEqualTo(1);
        assertThat(stats.has("GET /_sandbox/stats")).isFalse();

        assertThat(sim.post("/_sandbox/stats/reset").status()).isEqualTo(200);
        assertThat(sim.get("/_sandbox/stats").data().get("calls")).isEmpty();
    }

    @Test
    void statsCountCallsPerApiPathAsTheClientCallsIt() {
        String one = UnigoxControlEndpoints.bulkOrderId(0, 1);
        sim.post("/_sandbox/orders/bulk", "{\"count\":3,\"status\":\"completed\"}");
        sim.get(P + "/orders/" + one);
        sim.get(P + "/orders/" + one + "/");
        sim.get(P + "/orders/" + UnigoxControlEndpoints.bulkOrderId(0, 2));
        sim.get(P + "/orders?status=completed&page=1&limit=100");

        var stats = sim.get("/_sandbox/stats").data();
        assertThat(stats.get("paths").get("GET /orders/" + one).asLong()).isEqualTo(2);
        assertThat(stats.get("paths").get("GET /orders").asLong()).isEqualTo(1);
        assertThat(stats.get("paths")).hasSize(3); // the control endpoints are not API paths
        assertThat(stats.get("paths_truncated").asBoolean()).isFalse();

        sim.post("/_sandbox/stats/reset");
        assertThat(sim.get("/_sandbox/stats").data().get("paths")).isEmpty();
    }

    @Test
    void perPathStatsStopGrowingAtTheirCapAndSaySo() {
        for (int i = 0; i <= RequestStats.MAX_PATHS; i++) {
            sim.get(P + "/orders/" + UnigoxControlEndpoints.bulkOrderId(9, i));
        }

        var stats = sim.get("/_sandbox/stats").data();
        assertThat(stats.get("paths")).hasSize(RequestStats.MAX_PATHS);
        assertThat(stats.get("paths_truncated").asBoolean()).isTrue();
        assertThat(stats.get("calls").get("GET /api/v1/partner/orders/{order_id}").asLong())
                .isEqualTo(RequestStats.MAX_PATHS + 1);
    }
}
