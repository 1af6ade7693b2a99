package dev.offramp.sandbox.unigox;

import static dev.offramp.sandbox.unigox.SimulatorClient.P;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.offramp.sandbox.unigox.SimulatorClient.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The playbook end to end: setup, onboarding, quote, order, authorization, confirmation, webhooks. */
class UnigoxHappyPathTest {

    private final SimulatorClient sim = new SimulatorClient();
    private WebhookReceiver receiver;

    @AfterEach
    void stop() {
        sim.close();
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void thePlaybookFromSetupToCompletedOrder() throws Exception {
        receiver = new WebhookReceiver();

        // Phase 1: setup
        Response registered = sim.post(P + "/webhooks", "{\"url\":\"" + receiver.url() + "\"}");
        assertThat(registered.status()).isEqualTo(200);
        assertThat(registered.json().get("success").asBoolean()).isTrue();
        assertThat(registered.data().get("enabled").asBoolean()).isTrue();
        assertThat(sim.get(P + "/webhooks").data().get("url").asText()).isEqualTo(receiver.url());
        Response ping = sim.post(P + "/webhooks/test");
        assertThat(ping.status()).isEqualTo(200);
        assertThat(ping.data().get("delivered").asBoolean()).isTrue();
        assertThat(ping.data().get("http_status").asInt()).isEqualTo(200);

        // Phase 2: onboarding
        Response created = sim.post(P + "/users", "{\"user_ref\":\"u-1\",\"email\":\"ada@example.com\"}");
        assertThat(created.status()).isEqualTo(201);
        String user = created.data().get("user_uuid").asText();
        assertThat(created.data().get("id").asText()).isEqualTo(user);
        assertThat(created.data().get("kyc_status").asText()).isEqualTo("NOT_INITIATED");
        assertThat(created.data().get("created_at").asText()).isEqualTo("2026-03-01T10:00:00Z");
        Response again = sim.post(P + "/users", "{\"user_ref\":\"u-1\",\"email\":\"ada@example.com\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.data().get("user_uuid").asText()).isEqualTo(user);

        Response submitted = sim.post(P + "/users/" + user + "/kyc-submissions", "{\"method\":\"direct_data\",\"data\":"
                + "{\"pii\":{\"first_name\":\"Ada\",\"last_name\":\"Lovelace\",\"dob\":\"1990-01-01\",\"country_code\":\"DE\","
                // with the address EUR payouts need: without it the order would park at pending_address
                + "\"address\":\"Unter den Linden 1\",\"city\":\"Berlin\",\"postal_code\":\"10117\"}}}");
        assertThat(submitted.status()).isEqualTo(200);
        assertThat(submitted.data().get("kyc_status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(submitted.data().get("message").asText()).isEqualTo("PII data accepted");
        assertThat(submitted.data().get("verification_url").isNull()).isTrue();

        Response front = sim.postMultipart(P + "/users/" + user + "/kyc/documents", "identity_front", "id.jpg",
                "image/jpeg", SimulatorClient.jpeg());
        assertThat(front.status()).isEqualTo(200);
        assertThat(front.data().get("document_type").asText()).isEqualTo("identity_front");
        assertThat(front.data().get("file_name").asText()).isEqualTo("id.jpg");
        assertThat(front.data().get("message").asText()).isEqualTo("Documents accepted");
        assertThat(front.data().get("document_id").asText()).hasSize(36);
        sim.postMultipart(P + "/users/" + user + "/kyc/documents", "selfie", "me.jpg", "image/jpeg", SimulatorClient.jpeg());
        assertThat(sim.get(P + "/users/" + user + "/verification-status").data().get("status").asText())
                .isEqualTo("UNDER_REVIEW");
        assertThat(sim.post("/_sandbox/users/" + user + "/kyc/advance").data().get("kyc_status").asText())
                .isEqualTo("VERIFIED");
        JsonNode kyc = sim.get(P + "/users/" + user).data().get("kyc");
        assertThat(kyc.get("status").asText()).isEqualTo("VERIFIED");
        assertThat(kyc.get("kyc_method").asText()).isEqualTo("direct_data");
        assertThat(kyc.get("first_name").asText()).isEqualTo("Ada");

        Response details = sim.post(P + "/users/" + user + "/payment-details", "{\"currency\":\"EUR\",\"rail\":\"iban-sepa\","
                + "\"country_code\":\"DE\",\"details\":{\"full_name\":\"Ada Lovelace\",\"iban\":\"DE89370400440532013000\"}}");
        assertThat(details.status()).isEqualTo(201);
        String detailsId = details.data().get("payment_details_id").asText();
        assertThat(details.data().get("payment_details_id").isTextual()).isTrue();
        assertThat(details.data().get("institution_id").asText()).isEqualTo("other-bank");
        assertThat(details.data().get("institution_name").asText()).isEqualTo("Other Bank");
        assertThat(sim.get(P + "/users/" + user + "/payment-details").data()).hasSize(1);

        // Phase 3: estimate, quote, initiate
        Response estimate = sim.send("POST", P + "/offramp/estimate", "", null, "application/json",
                ("{\"crypto_currency\":\"USDT\",\"fiat_currency\":\"NGN\",\"crypto_amount\":\"100.00\","
                        + "\"partner_fee_pct\":\"1\"}").getBytes());
        assertThat(estimate.status()).isEqualTo(200);
        assertThat(estimate.data().get("rate").asText()).isEqualTo("1530.00");
        assertThat(estimate.data().get("crypto_amount").asText()).isEqualTo("99.024390");
        assertThat(estimate.data().get("fiat_amount").asText()).isEqualTo("149268.29");
        JsonNode fees = estimate.data().get("fee_breakdown");
        assertThat(fees.get("platform_fee").asText()).isEqualTo("1.463415");
        assertThat(fees.get("platform_fee_pct").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(fees.get("partner_fee").asText()).isEqualTo("0.975610");
        assertThat(fees.get("partner_fee_pct").isNumber()).isTrue();
        assertThat(fees.get("total_fee").asText()).isEqualTo("2.439025");
        assertThat(estimate.data().get("is_indicative").asBoolean()).isTrue();
        assertThat(estimate.data().get("payment_network_slug").asText()).isEqualTo("nibss");

        Response quote = sim.quote(user, Long.parseLong(detailsId), "100");
        assertThat(quote.status()).isEqualTo(200);
        assertThat(quote.data().get("anchor_type").asText()).isEqualTo("crypto");
        assertThat(quote.data().get("crypto_amount").asText()).isEqualTo("100.000000");
        assertThat(quote.data().get("fiat_amount").asText()).isEqualTo("90.64");
        assertThat(quote.data().get("payment_details_id").isIntegralNumber()).isTrue();
        assertThat(quote.data().get("expires_at").asText()).isEqualTo("2026-03-01T10:00:30Z");

        Response initiated = sim.post(P + "/offramp/initiate", "{\"quote_id\":\"" + quote.data().get("quote_id").asText()
                + "\",\"reference_id\":\"my-order-7\"}");
        assertThat(initiated.status()).isEqualTo(201);
        String order = initiated.data().get("order_id").asText();
        assertThat(initiated.data().get("status").asText()).isEqualTo("awaiting_liquidity_provider");
        assertThat(initiated.data().get("order_type").asText()).isEqualTo("offramp");
        assertThat(initiated.data().get("reference_id").asText()).isEqualTo("my-order-7");
        assertThat(initiated.data().get("amounts").get("fiat_currency").asText()).isEqualTo("EUR");
        assertThat(initiated.data().get("timeline").get(0).get("description").asText())
                .isEqualTo("Order created and awaiting liquidity provider");

        assertThat(sim.get(P + "/orders/" + order + "/transfer-authorization-parameters").status()).isEqualTo(409);
        assertThat(sim.advance(order).data().get("status").asText()).isEqualTo("awaiting_crypto_transfer_authorization");

        JsonNode awaiting = sim.get(P + "/orders/" + order).data();
        assertThat(awaiting.get("next_action").asText()).isEqualTo("authorize_crypto_transfer");
        assertThat(awaiting.get("allowed_actions")).extracting(JsonNode::asText)
                .containsExactly("authorize-crypto-transfer", "cancel");
        assertThat(awaiting.get("crypto_transfer_authorization_seconds_left").asLong()).isEqualTo(1800);
        sim.clock.advance(Duration.ofSeconds(80));
        assertThat(sim.get(P + "/orders/" + order).data().get("crypto_transfer_authorization_seconds_left").asLong())
                .isEqualTo(1720);

        JsonNode parameters = sim.get(P + "/orders/" + order + "/transfer-authorization-parameters").data();
        assertThat(parameters.get("amount_atomic").asText()).isEqualTo("100000000");
        assertThat(parameters.get("crypto_decimals").asInt()).isEqualTo(6);
        assertThat(parameters.get("transfer_data").asText()).startsWith("0xa9059cbb").hasSize(2 + 8 + 128);
        assertThat(parameters.get("forwarder_nonce").asText()).isEqualTo("0");
        assertThat(parameters.get("authorization_path").asText()).endsWith("/orders/" + order + "/authorize-crypto-transfer");

        // Phase 3: authorize (a replay is a no-op), the clock steps, confirm
        Response authorized = sim.post(P + "/orders/" + order + "/authorize-crypto-transfer", SimulatorClient.authorizeBody());
        assertThat(authorized.status()).isEqualTo(200);
        // the OpenAPI documents the actions' 200 without a body: the order is read back
        assertThat(authorized.empty()).isTrue();
        assertThat(sim.get(P + "/orders/" + order).data().get("status").asText()).isEqualTo("crypto_transfer_authorization_pending");
        Response replay = sim.post(P + "/orders/" + order + "/authorize-crypto-transfer", SimulatorClient.authorizeBody());
        assertThat(replay.status()).isEqualTo(200);
        assertThat(sim.get(P + "/orders/" + order).data().get("status").asText()).isEqualTo("crypto_transfer_authorization_pending");
        assertThat(sim.get(P + "/orders/" + order + "/transfer-authorization-parameters").data()
                .get("forwarder_nonce").asText()).isEqualTo("1");

        assertThat(sim.advance(order).data().get("status").asText()).isEqualTo("crypto_received");
        assertThat(sim.advance(order).data().get("status").asText()).isEqualTo("fiat_payment_started");
        assertThat(sim.advance(order).data().get("status").asText()).isEqualTo("fiat_payment_review_started");
        JsonNode awaitingConfirmation = sim.advance(order).data();
        assertThat(awaitingConfirmation.get("status").asText()).isEqualTo("awaiting_fiat_received_confirmation");
        assertThat(awaitingConfirmation.get("next_action").asText()).isEqualTo("confirm_fiat_received");
        assertThat(sim.advance(order).status()).isEqualTo(409);

        Response confirmed = sim.post(P + "/orders/" + order + "/confirm-fiat-received");
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(sim.get(P + "/orders/" + order).data().get("status").asText()).isEqualTo("fiat_received_confirmed");
        assertThat(sim.advance(order).data().get("status").asText()).isEqualTo("crypto_release_pending");
        JsonNode completed = sim.advance(order).data();
        assertThat(completed.get("status").asText()).isEqualTo("completed");
        assertThat(completed.get("allowed_actions")).isEmpty();
        assertThat(completed.get("next_action").isNull()).isTrue();
        assertThat(completed.get("timeline")).extracting(step -> step.get("status").asText()).containsExactly(
                "awaiting_liquidity_provider", "awaiting_crypto_transfer_authorization",
                "crypto_transfer_authorization_pending", "crypto_received", "fiat_payment_started",
                "fiat_payment_review_started", "awaiting_fiat_received_confirmation", "fiat_received_confirmed",
                "crypto_release_pending", "completed");
        Response confirmAgain = sim.post(P + "/orders/" + order + "/confirm-fiat-received");
        assertThat(confirmAgain.status()).isEqualTo(200);
        assertThat(sim.get(P + "/orders/" + order).data().get("status").asText()).isEqualTo("completed");

        // Phase 4: monitoring
        JsonNode listed = sim.get(P + "/orders?status=completed&page=1&limit=20").data();
        assertThat(listed.get("orders")).hasSize(1);
        assertThat(listed.get("pagination").get("total_count").asInt()).isEqualTo(1);

        // every change reached the receiver, in order
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(receiver.ofType("order.status.changed")).hasSize(10));
        assertThat(receiver.ofType("order.status.changed")).extracting(WebhookReceiver.Received::status)
                .containsExactlyElementsOf(completed.get("timeline").findValuesAsText("status"));
        assertThat(receiver.ofType("user.kyc.updated")).extracting(WebhookReceiver.Received::status)
                .containsExactly("UNDER_REVIEW", "VERIFIED");
        assertThat(receiver.ofType("webhook.test")).hasSize(1);
        JsonNode data = receiver.ofType("order.status.changed").get(9).json().get("data");
        assertThat(data.get("order_id").asText()).isEqualTo(order);
        assertThat(data.get("user_uuid").asText()).isEqualTo(user);
        assertThat(data.get("crypto_amount").asText()).isEqualTo("100");
        assertThat(data.get("partner_fee").asText()).isEqualTo("0");
        assertThat(data.get("fiat_amount").asText()).isEqualTo("90.64");
        assertThat(data.get("provider").asText()).isEqualTo("p2p");
        assertThat(data.get("payment_details_id").asText()).isEqualTo(detailsId);
        List<String> fields = new ArrayList<>();
        data.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("order_id", "status", "user_uuid", "crypto_amount", "crypto_currency",
                "partner_fee", "partner_fee_pct", "fiat_amount", "fiat_currency", "provider", "payment_details_id");
    }
}
