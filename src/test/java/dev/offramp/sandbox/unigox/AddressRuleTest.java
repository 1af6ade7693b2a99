package dev.offramp.sandbox.unigox;

import static dev.offramp.sandbox.unigox.SimulatorClient.P;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.offramp.sandbox.unigox.SimulatorClient.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract's address rule (EUR/AUD/GBP orders of a user without address, city and postal code park
 * at pending_address until PATCH kyc supplies them), PATCH kyc's checks, and the kyc/verify readiness check.
 */
class AddressRuleTest {

    private final SimulatorClient sim = new SimulatorClient();

    @AfterEach
    void stop() {
        sim.close();
    }

    private String initiate(String user, String currency, String amountField, String amount) {
        long details = sim.addPaymentDetails(user, currency);
        Response quote = sim.post(P + "/offramp/quote", "{\"user_uuid\":\"" + user + "\",\"payment_details_id\":" + details
                + ",\"crypto_currency\":\"USDT\",\"fiat_currency\":\"" + currency + "\",\"" + amountField + "\":\"" + amount + "\"}");
        assertThat(quote.status()).as(quote.json().toString()).isEqualTo(200);
        Response initiated = sim.initiate(quote.data().get("quote_id").asText());
        assertThat(initiated.status()).isEqualTo(201);
        return initiated.data().get("order_id").asText();
    }

    private JsonNode order(String id) {
        return sim.get(P + "/orders/" + id).data();
    }

    private Response patchKyc(String user, String body) {
        return sim.patch(P + "/users/" + user + "/kyc", body);
    }

    private List<String> orderWebhooks(String orderId) {
        List<String> statuses = new ArrayList<>();
        for (JsonNode d : sim.get("/_sandbox/webhooks/deliveries").data().get("deliveries")) {
            if (orderId.equals(d.path("order_id").asText())) {
                statuses.add(d.get("event_type").asText() + ":" + d.get("status").asText());
            }
        }
        return statuses;
    }

    @Test
    void aEuroOrderWithoutAddressParksUntilPatchKycCompletesIt() {
        String user = sim.createVerifiedUserWithoutAddress("no-address");
        String id = initiate(user, "EUR", "crypto_amount", "100");

        JsonNode parked = order(id);
        assertThat(parked.get("status").asText()).isEqualTo("pending_address");
        assertThat(parked.get("next_action").asText()).isEqualTo("update_kyc_address");
        assertThat(parked.get("allowed_actions")).extracting(JsonNode::asText).containsExactly("cancel");
        JsonNode action = parked.get("action_required");
        assertThat(action.get("type").asText()).isEqualTo("update_kyc_address");
        assertThat(action.get("endpoint").asText()).isEqualTo("PATCH /api/v1/partner/users/" + user + "/kyc");
        assertThat(action.get("fields").findValuesAsText("field")).containsExactly("address", "city", "postal_code");
        assertThat(orderWebhooks(id)).containsExactly("order.status.changed:pending_address");
        assertThat(sim.advance(id).status()).as("the clock does not move a parked order").isEqualTo(409);

        // part of the address is not enough
        assertThat(patchKyc(user, "{\"address\":\"12 Baker Street\"}").data().get("updated_fields"))
                .extracting(JsonNode::asText).containsExactly("address");
        assertThat(order(id).get("status").asText()).isEqualTo("pending_address");

        Response patched = patchKyc(user, "{\"city\":\"London\",\"postal_code\":\"NW1 6XE\"}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.data().get("updated_fields")).extracting(JsonNode::asText).containsExactly("city", "postal_code");
        JsonNode released = order(id);
        assertThat(released.get("status").asText()).isEqualTo("awaiting_liquidity_provider");
        assertThat(released.get("action_required").isNull()).isTrue();
        assertThat(orderWebhooks(id)).containsExactly("order.status.changed:pending_address",
                "order.status.changed:awaiting_liquidity_provider");
        assertThat(sim.advance(id).status()).isEqualTo(200);
        assertThat(sim.status(id)).isEqualTo("awaiting_crypto_transfer_authorization");
    }

    @Test
    void theRuleIsForEuroPoundAndAustralianDollarOnly() {
        String user = sim.createVerifiedUserWithoutAddress("naira");
        assertThat(sim.status(initiate(user, "NGN", "fiat_amount", "15300"))).isEqualTo("awaiting_liquidity_provider");
        assertThat(sim.status(initiate(user, "GBP", "crypto_amount", "100"))).isEqualTo("pending_address");
        String withAddress = sim.createVerifiedUser("addressed");
        assertThat(sim.status(initiate(withAddress, "EUR", "crypto_amount", "100"))).isEqualTo("awaiting_liquidity_provider");
    }

    @Test
    void patchKycRefusesWhatTheContractRefusesAndWritesNothingThen() {
        String user = sim.createVerifiedUserWithoutAddress("refused");
        String id = initiate(user, "EUR", "crypto_amount", "100");
        assertLegacy(patchKyc(user, "{\"first_name\":\"Eve\"}"), "required_field_immutable");
        assertLegacy(patchKyc(user, "{\"nickname\":\"Eve\"}"), "no_valid_kyc_fields");
        assertLegacy(patchKyc(user, "{\"city\":{\"name\":\"London\"}}"), "invalid_field_value");
        assertLegacy(patchKyc(user, "{\"nationality\":\"GBR\"}"), "invalid_country_code");
        assertLegacy(patchKyc(user, "{\"source_of_funds\":\"lottery\"}"), "invalid_source_of_funds");
        assertLegacy(patchKyc(user, "{\"dob\":\"2020-01-01\"}"), "underage_not_allowed");
        // one bad field: the address beside it is not written either
        assertLegacy(patchKyc(user, SimulatorClient.ADDRESS.replace("}", ",\"gender\":\"X\"}")), "invalid_gender");
        assertThat(sim.status(id)).isEqualTo("pending_address");

        assertThat(patchKyc(user, "{\"gender\":\"FEMALE\",\"city\":\"  \"}").data().get("updated_fields"))
                .extracting(JsonNode::asText).containsExactly("gender");
        assertLegacy(patchKyc(sim.createUser("never-submitted"), SimulatorClient.ADDRESS), "kyc_not_submitted");
        assertThat(patchKyc("00000000-0000-4000-8000-000000000000", SimulatorClient.ADDRESS).status()).isEqualTo(404);
    }

    @Test
    void verifyTellsWhatIsMissingUntilVerificationRuns() {
        String user = sim.createUser("verify");
        assertLegacy(sim.post(P + "/users/" + user + "/kyc/verify"), "kyc_not_submitted");
        sim.post(P + "/users/" + user + "/kyc-submissions", "{\"method\":\"direct_data\",\"data\":{\"pii\":"
                + "{\"first_name\":\"Ada\",\"last_name\":\"Lovelace\",\"country_code\":\"DE\"}}}");

        JsonNode notReady = sim.post(P + "/users/" + user + "/kyc/verify").data();
        assertThat(notReady.get("ready").asBoolean()).isFalse();
        assertThat(notReady.get("missing")).extracting(JsonNode::asText).containsExactly("identity_document", "selfie");

        for (String type : List.of("passport", "selfie")) {
            sim.postMultipart(P + "/users/" + user + "/kyc/documents", type, type + ".gif", "image/gif", "GIF89a".getBytes());
        }
        JsonNode running = sim.post(P + "/users/" + user + "/kyc/verify").data();
        assertThat(running.get("ready").asBoolean()).isTrue();
        assertThat(running.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(running.has("missing")).isFalse();

        sim.post("/_sandbox/users/" + user + "/kyc/advance");
        JsonNode verified = sim.post(P + "/users/" + user + "/kyc/verify").data();
        assertThat(verified.get("status").asText()).isEqualTo("VERIFIED");
        assertThat(verified.get("message").asText()).isEqualTo("User is already verified.");
    }

    private static void assertLegacy(Response r, String errorKey) {
        assertThat(r.status()).as(r.json().toString()).isEqualTo(400);
        assertThat(r.data().get("error_key").asText()).isEqualTo(errorKey);
    }
}
