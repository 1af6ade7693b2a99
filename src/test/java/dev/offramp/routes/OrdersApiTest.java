package dev.offramp.routes;

import dev.offramp.contract.OffRampApiContractExtension;

import dev.offramp.contract.UnigoxContractExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offramp.app.OffRampApplication;
import java.net.http.HttpResponse;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The orders API over real HTTP: views, filters, paging, and every refusal as a JSON error. */
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18182", "offramp.management-port=19182",
            "offramp.db.url=jdbc:h2:mem:orders-api;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "offramp.reconcile.enabled=false", "offramp.api-keys=test-api-key,second-api-key", "offramp.admin-keys=test-admin-key"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(UnigoxContractExtension.class)
@ExtendWith(OffRampApiContractExtension.class)
class OrdersApiTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @BeanInject
    CamelContext context;

    Bundle bundle;

    @BeforeEach
    void connect() throws Exception {
        bundle = new Bundle(context);
        bundle.execute("DELETE FROM order_timeline");
        bundle.execute("DELETE FROM orders");
    }

    @Test
    void oneOrderShowsCanonicalAndProviderStatusAmountsActionsAndTimeline() throws Exception {
        String id = bundle.createOrder("unigox", "awaiting_liquidity_provider");
        bundle.applyStatus(id, "awaiting_crypto_transfer_authorization", "webhook", "evt-1");
        bundle.applyStatus(id, "created", "reconciliation", "run-7");

        HttpResponse<String> response = bundle.get("/api/v1/orders/" + id);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode order = JSON.readTree(response.body());
        assertThat(order.get("id").asText()).isEqualTo(id);
        assertThat(order.get("provider").asText()).isEqualTo("unigox");
        assertThat(order.get("provider_order_id").asText()).isEqualTo("up-" + id);
        assertThat(order.get("status").asText()).isEqualTo("awaiting_action");
        assertThat(order.get("provider_status").asText()).isEqualTo("awaiting_crypto_transfer_authorization");
        assertThat(order.get("final").asBoolean()).isFalse();
        // amounts are decimal strings, trailing zeros dropped, never floats
        assertThat(order.get("crypto_amount").isTextual()).isTrue();
        assertThat(order.get("crypto_amount").asText()).isEqualTo("100.5");
        assertThat(order.get("fiat_amount").asText()).isEqualTo("92.1");
        assertThat(order.get("crypto_currency").asText()).isEqualTo("USDT");
        assertThat(order.get("allowed_actions")).extracting(JsonNode::asText)
                .containsExactly("authorize-crypto-transfer", "cancel");
        JsonNode timeline = order.get("timeline");
        assertThat(timeline).hasSize(3);
        assertThat(timeline.get(0).get("from").isNull()).isTrue();
        assertThat(timeline.get(0).get("to").asText()).isEqualTo("awaiting_liquidity_provider");
        assertThat(timeline.get(1).get("source").asText()).isEqualTo("webhook");
        assertThat(timeline.get(1).get("source_ref").asText()).isEqualTo("evt-1");
        assertThat(timeline.get(2).get("outcome").asText()).isEqualTo("ignored");
        assertThat(timeline.get(2).get("reason").asText()).contains("regression");
        assertThat(timeline.get(2).get("at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
    }

    @Test
    void theCallersCorrelationIdComesBack() throws Exception {
        HttpResponse<String> mine = bundle.raw("GET", "/api/v1/orders", null, java.util.Map.of("X-API-Key", Bundle.API_KEY, "X-Correlation-Id", "req-42.a"));
        HttpResponse<String> forged = bundle.raw("GET", "/api/v1/orders", null, java.util.Map.of("X-API-Key", Bundle.API_KEY, "X-Correlation-Id", "bad id; INJECTED"));

        assertThat(mine.headers().firstValue("X-Correlation-Id")).hasValue("req-42.a");
        assertThat(forged.headers().firstValue("X-Correlation-Id")).hasValueSatisfying(v -> assertThat(v).doesNotContain("INJECTED").isNotBlank());
    }

    @Test
    void unknownOrderIsA404JsonError() throws Exception {
        String unknown = java.util.UUID.randomUUID().toString();
        HttpResponse<String> response = bundle.get("/api/v1/orders/" + unknown);

        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("not_found");
        assertThat(error.get("message").asText()).contains(unknown);
    }

    @Test
    void injectionInTheIdIsA400BeforeAnySql() throws Exception {
        bundle.createOrder("unigox", "created");

        HttpResponse<String> response = bundle.get("/api/v1/orders/x'%20OR%20'1'='1");

        // our ids are UUIDs (dev.offramp.http.Identifiers): anything else is refused naming id
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").get("field").asText()).isEqualTo("id");
        assertThat(bundle.query("SELECT COUNT(*) AS n FROM orders").get(0).get("n")).isEqualTo(1L);
    }

    @Test
    void listFiltersByCanonicalStatusAndProviderWithPagination() throws Exception {
        for (int i = 0; i < 5; i++) {
            bundle.createOrder("unigox", "crypto_received");
        }
        for (int i = 0; i < 3; i++) {
            bundle.createOrder("changelly", "pending");
        }
        bundle.createOrder("changelly", "complete");

        JsonNode all = JSON.readTree(bundle.get("/api/v1/orders").body());
        assertThat(all.get("orders")).hasSize(9);
        assertThat(all.get("pagination").get("total_count").asLong()).isEqualTo(9);
        assertThat(all.get("pagination").get("limit").asInt()).isEqualTo(20);

        JsonNode processing = JSON.readTree(bundle.get("/api/v1/orders?status=processing&limit=3&page=2").body());
        assertThat(processing.get("orders")).hasSize(3);
        assertThat(processing.get("pagination").get("total_count").asLong()).isEqualTo(8);
        assertThat(processing.get("pagination").get("total_pages").asLong()).isEqualTo(3);
        assertThat(processing.get("pagination").get("page").asInt()).isEqualTo(2);

        JsonNode changellyProcessing = JSON.readTree(
                bundle.get("/api/v1/orders?status=processing&provider=changelly").body());
        assertThat(changellyProcessing.get("orders")).hasSize(3)
                .allSatisfy(o -> {
                    assertThat(o.get("provider").asText()).isEqualTo("changelly");
                    assertThat(o.get("provider_status").asText()).isEqualTo("pending");
                    assertThat(o.has("timeline")).isFalse();
                });

        JsonNode beyond = JSON.readTree(bundle.get("/api/v1/orders?page=5").body());
        assertThat(beyond.get("orders")).isEmpty();
        assertThat(beyond.get("pagination").get("total_count").asLong()).isEqualTo(9);
    }

    @ParameterizedTest
    @CsvSource({
        "page=0, page", "page=-1, page", "page=abc, page", "page=1.5, page",
        "limit=0, limit", "limit=101, limit", "limit=ten, limit",
        "status=pending_forever, status", "provider=binance, provider",
        "limit=99999999999999999999, limit"
    })
    void badQueryValuesAreA400NamingTheParameter(String query, String field) throws Exception {
        HttpResponse<String> response = bundle.get("/api/v1/orders?" + query);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("invalid_parameter");
        assertThat(error.get("field").asText()).isEqualTo(field);
        assertThat(error.get("message").asText()).contains(field);
    }

    @Test
    void everyConfiguredKeyIsAccepted() throws Exception {
        assertThat(bundle.get("/api/v1/orders", "second-api-key").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource(value = {"NULL", "''", "wrong-key", "test-api-key-and-more", "test-admin-key"}, nullValues = "NULL")
    void missingOrWrongKeyIsA401JsonError(String key) throws Exception {
        String id = bundle.createOrder("unigox", "created");

        for (String path : new String[] {"/api/v1/orders", "/api/v1/orders/" + id}) {
            HttpResponse<String> response = bundle.get(path, key);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            JsonNode error = JSON.readTree(response.body()).get("error");
            assertThat(error.get("code").asText()).isEqualTo("unauthorized");
            assertThat(error.get("field").asText()).isEqualTo("X-API-Key");
            assertThat(response.body()).doesNotContain("test-api-key");
        }
    }
}
