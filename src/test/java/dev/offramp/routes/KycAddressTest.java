package dev.offramp.routes;

import dev.offramp.contract.OffRampApiContractExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.offramp.app.OffRampApplication;
import dev.offramp.contract.UnigoxContractExtension;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Unigox's address rule through the bundle's API: an EUR order of a user whose KYC has no address parks
 * at pending_address, {@code PATCH /api/v1/users/{id}/kyc} supplies the address and the order moves on;
 * {@code POST /api/v1/users/{id}/kyc/verify} tells what is missing; bad input is a 400 naming the field
 * and sends nothing; a GIF document is accepted. Every exchange with the simulator is held to Unigox's
 * OpenAPI. The simulator's clock is off: the test moves orders with its control endpoints.
 */
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18590", "offramp.management-port=19590",
            "offramp.db.url=jdbc:h2:mem:kyc-address;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "offramp.reconcile.enabled=false", "offramp.api-keys=test-api-key", "offramp.admin-keys=test-admin-key",
            "sandbox.unigox.step-seconds=0", "sandbox.changelly.step-seconds=0"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(UnigoxContractExtension.class)
@ExtendWith(OffRampApiContractExtension.class)
class KycAddressTest {

    static final String KYC_WITHOUT_ADDRESS = "{\"method\":\"direct_data\",\"data\":{\"pii\":{\"first_name\":\"Ada\","
            + "\"last_name\":\"Lovelace\",\"country_code\":\"DE\",\"dob\":\"1990-01-01\"}}}";
    static final String ADDRESS = "{\"address\":\"Unter den Linden 1\",\"city\":\"Berlin\",\"postal_code\":\"10117\"}";

    @BeanInject
    CamelContext context;

    Bundle bundle;
    UnigoxPlaybook playbook;

    @BeforeEach
    void setUp() throws Exception {
        bundle = new Bundle(context);
        playbook = new UnigoxPlaybook(bundle);
        HttpResponse<String> registered = bundle.send("POST", "/admin/unigox/webhooks/register", null, Bundle.ADMIN_KEY);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
    }

    JsonNode json(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return playbook.json(r);
    }

    String newUser() throws Exception {
        String ref = "kyc-" + UUID.randomUUID();
        return json(bundle.post("/api/v1/users", "{\"user_ref\":\"" + ref + "\",\"email\":\"" + ref + "@example.com\"}"), 201)
                .get("id").asText();
    }

    HttpResponse<String> patchKyc(String userId, String body) throws Exception {
        return bundle.send("PATCH", "/api/v1/users/" + userId + "/kyc", body, Bundle.API_KEY);
    }

    HttpResponse<String> verify(String userId) throws Exception {
        return bundle.send("POST", "/api/v1/users/" + userId + "/kyc/verify", null, Bundle.API_KEY);
    }

    String providerStatus(String orderId) throws Exception {
        return json(bundle.get("/api/v1/orders/" + orderId), 200).get("provider_status").asText();
    }

    /** API paths below /api/v1/partner the simulator was called on since its stats were reset, e.g. "PATCH /users/…/kyc". */
    /**
     * The calls to Unigox since the last stats reset, but for the two the bundle makes on its own schedule
     * (the key check 500 ms after start-up, then every few minutes; the start-up webhook registration):
     * a test that runs first may reset the stats before they go out.
     */
    List<String> unigoxCalls() throws Exception {
        List<String> calls = new ArrayList<>();
        playbook.sim("GET", "/_sandbox/stats", null).get("data").get("paths").fieldNames().forEachRemaining(calls::add);
        calls.removeAll(List.of("GET /verify-auth", "POST /webhooks"));
        return calls;
    }

    @Test
    void anEuroOrderWithoutAddressParksUntilPatchKycSuppliesItThenMovesOn() throws Exception {
        String userId = newUser();
        json(bundle.post("/api/v1/users/" + userId + "/kyc-submissions", KYC_WITHOUT_ADDRESS), 200);

        // readiness: the data is there, the documents are not
        JsonNode notReady = json(verify(userId), 200);
        assertThat(notReady.get("ready").asBoolean()).isFalse();
        assertThat(notReady.get("missing")).extracting(JsonNode::asText).containsExactly("identity_document", "selfie");
        assertThat(notReady.get("status").isNull()).isTrue();
        playbook.uploadDocument(userId, "identity_front");
        playbook.uploadDocument(userId, "selfie");
        JsonNode ready = json(verify(userId), 200);
        assertThat(ready.get("ready").asBoolean()).isTrue();
        assertThat(ready.get("missing")).isEmpty();
        assertThat(ready.get("status").asText()).isEqualTo("in_progress");
        assertThat(ready.get("provider_status").asText()).isEqualTo("IN_PROGRESS");

        String uuid = playbook.unigoxUserUuid(userId);
        playbook.sim("POST", "/_sandbox/users/" + uuid + "/kyc/advance", "{}");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(bundle.query("SELECT kyc_status FROM users WHERE id = ?", userId).get(0).get("kyc_status")).isEqualTo("verified"));
        JsonNode details = json(bundle.post("/api/v1/users/" + userId + "/payment-details",
                "{\"currency\":\"EUR\",\"rail\":\"iban-sepa\",\"details\":{\"full_name\":\"Ada Lovelace\",\"iban\":\"DE89370400440532013000\"}}"), 201);
        Map<String, String> user = Map.of("user_id", userId, "uuid", uuid, "payment_details_id", details.get("id").asText());

        JsonNode created = playbook.order(playbook.quote(user, "100"));
        String orderId = created.get("id").asText();
        String unigoxId = created.get("provider_order_id").asText();
        assertThat(created.get("provider_status").asText()).isEqualTo("pending_address");
        JsonNode parked = json(bundle.get("/api/v1/orders/" + orderId), 200);
        assertThat(parked.get("provider_status").asText()).isEqualTo("pending_address");
        assertThat(parked.get("status").asText()).as("the business must act").isEqualTo("awaiting_action");
        HttpResponse<String> stuck = bundle.raw("POST", "/sandbox/unigox/_sandbox/orders/" + unigoxId + "/advance", "{}".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json", "X-API-Key", UnigoxPlaybook.SIM_KEY));
        assertThat(stuck.statusCode()).as("no vendor is matched while the address is missing").isEqualTo(409);
        assertThat(providerStatus(orderId)).isEqualTo("pending_address");

        JsonNode patched = json(patchKyc(userId, ADDRESS), 200);
        assertThat(patched.get("id").asText()).isEqualTo(userId);
        assertThat(patched.get("updated_fields")).extracting(JsonNode::asText).containsExactly("address", "city", "postal_code");
        assertThat(patched.get("kyc").get("status").asText()).isEqualTo("verified");
        assertThat(patched.get("kyc").get("provider_status").asText()).isEqualTo("VERIFIED");
        assertThat(patched.get("accounts").get("unigox").get("user_uuid").asText()).isEqualTo(uuid);
        JsonNode asGet = json(bundle.get("/api/v1/users/" + userId), 200);
        JsonNode withoutUpdatedFields = ((com.fasterxml.jackson.databind.node.ObjectNode) patched.deepCopy()).without("updated_fields");
        assertThat(withoutUpdatedFields).as("the user as GET shows it").isEqualTo(asGet);

        // released by Unigox, announced by a signed webhook, then on along the usual path
        await().atMost(Duration.ofSeconds(10)).until(() -> providerStatus(orderId), "awaiting_liquidity_provider"::equals);
        playbook.sim("POST", "/_sandbox/orders/" + unigoxId + "/advance", "{}");
        await().atMost(Duration.ofSeconds(10)).until(() -> providerStatus(orderId), "awaiting_crypto_transfer_authorization"::equals);
        assertThat(json(bundle.get("/api/v1/orders/" + orderId), 200).get("status").asText()).isEqualTo("awaiting_action");
        assertThat(bundle.query("SELECT to_status FROM order_timeline WHERE order_id = ? AND outcome = 'applied' ORDER BY id", orderId))
                .extracting(row -> row.get("to_status"))
                .containsSubsequence("pending_address", "awaiting_liquidity_provider", "awaiting_crypto_transfer_authorization");

        JsonNode verified = json(verify(userId), 200);
        assertThat(verified.get("ready").asBoolean()).isTrue();
        assertThat(verified.get("missing")).isEmpty();
        assertThat(verified.get("status").asText()).isEqualTo("verified");
    }

    @Test
    void badPatchInputIsA400NamingTheFieldAndNothingIsSentUpstream() throws Exception {
        String userId = newUser();
        json(bundle.post("/api/v1/users/" + userId + "/kyc-submissions", KYC_WITHOUT_ADDRESS), 200);
        playbook.sim("POST", "/_sandbox/stats/reset", "{}");
        Map<String, String> refused = Map.ofEntries(
                Map.entry("{\"first_name\":\"Eve\"}", "first_name"),
                Map.entry("{\"nickname\":\"Eve\"}", "nickname"),
                Map.entry("{\"address\":\"  \"}", "address"),
                Map.entry("{\"city\":{\"name\":\"Berlin\"}}", "city"),
                Map.entry("{\"postal_code\":10117}", "postal_code"),
                Map.entry("{\"dob\":\"2015-01-01\"}", "dob"),
                Map.entry("{\"dob\":\"1990-02-30\"}", "dob"),
                Map.entry("{\"phone_number\":\"0301234567\"}", "phone_number"),
                Map.entry("{\"gender\":\"X\"}", "gender"),
                Map.entry("{\"nationality\":\"DEU\"}", "nationality"),
                Map.entry("{\"id_type\":\"NIN\"}", "id_type"),
                Map.entry("{\"source_of_funds\":\"lottery\"}", "source_of_funds"),
                Map.entry("{\"address\":\"Unter den Linden 1\",\"city\":\"Ber\\u0000lin\"}", "city"));
        for (Map.Entry<String, String> e : refused.entrySet()) {
            JsonNode error = json(patchKyc(userId, e.getKey()), 400).get("error");
            assertThat(error.get("field").asText()).as(e.getKey()).isEqualTo(e.getValue());
            assertThat(error.toString()).as("the value is never echoed").doesNotContain("Eve", "lottery", "0301234567");
        }
        assertThat(json(patchKyc(userId, "{}"), 400).get("error").get("message").asText()).contains("address");
        assertThat(json(patchKyc("not-a-uuid", ADDRESS), 400).get("error").get("field").asText()).isEqualTo("id");
        assertThat(patchKyc(UUID.randomUUID().toString(), ADDRESS).statusCode()).isEqualTo(404);
        assertThat(unigoxCalls()).as("nothing reached Unigox").isEmpty();
    }

    @Test
    void aUserNotLinkedYetIsLinkedFirstAndUnigoxRefusalsArePassedOn() throws Exception {
        String userId = newUser();
        playbook.sim("POST", "/_sandbox/stats/reset", "{}");
        // no KYC submitted: linked (POST /users), then Unigox refuses the readiness check and the patch
        JsonNode notSubmitted = json(verify(userId), 400).get("error");
        assertThat(notSubmitted.get("upstream").get("provider").asText()).isEqualTo("unigox");
        String uuid = playbook.unigoxUserUuid(userId);
        assertThat(json(patchKyc(userId, ADDRESS), 400).get("error").get("upstream").get("code").asText()).isEqualTo("kyc_not_submitted");
        assertThat(unigoxCalls()).containsExactlyInAnyOrder("POST /users", "POST /users/" + uuid + "/kyc/verify",
                "PATCH /users/" + uuid + "/kyc");
        assertThat(bundle.query("SELECT kyc_status FROM users WHERE id = ?", userId).get(0).get("kyc_status"))
                .as("the refusals changed nothing").isEqualTo("not_started");
    }

    @Test
    void aGifDocumentIsAccepted() throws Exception {
        String userId = newUser();
        json(bundle.post("/api/v1/users/" + userId + "/kyc-submissions", KYC_WITHOUT_ADDRESS), 200);
        String boundary = "gif-" + UUID.randomUUID();
        byte[] gif = {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0, ';'};
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"document_type\"\r\n\r\nselfie\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"document\"; filename=\"selfie.gif\"\r\n"
                + "Content-Type: image/gif\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(gif);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = bundle.raw("POST", "/api/v1/users/" + userId + "/kyc/documents", body.toByteArray(),
                Map.of("Content-Type", "multipart/form-data; boundary=" + boundary, "X-API-Key", Bundle.API_KEY));
        JsonNode accepted = json(r, 200);
        assertThat(accepted.get("document_type").asText()).isEqualTo("selfie");
        assertThat(accepted.get("file_name").asText()).isEqualTo("selfie.gif");
        assertThat(json(verify(userId), 200).get("missing")).extracting(JsonNode::asText).containsExactly("identity_document");
    }
}
