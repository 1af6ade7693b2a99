package dev.offramp.sandbox.unigox;

import static dev.offramp.sandbox.unigox.SimulatorClient.P;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offramp.sandbox.unigox.SimulatorClient.Response;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Refusals: the key, both error envelopes, and each endpoint's documented error answers. */
class ErrorEnvelopesTest {

    private final SimulatorClient sim = new SimulatorClient();

    @AfterEach
    void stop() {
        sim.close();
    }

    private static void assertLegacy(Response r, int status, String errorKey) {
        assertThat(r.status()).as(r.json().toString()).isEqualTo(status);
        assertThat(r.json().get("success").asBoolean()).isFalse();
        assertThat(r.json().has("error")).isFalse();
        assertThat(r.data().get("error_key").asText()).isEqualTo(errorKey);
    }

    private static void assertPartner(Response r, int status, String code) {
        assertThat(r.status()).as(r.json().toString()).isEqualTo(status);
        assertThat(r.json().get("success").asBoolean()).isFalse();
        assertThat(r.json().has("data")).isFalse();
        assertThat(r.error().get("code").asText()).isEqualTo(code);
        assertThat(r.error().get("message").asText()).isNotBlank();
    }

    private Response send(String method, String path, String apiKey, String json) {
        return sim.send(method, path, "", apiKey, "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "wrong-key", "test-partner-key "})
    void aMissingOrWrongKeyIs401InTheFamilysEnvelope(String key) {
        String apiKey = key.isEmpty() ? null : key;
        Response users = send("POST", P + "/users", apiKey, "{\"user_ref\":\"a\",\"email\":\"a@b.c\"}");
        assertLegacy(users, 401, "unauthorized");
        assertThat(users.json().toString()).isEqualTo("{\"success\":false,\"data\":{\"error_key\":\"unauthorized\"}}");
        assertLegacy(send("GET", P + "/webhooks", apiKey, null), 401, "unauthorized");
        assertPartner(send("GET", P + "/orders", apiKey, null), 401, "UNAUTHORIZED");
        assertPartner(send("POST", P + "/offramp/quote", apiKey, "{}"), 401, "UNAUTHORIZED");
        assertPartner(send("POST", "/_sandbox/reset", apiKey, null), 401, "UNAUTHORIZED");
    }

    @Test
    void theEstimateIsPublic() {
        Response estimate = send("POST", P + "/offramp/estimate", null,
                "{\"crypto_currency\":\"USDC\",\"fiat_currency\":\"EUR\",\"fiat_amount\":\"92\"}");
        assertThat(estimate.status()).isEqualTo(200);
        assertThat(estimate.data().get("crypto_amount").asText()).isEqualTo("101.500000");
        assertThat(estimate.data().get("fee_breakdown").get("platform_fee").asText()).isEqualTo("1.500000");
    }

    @Test
    void malformedJsonIsInvalidRequestInEitherEnvelope() {
        assertPartner(send("POST", P + "/offramp/quote", SimulatorClient.KEY, "{not json"), 400, "INVALID_REQUEST");
        assertPartner(send("POST", P + "/offramp/initiate", SimulatorClient.KEY, "[1,2]"), 400, "INVALID_REQUEST");
        Response users = send("POST", P + "/users", SimulatorClient.KEY, "{\"user_ref\":");
        assertThat(users.status()).isEqualTo(400);
        assertThat(users.data().get("error_key").asText()).isNotBlank();
    }

    @Test
    void anUnknownPathIsNotFound() {
        assertPartner(send("GET", P + "/nothing-here", SimulatorClient.KEY, null), 404, "NOT_FOUND");
        assertPartner(send("DELETE", P + "/users", SimulatorClient.KEY, null), 404, "NOT_FOUND");
        assertPartner(send("GET", "/", null, null), 404, "NOT_FOUND");
    }

    @Test
    void userAndPaymentDetailsRefusalsUseTheLegacyEnvelope() {
        assertLegacy(sim.post(P + "/users", "{\"user_ref\":\"only-ref\"}"), 400, "required_fields_missing");
        assertLegacy(sim.post(P + "/users", "{\"email\":\"a@b.c\"}"), 400, "required_fields_missing");
        assertLegacy(sim.post(P + "/users", "{\"user_ref\":5,\"email\":\"a@b.c\"}"), 400, "invalid_field_value");
        assertLegacy(sim.get(P + "/users/" + UUID.randomUUID()), 404, "user_not_found");

        String user = sim.createUser("pd");
        String path = P + "/users/" + user + "/payment-details";
        assertLegacy(sim.post(path, "{\"currency\":\"EUR\",\"rail\":\"iban-sepa\",\"details\":{}}"), 400,
                "invalid_payment_details");
        assertLegacy(sim.post(path, "{\"currency\":\"EUR\",\"rail\":\"iban-sepa\"}"), 400, "invalid_payment_details");
        assertLegacy(sim.post(path, "{\"currency\":\"ARS\",\"rail\":\"cvu-cbu\",\"details\":{\"cvu\":\"1\"}}"), 400,
                "invalid_payment_details");
        assertLegacy(sim.post(P + "/users/" + UUID.randomUUID() + "/payment-details",
                "{\"currency\":\"EUR\",\"rail\":\"iban-sepa\",\"details\":{\"iban\":\"x\"}}"), 404, "user_not_found");
        // only what the reference data lists as live: a rail for another currency, an institution of another rail
        assertLegacy(sim.post(path, "{\"currency\":\"GBP\",\"rail\":\"iban-sepa\",\"details\":{\"iban\":\"x\"}}"), 400,
                "invalid_payment_details");
        assertLegacy(sim.post(path, "{\"currency\":\"NGN\",\"rail\":\"nip-nigeria\",\"institution_id\":\"barclays\","
                + "\"details\":{\"account_number\":\"0123456789\"}}"), 400, "invalid_payment_details");
        Response withInstitution = sim.post(path, "{\"currency\":\"ngn\",\"rail\":\"nip-nigeria\","
                + "\"institution_id\":\"guaranty-trust-bank\",\"details\":{\"account_number\":\"0123456789\"}}");
        assertThat(withInstitution.status()).isEqualTo(201);
        assertThat(withInstitution.data().get("institution_name").asText()).isEqualTo("Guaranty Trust Bank");
        assertThat(withInstitution.data().get("currency").asText()).isEqualTo("NGN");
    }

    @Test
    void webhookConfigurationRefusals() {
        assertLegacy(sim.post(P + "/webhooks", "{}"), 400, "webhook URL is required");
        assertLegacy(sim.post(P + "/webhooks", "{\"url\":\"ftp://example.com/x\"}"), 400, "webhook URL must use HTTPS");
        assertLegacy(sim.post(P + "/webhooks/test"), 400, "webhook URL is not set");
        assertThat(sim.get(P + "/webhooks").data().get("url").isNull()).isTrue();
        assertThat(sim.get(P + "/webhooks").data().get("enabled").asBoolean()).isFalse();
        assertThat(sim.post(P + "/webhooks", "{\"url\":\"https://partner.example.com/hooks\"}").status()).isEqualTo(200);
        Response deleted = send("DELETE", P + "/webhooks/1", SimulatorClient.KEY, null);
        assertThat(deleted.data().get("message").asText()).isEqualTo("webhook deleted");
        assertThat(sim.get(P + "/webhooks").data().get("url").isNull()).isTrue();
    }

    @Test
    void estimateRefusals() {
        String e = P + "/offramp/estimate";
        Response both = sim.post(e, "{\"crypto_currency\":\"USDT\",\"fiat_currency\":\"NGN\",\"crypto_amount\":\"1\","
                + "\"fiat_amount\":\"1\"}");
        assertPartner(both, 400, "INVALID_REQUEST");
        assertThat(both.error().get("message").asText()).isEqualTo("exactly one of crypto_amount or fiat_amount must be provided");
        assertPartner(sim.post(e, "{\"crypto_currency\":\"USDT\",\"fiat_currency\":\"NGN\"}"), 400, "INVALID_REQUEST");
        Response btc = sim.post(e, "{\"crypto_currency\":\"BTC\",\"fiat_currency\":\"NGN\",\"crypto_amount\":\"1\"}");
        assertPartner(btc, 400, "INVALID_REQUEST");
        assertThat(btc.error().get("message").asText()).isEqualTo("unsupported cryptocurrency: BTC");
        assertPartner(sim.post(e, "{\"crypto_currency\":\"USDT\",\"fiat_currency\":\"JPY\",\"crypto_amount\":\"1\"}"),
                409, "NO_OFFERS_AVAILABLE");
        assertPartner(sim.post(e, "{\"crypto_currency\":\"USDT\",\"fiat_currency\":\"NGN\",\"crypto_amount\":100}"),
                400, "INVALID_REQUEST");
        assertPartner(sim.post(e, "{\"crypto_currency\":\"USDT\",\"fiat_currency\":\"NGN\",\"crypto_amount\":\"-5\"}"),
                400, "INVALID_REQUEST");
        assertPartner(sim.post(e, "{\"crypto_currency\":\"USDT\",\"fiat_currency\":\"NGN\",\"crypto_amount\":\"5\","
                + "\"provider_scope\":\"some\"}"), 400, "INVALID_REQUEST");
    }

    @Test
    void quoteRefusals() {
        String user = sim.createUser("q");
        long details = sim.addPaymentDetails(user, "EUR");
        Response notCleared = sim.quote(user, details, "100");
        assertPartner(notCleared, 422, "KYC_NOT_CLEARED");
        assertThat(notCleared.error().get("details").get("kyc_status").asText()).isEqualTo("NOT_INITIATED");

        sim.post("/_sandbox/users/" + user + "/kyc", "{\"kyc_status\":\"VERIFIED\"}");
        String other = sim.createVerifiedUser("other");
        long othersDetails = sim.addPaymentDetails(other, "EUR");
        assertPartner(sim.quote(user, othersDetails, "100"), 404, "INVALID_PAYMENT_DETAILS");
        assertPartner(sim.quote(user, 999_999, "100"), 404, "INVALID_PAYMENT_DETAILS");
        assertPartner(sim.quote(UUID.randomUUID().toString(), details, "100"), 404, "INVALID_PAYMENT_DETAILS");
        assertPartner(sim.post(P + "/offramp/quote", "{\"user_uuid\":\"" + user + "\",\"payment_details_id\":\""
                + details + "\",\"crypto_currency\":\"USDT\",\"fiat_currency\":\"EUR\",\"crypto_amount\":\"1\"}"),
                400, "INVALID_REQUEST");
        assertPartner(sim.post(P + "/offramp/quote", "{\"user_uuid\":\"" + user + "\",\"payment_details_id\":" + details
                + ",\"crypto_currency\":\"USDT\",\"fiat_currency\":\"GBP\",\"crypto_amount\":\"1\"}"), 400, "RAIL_ROUTE_MISMATCH");
        assertPartner(sim.post(P + "/offramp/quote", "{\"user_uuid\":\"" + user + "\",\"payment_details_id\":" + details
                + ",\"crypto_currency\":\"USDT\",\"fiat_currency\":\"CHF\",\"crypto_amount\":\"1\"}"), 409, "NO_OFFERS_AVAILABLE");
    }

    @Test
    void orderRefusals() {
        assertPartner(sim.get(P + "/orders/12345"), 400, "INVALID_REQUEST");
        assertPartner(sim.get(P + "/orders/" + UUID.randomUUID()), 404, "ORDER_NOT_FOUND");
        assertPartner(sim.post(P + "/orders/" + UUID.randomUUID() + "/cancel"), 404, "ORDER_NOT_FOUND");
        assertPartner(sim.get(P + "/orders?page=0"), 400, "INVALID_REQUEST");
        assertPartner(sim.get(P + "/orders?limit=abc"), 400, "INVALID_REQUEST");
        assertPartner(sim.get(P + "/orders?status=nonsense"), 400, "INVALID_REQUEST");
        assertPartner(sim.get(P + "/orders?page=%zz"), 400, "INVALID_REQUEST");

        String order = sim.openOrder("o");
        Response notReady = sim.get(P + "/orders/" + order + "/transfer-authorization-parameters");
        assertPartner(notReady, 409, "INVALID_STATUS");
        assertThat(notReady.error().get("message").asText())
                .isEqualTo("order is not ready for this action yet: no liquidity provider has accepted it");
        assertPartner(sim.post(P + "/orders/" + order + "/authorize-crypto-transfer", SimulatorClient.authorizeBody()),
                409, "INVALID_STATUS");
        assertPartner(sim.post(P + "/orders/" + order + "/confirm-fiat-received"), 409, "INVALID_STATUS");

        sim.advance(order);
        String authorize = P + "/orders/" + order + "/authorize-crypto-transfer";
        assertPartner(sim.post(authorize, "{}"), 400, "INVALID_REQUEST");
        assertPartner(sim.post(authorize, "{\"forward_request\":{\"from\":\"0x1\"},\"signature\":\"0xab\"}"), 400,
                "INVALID_REQUEST");
        assertPartner(sim.post(authorize, SimulatorClient.authorizeBody().replace("0xabc123", "not-hex")), 400,
                "INVALID_REQUEST");
        assertThat(sim.status(order)).isEqualTo("awaiting_crypto_transfer_authorization");

        sim.post(authorize, SimulatorClient.authorizeBody());
        Response cancel = sim.post(P + "/orders/" + order + "/cancel");
        assertPartner(cancel, 400, "INVALID_STATUS");
        assertThat(cancel.error().get("message").asText()).isEqualTo("cancellation not allowed at current status");
    }

    @Test
    void listingPagesOldestFirstAndCapsTheLimit() {
        String first = sim.openOrder("l1");
        String second = sim.openOrder("l2");
        String third = sim.openOrder("l3");
        sim.advance(second);

        Response page2 = sim.get(P + "/orders?page=2&limit=2");
        assertThat(page2.data().get("orders")).extracting(o -> o.get("order_id").asText()).containsExactly(third);
        assertThat(page2.data().get("pagination").toString())
                .isEqualTo("{\"page\":2,\"limit\":2,\"total_count\":3,\"total_pages\":2}");
        Response page1 = sim.get(P + "/orders?limit=2");
        assertThat(page1.data().get("orders")).extracting(o -> o.get("order_id").asText()).containsExactly(first, second);
        assertThat(sim.get(P + "/orders?limit=500").data().get("pagination").get("limit").asInt()).isEqualTo(100);
        assertThat(sim.get(P + "/orders").data().get("pagination").get("limit").asInt()).isEqualTo(20);
        Response filtered = sim.get(P + "/orders?status=awaiting_crypto_transfer_authorization");
        assertThat(filtered.data().get("orders")).extracting(o -> o.get("order_id").asText()).containsExactly(second);
        assertThat(sim.get(P + "/orders?page=9").data().get("orders")).isEmpty();
    }
}
