package dev.offramp.sandbox.unigox;

import static dev.offramp.sandbox.unigox.SimulatorClient.P;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.offramp.sandbox.unigox.SimulatorClient.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way an order ends besides completing: partner cancel and the sandbox's alternative endings. */
class OrderEndingsTest {

    private final SimulatorClient sim = new SimulatorClient();

    @AfterEach
    void stop() {
        sim.close();
    }

    private Response end(String order, String status) {
        return sim.post("/_sandbox/orders/" + order + "/end", "{\"status\":\"" + status + "\"}");
    }

    /** An order moved to {@code crypto_received}: the escrow is funded. */
    private String fundedOrder(String ref) {
        String order = sim.openOrder(ref);
        sim.advance(order);
        sim.post(P + "/orders/" + order + "/authorize-crypto-transfer", SimulatorClient.authorizeBody());
        assertThat(sim.advance(order).data().get("status").asText()).isEqualTo("crypto_received");
        return order;
    }

    @Test
    void thePartnerCancelsBeforeAuthorizing() {
        String order = sim.openOrder("c1");
        Response cancelled = sim.post(P + "/orders/" + order + "/cancel");
        assertThat(cancelled.status()).isEqualTo(200);
        // the OpenAPI documents the action's 200 without a body: the order is read back
        assertThat(cancelled.empty()).isTrue();
        assertThat(sim.get(P + "/orders/" + order).data().get("status").asText()).isEqualTo("cancelled");
        assertThat(sim.get(P + "/orders/" + order).data().get("allowed_actions")).isEmpty();

        String awaiting = sim.openOrder("c2");
        sim.advance(awaiting);
        assertThat(sim.post(P + "/orders/" + awaiting + "/cancel").status()).isEqualTo(200);
        assertThat(sim.get(P + "/orders/" + awaiting).data().get("status").asText()).isEqualTo("cancelled");
        assertThat(sim.advance(awaiting).status()).isEqualTo(409);
    }

    @ParameterizedTest
    @CsvSource({"cancelled", "failed", "dispute_started"})
    void mainPathEndings(String ending) {
        String order = sim.openOrder("m-" + ending);
        sim.advance(order);
        JsonNode ended = end(order, ending).data();
        assertThat(ended.get("status").asText()).isEqualTo(ending);
        assertThat(ended.get("allowed_actions")).isEmpty();
        assertThat(ended.get("crypto_transfer_authorization_seconds_left").isNull()).isTrue();
        assertThat(ended.get("timeline").get(2).get("status").asText()).isEqualTo(ending);
    }

    @Test
    void aDisputeEndsCompletedOrCancelled() {
        String won = fundedOrder("d1");
        end(won, "dispute_started");
        assertThat(end(won, "failed").status()).isEqualTo(409);
        assertThat(end(won, "completed").data().get("status").asText()).isEqualTo("completed");

        String lost = fundedOrder("d2");
        end(lost, "dispute_started");
        assertThat(end(lost, "cancelled").data().get("status").asText()).isEqualTo("cancelled");
        // a refunded order reads cancelled, as the contract says every cancelled order does
        JsonNode refunded = end(lost, "refunded").data();
        assertThat(refunded.get("status").asText()).isEqualTo("cancelled");
        assertThat(refunded.get("allowed_actions")).isEmpty();
        assertThat(end(lost, "completed").status()).isEqualTo(409);
    }

    @Test
    void aRefundRequiredOrderReadsCancelledAndOffersTheRefund() {
        String order = fundedOrder("r1");
        JsonNode ended = end(order, "refund_required").data();
        assertThat(ended.get("status").asText()).isEqualTo("cancelled");
        assertThat(ended.get("allowed_actions")).extracting(JsonNode::asText).containsExactly("authorize-refund");
        assertThat(ended.get("next_action").asText()).isEqualTo("authorize_refund");
        assertThat(ended.get("action_required").get("type").asText()).isEqualTo("authorize_refund");
        assertThat(ended.get("action_required").get("endpoint").asText())
                .isEqualTo("POST /api/v1/partner/orders/" + order + "/authorize-refund");

        JsonNode deliveries = sim.get("/_sandbox/webhooks/deliveries").data().get("deliveries");
        JsonNode last = deliveries.get(deliveries.size() - 1);
        assertThat(last.get("event_type").asText()).isEqualTo("order.refund.required");
        assertThat(last.get("event_id").asText()).isEqualTo("evt_refund_required_" + order);
        assertThat(last.get("status").asText()).isEqualTo("cancelled");
        assertThat(deliveries.get(deliveries.size() - 2).get("status").asText()).isEqualTo("cancelled");

        assertThat(end(order, "refund_required").status()).isEqualTo(409);
        JsonNode parameters = sim.get(P + "/orders/" + order + "/refund-authorization-parameters").data();
        assertThat(parameters.get("signer_address").asText()).isEqualTo(parameters.get("recipient_address").asText());
        assertThat(parameters.get("direction").asText()).isEqualTo("to_seller");
        assertThat(parameters.get("safe_params").get("data").asText()).startsWith("0xa9059cbb");

        // the Safe executes: refund_pending without a tx_hash, then refunded on the clock
        Response refund = sim.post(P + "/orders/" + order + "/authorize-refund", "{\"signature\":\"0xbeef\"}");
        assertThat(refund.status()).isEqualTo(200);
        assertThat(refund.data().get("status").asText()).isEqualTo("refund_pending");
        assertThat(refund.data().has("tx_hash")).isFalse();
        assertThat(sim.get(P + "/orders/" + order + "/refund-authorization-parameters").status()).isEqualTo(409);
        JsonNode executing = sim.get(P + "/orders/" + order).data();
        assertThat(executing.get("status").asText()).isEqualTo("cancelled");
        assertThat(executing.get("allowed_actions")).isEmpty();
        sim.post("/_sandbox/orders/" + order + "/advance");
        Response retried = sim.post(P + "/orders/" + order + "/authorize-refund", "{\"signature\":\"0xbeef\"}");
        assertThat(retried.data().get("status").asText()).isEqualTo("refunded");
        assertThat(retried.data().get("tx_hash").asText()).startsWith("0x").hasSize(66);
        JsonNode refundedNow = sim.get(P + "/orders/" + order).data();
        assertThat(refundedNow.get("status").asText()).isEqualTo("cancelled");
        assertThat(refundedNow.get("allowed_actions")).isEmpty();
        deliveries = sim.get("/_sandbox/webhooks/deliveries").data().get("deliveries");
        assertThat(deliveries.get(deliveries.size() - 2).get("status").asText()).isEqualTo("refund_pending");
        assertThat(deliveries.get(deliveries.size() - 1).get("status").asText()).isEqualTo("refunded");
    }

    @Test
    void endingsThatDoNotFitTheStatusAreRefused() {
        String order = sim.openOrder("x");
        assertThat(end(order, "refund_required").status()).isEqualTo(409);
        assertThat(end(order, "completed").status()).isEqualTo(409);
        assertThat(end(order, "refunded").status()).isEqualTo(409);
        assertThat(end(order, "vanished").status()).isEqualTo(400);
        assertThat(sim.post(P + "/orders/" + order + "/authorize-refund", "{\"signature\":\"0x1\"}").status())
                .isEqualTo(409);
        end(order, "failed");
        assertThat(end(order, "cancelled").status()).isEqualTo(409);
        assertThat(sim.post(P + "/orders/" + order + "/cancel").status()).isEqualTo(400);
    }

    @Test
    void aFundedOrderMayCompleteWithoutTheConfirm() {
        String order = fundedOrder("auto");
        assertThat(end(order, "completed").data().get("status").asText()).isEqualTo("completed");
        Response confirm = sim.post(P + "/orders/" + order + "/confirm-fiat-received");
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(sim.get(P + "/orders/" + order).data().get("status").asText()).isEqualTo("completed");
    }

    @Test
    void confirmingEarlyFastTracksTheRelease() {
        String order = fundedOrder("fast");
        assertThat(sim.post(P + "/orders/" + order + "/confirm-fiat-received").status()).isEqualTo(200);
        assertThat(sim.get(P + "/orders/" + order).data().get("status").asText()).isEqualTo("fiat_received_confirmed");
        assertThat(sim.post(P + "/orders/" + order + "/confirm-fiat-received").status()).isEqualTo(200);
        sim.advance(order);
        assertThat(sim.advance(order).data().get("status").asText()).isEqualTo("completed");
    }
}
