package dev.offramp.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** The Unigox playbook's steps through the bundle's API, against its Unigox simulator. */
final class UnigoxPlaybook {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SIM_KEY = "sandbox-unigox-key";
    /** A direct_data KYC submission with the address, city and postal code EUR/AUD/GBP payouts need. */
    static final String KYC_WITH_ADDRESS = "{\"method\":\"direct_data\",\"data\":{\"pii\":{\"first_name\":\"Ada\","
            + "\"last_name\":\"Lovelace\",\"country_code\":\"DE\",\"dob\":\"1990-01-01\","
            + "\"address\":\"Unter den Linden 1\",\"city\":\"Berlin\",\"postal_code\":\"10117\"}}}";

    private final Bundle bundle;

    UnigoxPlaybook(Bundle bundle) {
        this.bundle = bundle;
    }

    JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    JsonNode sim(String method, String path, String body) throws Exception {
        HttpResponse<String> r = bundle.raw(method, "/sandbox/unigox" + path,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json", "X-API-Key", SIM_KEY));
        assertThat(r.statusCode()).as(method + " " + path + " " + r.body()).isBetween(200, 299);
        return JSON.readTree(r.body());
    }

    HttpResponse<String> ok(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return r;
    }

    /** A verified user with EUR payout details: the playbook's onboarding, through our API. */
    Map<String, String> onboardedUser() throws Exception {
        String ref = "user-" + UUID.randomUUID();
        JsonNode user = json(ok(bundle.post("/api/v1/users", "{\"user_ref\":\"" + ref + "\",\"email\":\"" + ref + "@example.com\"}"), 201));
        String userId = user.get("id").asText();
        // the first KYC submission links the Unigox account; with the address EUR payouts need (Unigox
        // parks an EUR order of a user without one at pending_address: KycAddressTest)
        ok(bundle.post("/api/v1/users/" + userId + "/kyc-submissions", KYC_WITH_ADDRESS), 200);
        String uuid = unigoxUserUuid(userId);
        uploadDocument(userId, "identity_front");
        uploadDocument(userId, "selfie");
        sim("POST", "/_sandbox/users/" + uuid + "/kyc/advance", "{}");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(bundle.query("SELECT kyc_status FROM users WHERE id = ?", userId).get(0).get("kyc_status")).isEqualTo("verified"));
        JsonNode details = json(ok(bundle.post("/api/v1/users/" + userId + "/payment-details",
                "{\"currency\":\"EUR\",\"rail\":\"iban-sepa\",\"details\":{\"full_name\":\"Ada Lovelace\",\"iban\":\"DE89370400440532013000\"}}"), 201));
        return Map.of("user_id", userId, "uuid", uuid, "payment_details_id", details.get("id").asText());
    }

    /** The Unigox account our user is linked to, as GET /api/v1/users/{id} shows it. */
    String unigoxUserUuid(String userId) throws Exception {
        JsonNode account = json(ok(bundle.get("/api/v1/users/" + userId), 200)).get("accounts").get("unigox");
        assertThat(account.isObject()).as("linked to Unigox: " + account).isTrue();
        return account.get("user_uuid").asText();
    }

    void uploadDocument(String userId, String type) throws Exception {
        String boundary = "test-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"document_type\"\r\n\r\n" + type + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"document\"; filename=\"" + type + ".png\"\r\n"
                + "Content-Type: image/png\r\n\r\nPNG-BYTES-" + type + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> r = bundle.raw("POST", "/api/v1/users/" + userId + "/kyc/documents", body.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "multipart/form-data; boundary=" + boundary, "X-API-Key", Bundle.API_KEY));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).get("document_type").asText()).isEqualTo(type);
    }

    String quote(Map<String, String> user, String amount) throws Exception {
        JsonNode quote = json(ok(bundle.post("/api/v1/offramp/quote", "{\"user_id\":\"" + user.get("user_id")
                + "\",\"payment_details_id\":\"" + user.get("payment_details_id")
                + "\",\"crypto_currency\":\"USDT\",\"crypto_amount\":\"" + amount + "\",\"fiat_currency\":\"EUR\"}"), 200));
        assertThat(quote.get("quote_id").asText()).isNotBlank();
        assertThat(quote.get("rate").isTextual()).isTrue();
        return quote.get("quote_id").asText();
    }

    JsonNode order(String quoteId) throws Exception {
        return json(ok(bundle.post("/api/v1/offramp/orders", "{\"provider\":\"unigox\",\"quote_id\":\"" + quoteId + "\"}"), 201));
    }

}
