package dev.offramp.routes;

import dev.offramp.contract.OffRampApiContractExtension;

import dev.offramp.contract.UnigoxContractExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offramp.app.OffRampApplication;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariant 8 on every public endpoint that takes input: malformed JSON, wrong types, missing fields,
 * bodies too big, the wrong content type, injection strings and unknown ids all get a clear 4xx with
 * a JSON error naming the problem, and nothing is written.
 */
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18188", "offramp.management-port=19188",
            "offramp.db.url=jdbc:h2:mem:bad-input;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "offramp.reconcile.enabled=false", "offramp.api-keys=test-api-key", "offramp.admin-keys=test-admin-key",
            // failures are driven on purpose here: the breakers stay closed (CircuitBreakerTest covers them)
            "unigox.circuit.window-size=1000", "unigox.circuit.minimum-calls=1000",
            "changelly.circuit.window-size=1000", "changelly.circuit.minimum-calls=1000",
            "sandbox.unigox.step-seconds=0", "sandbox.changelly.step-seconds=0"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(UnigoxContractExtension.class)
@ExtendWith(OffRampApiContractExtension.class)
class BadInputTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String INJECTION = "x'); DROP TABLE orders; --";

    @BeanInject
    CamelContext context;

    Bundle bundle;
    String userId;
    /** A Unigox order: order actions look the order up before they read the body (404 first). */
    String unigoxOrderId;

    @BeforeEach
    void setUp() throws Exception {
        bundle = new Bundle(context);
        if (userId == null) {
            userId = bundle.insertUser("bad-input-user");
            unigoxOrderId = bundle.createOrder("unigox", "awaiting_crypto_transfer_authorization");
        }
    }


    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> badBodies() {
        // path, body, expected status, expected field (or "-" for none)
        return java.util.stream.Stream.of(
                new String[] {"/api/v1/users", "{not json", "400", "-"},
                new String[] {"/api/v1/users", "[1,2]", "400", "-"},
                new String[] {"/api/v1/users", "{\"user_ref\":123,\"email\":\"a@b.co\"}", "400", "user_ref"},
                new String[] {"/api/v1/users", "{\"email\":\"a@b.co\"}", "400", "user_ref"},
                new String[] {"/api/v1/users", "{\"user_ref\":\"u\",\"email\":\"" + INJECTION + "\"}", "400", "email"},
                new String[] {"/api/v1/users/USER/kyc-submissions", "{\"method\":\"telepathy\",\"data\":{}}", "400", "method"},
                new String[] {"/api/v1/users/USER/kyc-submissions", "{\"method\":\"direct_data\",\"data\":{\"pii\":{\"first_name\":\"A\"}}}", "400", "data.pii.last_name"},
                new String[] {"/api/v1/users/USER/kyc/documents", "{\"upload_method\":\"url_link\",\"document_type\":\"selfie\",\"url\":\"http://insecure\"}", "400", "url"},
                new String[] {"/api/v1/users/USER/payment-details", "{\"currency\":\"EUR\",\"rail\":\"iban-sepa\",\"details\":\"iban\"}", "400", "details"},
                new String[] {"/api/v1/users/USER/payment-details", "{\"currency\":\"EURO!\",\"rail\":\"iban-sepa\",\"details\":{\"iban\":\"x\"}}", "400", "currency"},
                new String[] {"/api/v1/offramp/quote", "{\"user_id\":\"USER\",\"payment_details_id\":\"p\",\"crypto_currency\":\"USDT\",\"crypto_amount\":100.5,\"fiat_amount\":\"5\",\"fiat_currency\":\"EUR\"}", "404", "payment_details_id"},
                new String[] {"/api/v1/offramp/quote", "{\"user_id\":\"" + INJECTION + "\",\"payment_details_id\":\"p\"}", "404", "user_id"},
                new String[] {"/api/v1/offramp/orders", "{\"provider\":\"binance\"}", "400", "provider"},
                new String[] {"/api/v1/offramp/orders", "{\"provider\":\"unigox\"}", "400", "quote_id"},
                new String[] {"/api/v1/offramp/orders", "{\"provider\":\"unigox\",\"quote_id\":\"" + INJECTION + "\"}", "404", "quote_id"},
                new String[] {"/api/v1/offramp/orders", "{\"provider\":\"changelly\",\"user_id\":\"USER\",\"provider_code\":\"moonpay\",\"currency_from\":\"ETH\",\"currency_to\":\"EUR\",\"amount_from\":\"-1\",\"country\":\"IT\"}", "400", "amount_from"},
                new String[] {"/api/v1/offramp/orders", "{\"provider\":\"changelly\",\"user_id\":\"nobody\",\"provider_code\":\"moonpay\"}", "404", "user_id"},
                new String[] {"/api/v1/addresses/validate", "{\"currency\":\"ETH\"}", "400", "wallet_address"},
                new String[] {"/api/v1/orders/UNIGOX_ORDER/authorize-crypto-transfer", "{\"forward_request\":{\"from\":\"0x1\"},\"signature\":\"0xab\"}", "400", "forward_request.to"},
                new String[] {"/api/v1/orders/ORDER/sandbox/status", "{\"status\":1}", "400", "status"})
                .map(c -> org.junit.jupiter.params.provider.Arguments.of((Object) c));
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void badBodiesAreClear4xxAndWriteNothing(String[] c) throws Exception {
        Map<String, Object> before = bundle.footprint();

        HttpResponse<String> r = bundle.post(c[0].replace("USER", userId).replace("UNIGOX_ORDER", unigoxOrderId).replace("ORDER", "00000000-0000-4000-8000-000000000000"), c[1].replace("USER", userId));

        assertThat(r.statusCode()).as(c[0] + " " + c[1] + " -> " + r.body()).isEqualTo(Integer.parseInt(c[2]));
        JsonNode error = JSON.readTree(r.body()).get("error");
        assertThat(error.get("code").asText()).isNotBlank();
        assertThat(error.get("message").asText()).isNotBlank();
        if (!c[3].equals("-")) {
            assertThat(error.get("field").asText()).as(r.body()).isEqualTo(c[3]);
        }
        assertThat(r.body()).doesNotContainIgnoringCase("exception").doesNotContainIgnoringCase("select ")
                .doesNotContain("test-api-key").doesNotContain("sandbox-unigox-key");
        assertThat(bundle.footprint()).isEqualTo(before);
    }

    @Test
    void unknownIdsAre404AndInjectionInPathsIs400() throws Exception {
        Map<String, Object> before = bundle.footprint();
        String unknown = java.util.UUID.randomUUID().toString();
        // a well-formed id we do not have: 404
        for (String path : List.of("/api/v1/orders/" + unknown, "/api/v1/users/" + unknown + "/verification-status", "/api/v1/users/" + unknown,
                "/api/v1/users/" + unknown + "/payment-details", "/api/v1/orders/" + unknown + "/transfer-authorization-parameters")) {
            HttpResponse<String> r = bundle.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(JSON.readTree(r.body()).get("error").get("code").asText()).isEqualTo("not_found");
        }
        assertThat(bundle.post("/api/v1/orders/" + unknown + "/cancel", null).statusCode()).isEqualTo(404);
        // something that cannot be one of our ids (UUIDs, dev.offramp.http.Identifiers): 400 naming id
        for (String path : List.of("/api/v1/orders/" + "x%27%20OR%201%3D1--", "/api/v1/users/nobody/verification-status", "/api/v1/users/nobody",
                "/api/v1/users/nobody/payment-details", "/api/v1/orders/nobody/transfer-authorization-parameters")) {
            HttpResponse<String> r = bundle.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).get("error").get("field").asText()).isEqualTo("id");
        }
        assertThat(bundle.post("/api/v1/orders/nobody/cancel", null).statusCode()).isEqualTo(400);
        assertThat(bundle.footprint()).isEqualTo(before);
    }

    @Test
    void theWrongContentTypeIs415() throws Exception {
        HttpResponse<String> r = bundle.raw("POST", "/api/v1/users", "user_ref=u&email=a@b.co".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "text/plain", "X-API-Key", Bundle.API_KEY));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(415);
        assertThat(JSON.readTree(r.body()).get("error").get("field").asText()).as(r.body()).isEqualTo("Content-Type");
    }

    @Test
    void hugeBodiesAre413AndWriteNothing() throws Exception {
        Map<String, Object> before = bundle.footprint();
        String huge = "{\"user_ref\":\"" + "x".repeat(300_000) + "\",\"email\":\"a@b.co\"}";

        HttpResponse<String> api = bundle.post("/api/v1/users", huge);
        HttpResponse<String> webhook = bundle.raw("POST", "/webhooks/unigox", huge.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json"));

        assertThat(api.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(api.body()).get("error").get("code").asText()).isEqualTo("payload_too_large");
        assertThat(webhook.statusCode()).isEqualTo(413);
        assertThat(bundle.footprint()).isEqualTo(before);
    }

    @Test
    void aSignedWebhookThatIsNotJsonIsA400AndStoresNothing() throws Exception {
        long ts = System.currentTimeMillis() / 1000;
        byte[] body = "not json at all".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = bundle.raw("POST", "/webhooks/unigox", body, Map.of("Content-Type", "application/json",
                "X-Unigox-Timestamp", Long.toString(ts), "X-Unigox-Signature", HmacSha256.header("sandbox-unigox-webhook-secret", ts, body)));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(bundle.query("SELECT * FROM webhook_inbox")).isEmpty();
    }
}
