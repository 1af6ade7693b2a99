package dev.offramp.routes;

import dev.offramp.contract.OffRampApiContractExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offramp.app.OffRampApplication;
import dev.offramp.contract.UnigoxContractExtension;
import java.net.http.HttpResponse;
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
 * Users belong to the business (issue 15, part 3): creating one calls no upstream, so it works with
 * Unigox down, and a Changelly order needs nothing of Unigox; the Unigox account is linked on first
 * need, and a failed link is tried again at the next one; GET /api/v1/users/{id} shows the account
 * and the KYC status in one vocabulary with Unigox's value and reasons beside it. What the Unigox
 * simulator received (its request stats) shows which calls were made.
 */
@ExtendWith(UnigoxContractExtension.class)
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18320", "offramp.management-port=19320",
            "offramp.db.url=jdbc:h2:mem:users-business;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "offramp.reconcile.enabled=false", "offramp.api-keys=test-api-key", "offramp.admin-keys=test-admin-key",
            "sandbox.unigox.step-seconds=0", "sandbox.changelly.step-seconds=0",
            // registered by the test that needs webhooks: a start-up registration would race the stats the tests count
            "unigox.webhook.register-on-startup=false", "unigox.retry.backoff-ms=20",
            // and so would the start-up GET /verify-auth (readiness: UnigoxPartnerSurfaceTest, UnigoxWrongPartnerKeyTest)
            "unigox.verify-auth.interval-seconds=0",
            // failures are driven on purpose here: the breakers stay closed (CircuitBreakerTest covers them)
            "unigox.circuit.window-size=1000", "unigox.circuit.minimum-calls=1000",
            "changelly.circuit.window-size=1000", "changelly.circuit.minimum-calls=1000"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OffRampApiContractExtension.class)
class UsersBelongToTheBusinessTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String KYC = "{\"method\":\"direct_data\",\"data\":{\"pii\":{\"first_name\":\"Ada\",\"last_name\":\"Lovelace\","
            + "\"country_code\":\"DE\",\"dob\":\"1990-01-01\"}}}";
    static final String DETAILS = "{\"currency\":\"EUR\",\"rail\":\"iban-sepa\",\"details\":{\"full_name\":\"Ada Lovelace\",\"iban\":\"DE89370400440532013000\"}}";
    static final String REFUND_ADDRESS = "0x8cfbd31371e9bec8c82ae101e25bd9394c03a227";

    @BeanInject
    CamelContext context;

    Bundle bundle;
    UnigoxPlaybook playbook;

    @BeforeEach
    void setUp() throws Exception {
        bundle = new Bundle(context);
        playbook = new UnigoxPlaybook(bundle);
        sim("POST", "/_sandbox/faults/clear", "{}");
        sim("POST", "/_sandbox/stats/reset", "{}");
    }

    JsonNode sim(String method, String path, String body) throws Exception {
        return playbook.sim(method, path, body);
    }

    JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    HttpResponse<String> ok(HttpResponse<String> r, int status) {
        return playbook.ok(r, status);
    }

    /**
     * The requests the Unigox simulator answered since the test began, as "METHOD /path" (faulted ones
     * included), but for the key check the bundle makes on its own schedule (500 ms after start-up, then
     * every few minutes): a test that runs first may begin before it goes out.
     */
    List<String> unigoxCalls() throws Exception {
        List<String> calls = new ArrayList<>();
        sim("GET", "/_sandbox/stats", null).get("data").get("paths").fieldNames().forEachRemaining(calls::add);
        calls.remove("GET /verify-auth");
        return calls;
    }

    int unigoxCalls(String methodAndPath) throws Exception {
        JsonNode count = sim("GET", "/_sandbox/stats", null).get("data").get("paths").get(methodAndPath);
        return count == null ? 0 : count.asInt();
    }

    void unigoxDown() throws Exception {
        sim("POST", "/_sandbox/faults", "{\"path\":\"*\",\"status\":503,\"count\":1000}");
    }

    String ref() {
        return "biz-" + UUID.randomUUID();
    }

    HttpResponse<String> createUser(String ref, String email) throws Exception {
        return bundle.post("/api/v1/users", email == null ? "{\"user_ref\":\"" + ref + "\"}"
                : "{\"user_ref\":\"" + ref + "\",\"email\":\"" + email + "\"}");
    }

    String newUser() throws Exception {
        String ref = ref();
        return json(ok(createUser(ref, ref + "@example.com"), 201)).get("id").asText();
    }

    Map<String, Object> userRow(String id) throws Exception {
        return bundle.query("SELECT * FROM users WHERE id = ?", id).get(0);
    }

    JsonNode user(String id) throws Exception {
        return json(ok(bundle.get("/api/v1/users/" + id), 200));
    }

    @Test
    void aUserIsCreatedWhileUnigoxIsDownWithoutAnyUnigoxCall() throws Exception {
        unigoxDown();
        String ref = ref();

        JsonNode created = json(ok(createUser(ref, "ada@example.com"), 201));
        JsonNode again = json(ok(createUser(ref, "ada@example.com"), 200));

        assertThat(again.get("id").asText()).isEqualTo(created.get("id").asText());
        assertThat(created.get("user_ref").asText()).isEqualTo(ref);
        assertThat(created.get("email").asText()).isEqualTo("ada@example.com");
        assertThat(created.get("created_at").asText()).isNotBlank();
        assertThat(created.get("accounts").get("unigox").isNull()).isTrue();
        assertThat(created.get("kyc").get("status").asText()).isEqualTo("not_started");
        assertThat(unigoxCalls()).as("no upstream call at all").isEmpty();
        assertThat(bundle.query("SELECT * FROM users WHERE user_ref = ?", ref)).singleElement()
                .satisfies(row -> assertThat(row.get("unigox_user_uuid")).isNull());
        assertThat(user(created.get("id").asText())).isEqualTo(created);
    }

    @Test
    void createOrGetFillsInAMissingEmailButNeverReplacesOne() throws Exception {
        String ref = ref();
        JsonNode bare = json(ok(createUser(ref, null), 201));
        assertThat(bare.get("email").isNull()).isTrue();

        assertThat(json(ok(createUser(ref, "ada@example.com"), 200)).get("email").asText()).isEqualTo("ada@example.com");
        HttpResponse<String> other = createUser(ref, "grace@example.com");
        assertThat(other.statusCode()).as(other.body()).isEqualTo(409);
        assertThat(json(other).get("error").get("code").asText()).isEqualTo("user_ref_conflict");
        assertThat(json(other).get("error").get("field").asText()).isEqualTo("email");
        assertThat(json(ok(createUser(ref, "ADA@example.com"), 200)).get("email").asText()).isEqualTo("ada@example.com");
        assertThat(json(ok(createUser(ref, null), 200)).get("id").asText()).isEqualTo(bare.get("id").asText());
        assertThat(userRow(bare.get("id").asText()).get("email")).isEqualTo("ada@example.com");

        Object before = bundle.query("SELECT COUNT(*) AS n FROM users").get(0).get("n");
        for (String[] bad : List.of(new String[] {"{\"user_ref\":\"a\\u0000b\"}", "user_ref"},
                new String[] {"{\"user_ref\":\"  \"}", "user_ref"},
                new String[] {"{\"user_ref\":\"" + ref() + "\",\"email\":\"nobody\"}", "email"},
                new String[] {"{\"user_ref\":\"" + ref() + "\",\"email\":7}", "email"})) {
            HttpResponse<String> r = bundle.post("/api/v1/users", bad[0]);
            assertThat(r.statusCode()).as(bad[0] + " -> " + r.body()).isEqualTo(400);
            assertThat(json(r).get("error").get("field").asText()).isEqualTo(bad[1]);
        }
        assertThat(bundle.query("SELECT COUNT(*) AS n FROM users").get(0).get("n")).isEqualTo(before);
        assertThat(unigoxCalls()).isEmpty();
    }

    @Test
    void aChangellyOrderRunsEndToEndWithoutAnyUnigoxCall() throws Exception {
        unigoxDown();
        String userId = newUser();

        HttpResponse<String> created = bundle.post("/api/v1/offramp/orders", "{\"provider\":\"changelly\",\"provider_code\":\"moonpay\","
                + "\"currency_from\":\"ETH\",\"currency_to\":\"EUR\",\"amount_from\":\"0.1\",\"country\":\"IT\",\"refund_address\":\""
                + REFUND_ADDRESS + "\",\"user_id\":\"" + userId + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String orderId = json(created).get("id").asText();
        String changellyId = json(created).get("provider_order_id").asText();
        assertThat(json(created).get("user_id").asText()).isEqualTo(userId);

        bundle.changellySandbox("POST", "/_sandbox/orders/" + changellyId + "/advance", "{}");
        awaitProviderStatus(orderId, "pending");
        bundle.changellySandbox("POST", "/_sandbox/orders/" + changellyId + "/advance", "{}");
        awaitProviderStatus(orderId, "complete");

        assertThat(json(bundle.get("/api/v1/orders/" + orderId)).get("status").asText()).isEqualTo("completed");
        assertThat(unigoxCalls()).as("Unigox is not asked anything, least of all for a user").isEmpty();
        assertThat(user(userId).get("accounts").get("unigox").isNull()).isTrue();
    }

    @Test
    void theFirstKycSubmissionLinksTheUnigoxAccountOnce() throws Exception {
        String userId = newUser();
        assertThat(userRow(userId).get("unigox_user_uuid")).isNull();

        JsonNode submitted = json(ok(bundle.post("/api/v1/users/" + userId + "/kyc-submissions", KYC), 200));

        assertThat(submitted.get("status").asText()).isEqualTo("in_progress");
        assertThat(submitted.get("provider_status").asText()).isEqualTo("IN_PROGRESS");
        Map<String, Object> row = userRow(userId);
        assertThat(row.get("unigox_user_uuid")).isNotNull();
        assertThat(row.get("unigox_linked_at")).isNotNull();
        assertThat(row).containsEntry("kyc_status", "in_progress").containsEntry("kyc_provider_status", "IN_PROGRESS");
        JsonNode view = user(userId);
        assertThat(view.get("accounts").get("unigox").get("user_uuid").asText()).isEqualTo(row.get("unigox_user_uuid").toString());
        assertThat(view.get("accounts").get("unigox").get("linked_at").asText()).isNotBlank();
        assertThat(view.get("kyc").get("status").asText()).isEqualTo("in_progress");
        assertThat(unigoxCalls("POST /users")).isEqualTo(1);
        assertThat(unigoxCalls("POST /users/" + row.get("unigox_user_uuid") + "/kyc-submissions")).isEqualTo(1);

        ok(bundle.get("/api/v1/users/" + userId + "/verification-status"), 200);
        ok(bundle.post("/api/v1/users/" + userId + "/payment-details", DETAILS), 201);
        assertThat(unigoxCalls("POST /users")).as("linked once, not at every need").isEqualTo(1);
    }

    @Test
    void aDocumentUploadAsTheFirstNeedLinksTheAccountAndStillSendsItsOwnMultipartBody() throws Exception {
        String userId = newUser();

        playbook.uploadDocument(userId, "selfie");

        String uuid = playbook.unigoxUserUuid(userId);
        assertThat(unigoxCalls("POST /users")).isEqualTo(1);
        assertThat(unigoxCalls("POST /users/" + uuid + "/kyc/documents")).isEqualTo(1);
    }

    @Test
    void aFailedLinkWritesNothingAndIsTriedAgainAtTheNextNeed() throws Exception {
        String userId = newUser();
        // every attempt of the repeat-safe create-or-get fails
        sim("POST", "/_sandbox/faults", "{\"path\":\"/users\",\"method\":\"POST\",\"status\":500,\"count\":4}");

        HttpResponse<String> failed = bundle.post("/api/v1/users/" + userId + "/kyc-submissions", KYC);

        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(502);
        assertThat(json(failed).get("error").get("upstream").get("provider").asText()).isEqualTo("unigox");
        assertThat(userRow(userId)).containsEntry("unigox_user_uuid", null).containsEntry("unigox_linked_at", null)
                .containsEntry("kyc_status", null);
        assertThat(unigoxCalls("POST /users")).isEqualTo(4);
        assertThat(unigoxCalls()).as("the submission itself was not sent").noneMatch(call -> call.contains("kyc-submissions"));
        assertThat(user(userId).get("accounts").get("unigox").isNull()).isTrue();

        JsonNode details = json(ok(bundle.post("/api/v1/users/" + userId + "/payment-details", DETAILS), 201));

        assertThat(details.get("user_id").asText()).isEqualTo(userId);
        assertThat(unigoxCalls("POST /users")).isEqualTo(5);
        String uuid = user(userId).get("accounts").get("unigox").get("user_uuid").asText();
        assertThat(uuid).isEqualTo(userRow(userId).get("unigox_user_uuid"));
        ok(bundle.post("/api/v1/users/" + userId + "/kyc-submissions", KYC), 200);
        assertThat(unigoxCalls("POST /users/" + uuid + "/kyc-submissions")).isEqualTo(1);
    }

    @Test
    void aRejectionShowsUnigoxsReasonsInOneVocabulary() throws Exception {
        HttpResponse<String> registered = bundle.send("POST", "/admin/unigox/webhooks/register", null, Bundle.ADMIN_KEY);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        String userId = newUser();
        ok(bundle.post("/api/v1/users/" + userId + "/kyc-submissions", KYC), 200);
        String uuid = playbook.unigoxUserUuid(userId);

        // the webhook says REJECTED, with rejection_reasons
        sim("POST", "/_sandbox/users/" + uuid + "/kyc", "{\"kyc_status\":\"VERIFICATION_REJECTED\",\"rejection_reason\":\"Document expired\"}");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(user(userId).get("kyc").get("status").asText()).isEqualTo("rejected"));
        JsonNode kyc = user(userId).get("kyc");
        assertThat(kyc.get("provider").asText()).isEqualTo("unigox");
        assertThat(kyc.get("provider_status").asText()).isEqualTo("REJECTED");
        assertThat(kyc.get("rejection_reasons")).extracting(JsonNode::asText).containsExactly("Document expired");

        // the API says VERIFICATION_REJECTED, with provider_messages: the same status of ours
        JsonNode verification = json(ok(bundle.get("/api/v1/users/" + userId + "/verification-status"), 200));
        assertThat(verification.get("status").asText()).isEqualTo("rejected");
        assertThat(verification.get("provider_status").asText()).isEqualTo("VERIFICATION_REJECTED");
        assertThat(verification.get("rejection_reasons")).extracting(JsonNode::asText).containsExactly("Document expired");
        assertThat(userRow(userId)).containsEntry("kyc_status", "rejected").containsEntry("kyc_provider_status", "VERIFICATION_REJECTED");
        assertThat(user(userId).get("kyc").get("rejection_reasons")).extracting(JsonNode::asText).containsExactly("Document expired");

        sim("POST", "/_sandbox/users/" + uuid + "/kyc", "{\"kyc_status\":\"VERIFIED\"}");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(user(userId).get("kyc").get("status").asText()).isEqualTo("verified"));
        assertThat(user(userId).get("kyc").get("rejection_reasons")).isEmpty();
    }

    @Test
    void aUserWithoutAnEmailIsLinkedOnceItHasOne() throws Exception {
        String ref = ref();
        String userId = json(ok(createUser(ref, null), 201)).get("id").asText();

        HttpResponse<String> refused = bundle.post("/api/v1/users/" + userId + "/kyc-submissions", KYC);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(json(refused).get("error").get("code").asText()).isEqualTo("email_required");
        assertThat(json(refused).get("error").get("field").asText()).isEqualTo("email");
        assertThat(unigoxCalls()).isEmpty();

        ok(createUser(ref, ref + "@example.com"), 200);
        ok(bundle.post("/api/v1/users/" + userId + "/kyc-submissions", KYC), 200);
        assertThat(user(userId).get("accounts").get("unigox").isObject()).isTrue();
    }

    @Test
    void unknownUsersAre404NamingUserIdWithoutAnyUpstreamCall() throws Exception {
        Object ordersBefore = bundle.query("SELECT COUNT(*) AS n FROM orders").get(0).get("n");

        // a well-formed id (a UUID) that is nobody's; anything else in the path is a 400 (IdentifiersAtTheEdgeContract)
        String nobody = java.util.UUID.randomUUID().toString();
        HttpResponse<String> get = bundle.get("/api/v1/users/" + nobody);
        assertThat(get.statusCode()).isEqualTo(404);
        assertThat(json(get).get("error").get("code").asText()).isEqualTo("not_found");
        assertThat(bundle.post("/api/v1/users/" + nobody + "/kyc-submissions", KYC).statusCode()).isEqualTo(404);
        assertThat(bundle.post("/api/v1/users/" + nobody + "/payment-details", DETAILS).statusCode()).isEqualTo(404);

        HttpResponse<String> quote = bundle.post("/api/v1/offramp/quote", "{\"user_id\":\"nobody\",\"payment_details_id\":\"p\","
                + "\"crypto_currency\":\"USDT\",\"crypto_amount\":\"10\",\"fiat_currency\":\"EUR\"}");
        assertThat(quote.statusCode()).as(quote.body()).isEqualTo(404);
        assertThat(json(quote).get("error").get("field").asText()).isEqualTo("user_id");

        HttpResponse<String> changelly = bundle.post("/api/v1/offramp/orders", "{\"provider\":\"changelly\",\"provider_code\":\"moonpay\","
                + "\"currency_from\":\"ETH\",\"currency_to\":\"EUR\",\"amount_from\":\"0.1\",\"country\":\"IT\",\"refund_address\":\""
                + REFUND_ADDRESS + "\",\"user_id\":\"nobody\"}");
        assertThat(changelly.statusCode()).as(changelly.body()).isEqualTo(404);
        assertThat(json(changelly).get("error").get("field").asText()).isEqualTo("user_id");

        assertThat(unigoxCalls()).isEmpty();
        assertThat(bundle.query("SELECT COUNT(*) AS n FROM orders").get(0).get("n")).isEqualTo(ordersBefore);
    }

    void awaitProviderStatus(String orderId, String providerStatus) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(bundle.orderRow(orderId).get("provider_status")).isEqualTo(providerStatus));
    }
}
