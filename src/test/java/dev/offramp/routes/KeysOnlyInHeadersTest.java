package dev.offramp.routes;

import dev.offramp.contract.OffRampApiContractExtension;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offramp.app.OffRampApplication;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 16, class 2: keys travel in the X-API-Key request header only. A key in the query string is a
 * 400 saying so (never repeated back, never logged), and no query parameter passes for a header the
 * bundle trusts: correlation id, Idempotency-Key, Content-Type, the webhooks' signature headers.
 */
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18421", "offramp.management-port=19421",
            "offramp.db.url=jdbc:h2:mem:keys-in-headers;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "offramp.reconcile.enabled=false", "offramp.api-keys=test-api-key", "offramp.admin-keys=test-admin-key",
            "sandbox.unigox.step-seconds=0", "sandbox.changelly.step-seconds=0"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OffRampApiContractExtension.class)
class KeysOnlyInHeadersTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String LEAKY = "leaky-key-5c81e07d";

    @BeanInject
    CamelContext context;

    Bundle bundle;

    @BeforeEach
    void setUp() {
        bundle = new Bundle(context);
    }


    static JsonNode error(HttpResponse<String> r) throws Exception {
        JsonNode error = JSON.readTree(r.body()).get("error");
        assertThat(error).as(r.body()).isNotNull();
        return error;
    }

    @Test
    void aKeyInTheQueryIsRefusedSayingWhereItBelongsAndIsNeitherEchoedNorLogged() throws Exception {
        Map<String, Object> before = bundle.footprint();
        String log = LogCapture.logsOf(() -> {
            for (String[] c : List.of(
                    new String[] {"GET", "/api/v1/orders?X-API-Key=" + Bundle.API_KEY, null},
                    new String[] {"GET", "/api/v1/orders?x-api-key=" + LEAKY, Bundle.API_KEY},
                    new String[] {"GET", "/api/v1/orders?status=created;X-API-Key=" + LEAKY, Bundle.API_KEY},
                    new String[] {"GET", "/api/v1/orders/some-id?api_key=" + LEAKY, null},
                    new String[] {"GET", "/admin/dead-letters?X-API-Key=" + Bundle.ADMIN_KEY, null},
                    new String[] {"POST", "/api/v1/users?X-API-Key=" + Bundle.API_KEY, null},
                    new String[] {"POST", "/api/v1/users?X-API-Key=" + LEAKY, Bundle.API_KEY})) {
                String body = c[0].equals("POST") ? "{\"user_ref\":\"k-" + UUID.randomUUID() + "\",\"email\":\"k@example.com\"}" : null;
                HttpResponse<String> r = bundle.send(c[0], c[1], body, c[2]);
                assertThat(r.statusCode()).as(c[1] + " -> " + r.body()).isEqualTo(400);
                JsonNode error = error(r);
                assertThat(error.get("code").asText()).isEqualTo("key_in_query");
                assertThat(error.get("field").asText()).isEqualTo("X-API-Key");
                assertThat(error.get("message").asText()).contains("X-API-Key request header");
                assertThat(r.body()).doesNotContain(Bundle.API_KEY).doesNotContain(Bundle.ADMIN_KEY).doesNotContain(LEAKY);
                assertThat(String.join(",", r.headers().map().values().stream().flatMap(List::stream).toList()))
                        .doesNotContain(Bundle.API_KEY).doesNotContain(LEAKY);
            }
        });
        // the capture works (the request log line is there) and holds none of the keys
        assertThat(log).contains("/api/v1/orders").doesNotContain(Bundle.API_KEY).doesNotContain(Bundle.ADMIN_KEY).doesNotContain(LEAKY);
        assertThat(bundle.footprint()).isEqualTo(before);
    }

    @Test
    void theKeyInTheHeaderAloneStillWorks() throws Exception {
        assertThat(bundle.get("/api/v1/orders").statusCode()).isEqualTo(200);
        assertThat(bundle.get("/admin/dead-letters", Bundle.ADMIN_KEY).statusCode()).isEqualTo(200);
        assertThat(bundle.get("/api/v1/orders", null).statusCode()).isEqualTo(401);
    }

    @Test
    void queryParametersDoNotPassForTrustedHeaders() throws Exception {
        Map<String, Object> before = bundle.footprint();

        // correlation id: ours, not the query's
        HttpResponse<String> r = bundle.get("/api/v1/orders?X-Correlation-Id=forged-by-link");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Correlation-Id")).isPresent().get().isNotEqualTo("forged-by-link");

        // Idempotency-Key: a query value that would be refused as a key is simply not a key
        r = bundle.post("/api/v1/offramp/orders?Idempotency-Key=" + URLEncoder.encode("bad key\u0001", StandardCharsets.UTF_8),
                "{\"provider\":\"binance\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(error(r).get("field").asText()).isEqualTo("provider");

        // Content-Type: the request's own header decides
        r = bundle.raw("POST", "/api/v1/users?Content-Type=application%2Fjson", "{}".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "text/plain", "X-API-Key", Bundle.API_KEY));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(415);

        // the Unigox signature headers: a valid signature in the query is no signature
        String webhook = "{\"event_id\":\"evt_" + UUID.randomUUID() + "\",\"event_type\":\"order.status.changed\","
                + "\"created_at\":\"2026-11-21T00:00:00Z\",\"data\":{\"order_id\":\"" + UUID.randomUUID() + "\",\"status\":\"completed\"}}";
        long now = System.currentTimeMillis() / 1000;
        String signature = HmacSha256.header("sandbox-unigox-webhook-secret", now, webhook.getBytes(StandardCharsets.UTF_8));
        r = bundle.raw("POST", "/webhooks/unigox?X-Unigox-Timestamp=" + now + "&X-Unigox-Signature=" + URLEncoder.encode(signature, StandardCharsets.UTF_8),
                webhook.getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "application/json"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(401);

        // Changelly's signature header likewise (an empty one: the header is what is read, and it is absent)
        r = bundle.raw("POST", "/webhooks/changelly?x-callback-signature=anything", "{\"orderId\":\"x\"}".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(401);

        assertThat(bundle.footprint()).isEqualTo(before);
    }
}
