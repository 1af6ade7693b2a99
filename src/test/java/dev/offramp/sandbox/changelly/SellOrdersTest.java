package dev.offramp.sandbox.changelly;

import static dev.offramp.sandbox.changelly.ReferenceDataTest.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.offramp.sandbox.SandboxResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /v1/sell/orders and GET /v1/orders. */
class SellOrdersTest {

    private static final String REFUND = "0x8cfbd31371e9bec8c82ae101e25bd9394c03a227";

    private ChangellySimulator simulator;
    private SignedClient client;

    @BeforeEach
    void start() throws Exception {
        simulator = new ChangellySimulator(SandboxKeys.settings("", 0));
        client = new SignedClient(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void createAnswersTheDocumentedFields() {
        JsonNode created = client.postJson("/v1/sell/orders", "{\"externalOrderId\":\"ext-1\",\"externalUserId\":\"user-1\","
                + "\"providerCode\":\"moonpay\",\"currencyFrom\":\"BTC\",\"currencyTo\":\"EUR\",\"amountFrom\":0.002,"
                + "\"country\":\"IT\",\"refundAddress\":\"bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq\",\"metadata\":{\"k\":\"v\"}}");

        assertThat(created.fieldNames()).toIterable().containsExactly("redirectUrl", "orderId", "externalUserId",
                "externalOrderId", "providerCode", "currencyFrom", "currencyTo", "amountFrom", "country", "state", "ip",
                "refundAddress", "paymentMethod", "userAgent", "metadata", "createdAt");
        String orderId = created.get("orderId").asText();
        assertThat(orderId).matches("[0-9a-f-]{36}");
        assertThat(created.get("redirectUrl").asText()).isEqualTo("http://localhost:8080/sandbox/changelly/checkout/" + orderId);
        assertThat(created.get("amountFrom").asText()).isEqualTo("0.002");
        assertThat(created.get("state").isNull()).isTrue();
        assertThat(created.get("paymentMethod").asText()).isEqualTo("sepa_bank_transfer");
        assertThat(created.get("metadata").toString()).isEqualTo("{\"k\":\"v\"}");
        assertThat(created.get("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    }

    @Test
    void theOrderIsListedWithItsStatusAndExpectedPayout() {
        String orderId = client.createOrder("ext-1");

        JsonNode order = client.order(orderId);

        assertThat(order.get("status").asText()).isEqualTo("created");
        assertThat(order.get("type").asText()).isEqualTo("sell");
        assertThat(order.get("externalOrderId").asText()).isEqualTo("ext-1");
        assertThat(order.get("externalUserId").asText()).isEqualTo("user-1");
        assertThat(order.get("providerCode").asText()).isEqualTo("moonpay");
        assertThat(order.get("amountFrom").asText()).isEqualTo("0.1");
        assertThat(order.get("amountExpectedTo").asText()).isEqualTo("273.61");
        assertThat(order.get("refundAddress").asText()).isEqualTo(REFUND);
        assertThat(order.get("createdAt").asText()).isEqualTo(order.get("updatedAt").asText());
        assertThat(order.get("transactionHash").isNull()).isTrue();
    }

    @Test
    void missingAndMistypedFieldsAreNamed() {
        SandboxResponse response = client.post("/v1/sell/orders",
                "{\"externalOrderId\":\"ext-1\",\"providerCode\":\"moonpay\",\"currencyFrom\":\"ETH\",\"currencyTo\":\"EUR\","
                        + "\"amountFrom\":\"abc\",\"country\":\"IT\",\"ip\":7}");

        assertThat(response.status()).isEqualTo(400);
        JsonNode error = SignedClient.json(response);
        assertThat(error.get("errorType").asText()).isEqualTo("validation");
        assertThat(texts(error.get("errorDetails"), "cause"))
                .containsExactlyInAnyOrder("externalUserId", "amountFrom", "refundAddress", "ip");
    }

    /** The simulator answers on the bundle's port: a number bomb must not cost it the heap. */
    @Test
    void numberBombsAndDeepNestingAreValidationErrors() {
        for (String amount : java.util.List.of("1e999999999", "-1e-999999999", "1e2147483648", "9".repeat(5_000))) {
            SandboxResponse response = client.post("/v1/sell/orders", SignedClient.orderBody("ext-bomb", "user-1")
                    .replace("\"amountFrom\":\"0.1\"", "\"amountFrom\":" + amount));
            assertThat(response.status()).as(amount.substring(0, Math.min(12, amount.length()))).isEqualTo(400);
        }
        assertThat(client.post("/v1/sell/orders", "[".repeat(10_000)).status()).isEqualTo(400);
    }

    @Test
    void unknownProviderMethodOrAWrongRefundAddressAreRefused() {
        String base = SignedClient.orderBody("ext-1", "user-1");
        assertThat(client.post("/v1/sell/orders", base.replace("moonpay", "nobody")).body())
                .contains("{\"cause\":\"providerCode\",\"value\":\"Incorrect provider code\"}");
        assertThat(client.post("/v1/sell/orders", base.replace("\"country\"", "\"paymentMethod\":\"pix\",\"country\"")).body())
                .contains("\"cause\":\"paymentMethod\"");
        assertThat(client.post("/v1/sell/orders", base.replace(REFUND, "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq")).body())
                .contains("\"cause\":\"refundAddress\"");
    }

    @Test
    void theProvidersOwnRefusalKeepsItsErrorType() {
        SandboxResponse response = client.post("/v1/sell/orders", SignedClient.orderBody("ext-1", "user-1").replace("moonpay", "transak"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("\"errorType\":\"limits\"").contains("\"cause\":\"min\"");
    }

    @Test
    void aRepeatedExternalOrderIdIsRefused() {
        String first = client.createOrder("ext-1");

        SandboxResponse again = client.post("/v1/sell/orders", SignedClient.orderBody("ext-1", "user-2"));

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).contains("\"cause\":\"externalOrderId\"");
        assertThat(client.getJson("/v1/orders").get("total").asInt()).isEqualTo(1);
        assertThat(client.order(first).get("externalUserId").asText()).isEqualTo("user-1");
    }

    @Test
    void concurrentCreatesWithOneExternalOrderIdMakeExactlyOneOrder() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String user = "user-" + i;
                statuses.add(pool.submit(() -> {
                    go.await();
                    return client.post("/v1/sell/orders", SignedClient.orderBody("same", user)).status();
                }));
            }
            go.countDown();
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answers.add(status.get(30, TimeUnit.SECONDS));
            }
            assertThat(answers).containsOnlyOnce(200).filteredOn(s -> s != 200).containsOnly(400);
            assertThat(client.getJson("/v1/orders?externalOrderId=same").get("total").asInt()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void listFiltersPagesAndSortsByCreation() {
        String a = client.createOrder("ext-a");
        String b = client.postJson("/v1/sell/orders", SignedClient.orderBody("ext-b", "user-2")).get("orderId").asText();
        String c = client.createOrder("ext-c");

        JsonNode all = client.getJson("/v1/orders");
        assertThat(texts(all.get("orders"), "orderId")).containsExactly(a, b, c);
        assertThat(all.get("total").asInt()).isEqualTo(3);
        assertThat(all.get("limit").asInt()).isEqualTo(100);
        assertThat(all.get("offset").asInt()).isZero();

        JsonNode page = client.getJson("/v1/orders?offset=1&limit=1");
        assertThat(texts(page.get("orders"), "orderId")).containsExactly(b);
        assertThat(page.get("total").asInt()).isEqualTo(3);
        assertThat(page.get("limit").asInt()).isEqualTo(1);
        assertThat(page.get("offset").asInt()).isEqualTo(1);

        assertThat(texts(client.getJson("/v1/orders?orderId=" + c + "&orderId=" + a).get("orders"), "orderId")).containsExactly(a, c);
        assertThat(texts(client.getJson("/v1/orders?orderId=" + c + "," + a).get("orders"), "orderId")).containsExactly(a, c);
        assertThat(texts(client.getJson("/v1/orders?orderId%5B0%5D=" + c + "&orderId%5B1%5D=" + b).get("orders"), "orderId"))
                .containsExactly(b, c);
        assertThat(texts(client.getJson("/v1/orders?externalUserId=user-1").get("orders"), "orderId")).containsExactly(a, c);
        assertThat(texts(client.getJson("/v1/orders?externalOrderId=ext-b").get("orders"), "orderId")).containsExactly(b);
        assertThat(texts(client.getJson("/v1/orders?status=created&externalUserId=user-2").get("orders"), "orderId")).containsExactly(b);
        assertThat(client.getJson("/v1/orders?status=complete").get("total").asInt()).isZero();
        assertThat(client.getJson("/v1/orders?startDate=2000-01-01T00:00:00.000Z&endDate=2000-01-02").get("total").asInt()).isZero();
    }

    @Test
    void badPagingOrFiltersAreValidationErrors() {
        for (String query : new String[] {"limit=0", "limit=101", "limit=x", "offset=-1", "status=done", "startDate=yesterday"}) {
            SandboxResponse response = client.get("/v1/orders?" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.body()).as(query).contains("\"cause\":\"" + query.substring(0, query.indexOf('=')) + "\"");
        }
        assertThat(client.get("/v1/orders?limit=100").status()).isEqualTo(200);
        assertThat(client.get("/v1/orders?limit=1&offset=0").status()).isEqualTo(200);
    }

    @Test
    void theCheckoutPageShowsTheOrderWithoutAuthentication() {
        String orderId = client.createOrder("ext-1");

        SandboxResponse page = client.control("GET", "/checkout/" + orderId, null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains(orderId).contains("0.1 ETH").contains("created");
        assertThat(client.control("GET", "/checkout/unknown", null).status()).isEqualTo(404);
    }
}
