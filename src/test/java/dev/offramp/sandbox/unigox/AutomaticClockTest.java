package dev.offramp.sandbox.unigox;

import static dev.offramp.sandbox.unigox.SimulatorClient.P;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** With step-seconds set, orders and KYC move on by themselves and stop where the partner must act. */
class AutomaticClockTest {

    private final SimulatorClient sim = new SimulatorClient(1, 30);

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void anOrderWalksToEachPartnerStepOnItsOwn() {
        String order = sim.openOrder("clocked");
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.status(order).equals("awaiting_crypto_transfer_authorization"));

        sim.post(P + "/orders/" + order + "/authorize-crypto-transfer", SimulatorClient.authorizeBody());
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.status(order).equals("awaiting_fiat_received_confirmation"));

        sim.post(P + "/orders/" + order + "/confirm-fiat-received");
        await().atMost(Duration.ofSeconds(6)).until(() -> sim.status(order).equals("completed"));
        assertThat(sim.get(P + "/orders/" + order).data().get("timeline")).hasSize(10);
    }

    @Test
    void aManualAdvanceOvertakesTheBookedStepWithoutDoublingIt() {
        String order = sim.openOrder("overtaken");
        sim.advance(order);
        // the step booked at initiate must not move the order on from awaiting_crypto_transfer_authorization
        await().pollDelay(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                .until(() -> sim.status(order).equals("awaiting_crypto_transfer_authorization"));
        assertThat(sim.get(P + "/orders/" + order).data().get("timeline")).hasSize(2);
    }

    @Test
    void kycReviewFinishesOnItsOwn() {
        String user = sim.createUser("auto-kyc");
        sim.post(P + "/users/" + user + "/kyc-submissions",
                "{\"method\":\"external_token\",\"data\":{\"provider\":\"sumsub\",\"token\":\"t\"}}");
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.get(P + "/users/" + user).data().get("kyc")
                .get("status").asText().equals("VERIFIED"));
    }

    @Test
    void aStatusSetByHandStays() {
        String user = sim.createUser("held-kyc");
        sim.post("/_sandbox/users/" + user + "/kyc", "{\"kyc_status\":\"UNDER_REVIEW\"}");
        await().pollDelay(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> sim.get(P + "/users/" + user)
                .data().get("kyc").get("status").asText().equals("UNDER_REVIEW"));
    }
}
