package dev.offramp.routes;

import dev.offramp.contract.UnigoxContractExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offramp.app.OffRampApplication;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Reconciliation alone, with every webhook lost: the Unigox simulator drops its webhooks and the
 * Changelly simulator has no callback URL. Runs are started through the admin API.
 */
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18187", "offramp.management-port=19187",
            "offramp.db.url=jdbc:h2:mem:reconciliation;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "offramp.api-keys=test-api-key", "offramp.admin-keys=test-admin-key",
            "offramp.reconcile.enabled=false",
            // failures are driven on purpose here: the breakers stay closed (CircuitBreakerTest covers them)
            "unigox.circuit.window-size=1000", "unigox.circuit.minimum-calls=1000",
            "changelly.circuit.window-size=1000", "changelly.circuit.minimum-calls=1000",
            "sandbox.unigox.step-seconds=0", "sandbox.changelly.step-seconds=0", "sandbox.changelly.callback-url=",
            "changelly.retry.backoff-ms=20"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(UnigoxContractExtension.class)
class ReconciliationTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @BeanInject
    CamelContext context;

    Bundle bundle;

    @BeforeEach
    void setUp() throws Exception {
        bundle = new Bundle(context);
        sim("unigox", "POST", "/_sandbox/webhooks/mode", "{\"mode\":\"drop\"}");
    }

    JsonNode sim(String which, String method, String path, String body) throws Exception {
        HttpResponse<String> r = bundle.raw(method, "/sandbox/" + which + path, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json", "X-API-Key", "sandbox-" + which + "-key"));
        assertThat(r.statusCode()).as(method + " " + path + " " + r.body()).isBetween(200, 299);
        return JSON.readTree(r.body());
    }

    /** A Changelly Fiat API call with the bundle's own signing client (for moving test orders). */
    Object changelly(String method, String path, Map<String, Object> query, Map<String, Object> body) {
        Exchange ex = context.createProducerTemplate().send("direct:changelly-call", e -> {
            e.setVariable("changellyMethod", method);
            e.setVariable("changellyPath", path);
            e.setVariable("changellyQuery", query);
            e.getMessage().setBody(body);
        });
        assertThat(ex.getException()).isNull();
        return ex.getMessage().getBody();
    }

    JsonNode ok(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    Map<String, String> verifiedUser() throws Exception {
        String ref = "recon-" + UUID.randomUUID();
        JsonNode user = ok(bundle.post("/api/v1/users", "{\"user_ref\":\"" + ref + "\",\"email\":\"" + ref + "@example.com\"}"), 201);
        // the payout details are the first need of Unigox: they link the account
        JsonNode details = ok(bundle.post("/api/v1/users/" + user.get("id").asText() + "/payment-details",
                "{\"currency\":\"EUR\",\"rail\":\"iban-sepa\",\"details\":{\"full_name\":\"Ada\",\"iban\":\"DE89370400440532013000\"}}"), 201);
        String uuid = ok(bundle.get("/api/v1/users/" + user.get("id").asText()), 200).get("accounts").get("unigox").get("user_uuid").asText();
        sim("unigox", "POST", "/_sandbox/users/" + uuid + "/kyc", "{\"kyc_status\":\"VERIFIED\"}");
        // the address EUR payouts need, through our API (without it Unigox parks the orders at pending_address)
        ok(bundle.send("PATCH", "/api/v1/users/" + user.get("id").asText() + "/kyc",
                "{\"address\":\"Via Roma 1\",\"city\":\"Milano\",\"postal_code\":\"20121\"}", Bundle.API_KEY), 200);
        return Map.of("user_id", user.get("id").asText(), "payment_details_id", details.get("id").asText());
    }

    JsonNode unigoxOrder(Map<String, String> user) throws Exception {
        JsonNode quote = ok(bundle.post("/api/v1/offramp/quote", "{\"user_id\":\"" + user.get("user_id") + "\",\"payment_details_id\":\""
                + user.get("payment_details_id") + "\",\"crypto_currency\":\"USDT\",\"crypto_amount\":\"25\",\"fiat_currency\":\"EUR\"}"), 200);
        return ok(bundle.post("/api/v1/offramp/orders", "{\"provider\":\"unigox\",\"quote_id\":\"" + quote.get("quote_id").asText() + "\"}"), 201);
    }

    /** An order made at the Changelly simulator directly (none of ours yet), moved to a status: its Changelly id. */
    @SuppressWarnings("unchecked")
    String changellyHolds(String userRef, String status) throws Exception {
        Map<String, Object> created = (Map<String, Object>) changelly("POST", "/v1/sell/orders", null, Map.of(
                "externalOrderId", UUID.randomUUID().toString(), "externalUserId", userRef, "providerCode", "moonpay",
                "currencyFrom", "ETH", "currencyTo", "EUR", "amountFrom", "0.1", "country", "IT",
                "refundAddress", "0x8cfbd31371e9bec8c82ae101e25bd9394c03a227"));
        String changellyId = (String) created.get("orderId");
        changelly("PATCH", "/v1/sandbox/order/" + changellyId, null, Map.of("status", status));
        return changellyId;
    }

    JsonNode changellyOrder(String userId) throws Exception {
        return ok(bundle.post("/api/v1/offramp/orders", "{\"provider\":\"changelly\",\"provider_code\":\"moonpay\",\"currency_from\":\"ETH\","
                + "\"currency_to\":\"EUR\",\"amount_from\":\"0.1\",\"country\":\"IT\",\"refund_address\":\"0x8cfbd31371e9bec8c82ae101e25bd9394c03a227\","
                + "\"user_id\":\"" + userId + "\"}"), 201);
    }

    void advance(String unigoxId, int steps) throws Exception {
        for (int i = 0; i < steps; i++) {
            sim("unigox", "POST", "/_sandbox/orders/" + unigoxId + "/advance", "{}");
        }
    }

    /** Starts a run through the admin API and waits until it has finished; answers its row. */
    Map<String, Object> run() throws Exception {
        JsonNode started = ok(bundle.send("POST", "/admin/reconciliation/run", null, Bundle.ADMIN_KEY), 202);
        long runId = started.get("run_id").asLong();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                !"running".equals(bundle.query("SELECT status FROM reconciliation_runs WHERE id = ?", runId).get(0).get("status")));
        return bundle.query("SELECT * FROM reconciliation_runs WHERE id = ?", runId).get(0);
    }

    String status(JsonNode order) throws Exception {
        return (String) bundle.orderRow(order.get("id").asText()).get("provider_status");
    }

    @Test
    void reconciliationAloneBringsEveryOrderOfBothUpstreamsToItsTrueStatus() throws Exception {
        Map<String, String> user = verifiedUser();
        Map<String, JsonNode> unigox = new LinkedHashMap<>();
        for (String ending : List.of("completed", "cancelled", "failed", "dispute_started", "refund_required", "fiat_payment_started", "awaiting")) {
            unigox.put(ending, unigoxOrder(user));
        }
        for (Map.Entry<String, JsonNode> e : unigox.entrySet()) {
            String id = e.getValue().get("provider_order_id").asText();
            String ours = e.getValue().get("id").asText();
            advance(id, 1);
            if (e.getKey().equals("awaiting")) {
                continue;
            }
            if (e.getKey().equals("cancelled")) {
                sim("unigox", "POST", "/_sandbox/orders/" + id + "/end", "{\"status\":\"cancelled\"}");
                continue;
            }
            ok(bundle.post("/api/v1/orders/" + ours + "/authorize-crypto-transfer", Bundle.AUTHORIZATION), 200);
            advance(id, 2);
            switch (e.getKey()) {
                case "completed" -> {
                    advance(id, 2);
                    ok(bundle.post("/api/v1/orders/" + ours + "/confirm-fiat-received", null), 200);
                    advance(id, 2);
                }
                case "fiat_payment_started" -> { }
                default -> sim("unigox", "POST", "/_sandbox/orders/" + id + "/end", "{\"status\":\"" + e.getKey() + "\"}");
            }
        }

        Map<String, JsonNode> changellyOrders = new LinkedHashMap<>();
        String changellyUser = bundle.insertUser("recon-changelly-" + UUID.randomUUID());
        for (String ending : List.of("complete", "pending", "hold", "expired", "failed", "refunded")) {
            changellyOrders.put(ending, changellyOrder(changellyUser));
        }
        for (Map.Entry<String, JsonNode> e : changellyOrders.entrySet()) {
            changelly("PATCH", "/v1/sandbox/order/" + e.getValue().get("provider_order_id").asText(), null, Map.of("status", e.getKey()));
        }
        // an order Changelly holds for this partner that we never created: an orphan
        @SuppressWarnings("unchecked")
        Map<String, Object> foreign = (Map<String, Object>) changelly("POST", "/v1/sell/orders", null, Map.of(
                "externalOrderId", "not-ours-" + UUID.randomUUID(), "externalUserId", "someone", "providerCode", "moonpay",
                "currencyFrom", "ETH", "currencyTo", "EUR", "amountFrom", "0.1", "country", "IT",
                "refundAddress", "0x8cfbd31371e9bec8c82ae101e25bd9394c03a227"));

        // nothing told the bundle: the local statuses are behind
        assertThat(status(unigox.get("completed"))).isEqualTo("fiat_received_confirmed");
        assertThat(status(changellyOrders.get("complete"))).isEqualTo("created");

        Map<String, Object> summary = run();

        assertThat(summary.get("status")).as("%s", summary).isEqualTo("completed");
        assertThat(status(unigox.get("completed"))).isEqualTo("completed");
        assertThat(status(unigox.get("cancelled"))).isEqualTo("cancelled");
        assertThat(status(unigox.get("failed"))).isEqualTo("failed");
        assertThat(status(unigox.get("dispute_started"))).isEqualTo("dispute_started");
        assertThat(status(unigox.get("refund_required"))).isEqualTo("cancelled");
        assertThat(status(unigox.get("fiat_payment_started"))).isEqualTo("fiat_payment_started");
        assertThat(status(unigox.get("awaiting"))).isEqualTo("awaiting_crypto_transfer_authorization");
        for (Map.Entry<String, JsonNode> e : changellyOrders.entrySet()) {
            assertThat(status(e.getValue())).as(e.getKey()).isEqualTo(e.getKey());
        }
        assertThat(bundle.timeline(unigox.get("completed").get("id").asText()))
                .anySatisfy(t -> {
                    assertThat(t.get("source")).isEqualTo("reconciliation");
                    assertThat(t.get("source_ref")).isEqualTo("run-" + summary.get("id"));
                    assertThat(t.get("outcome")).isEqualTo("applied");
                });
        assertThat(((Number) summary.get("changes_applied")).intValue()).isGreaterThanOrEqualTo(11);
        assertThat(bundle.query("SELECT * FROM reconciliation_orphans WHERE provider_order_id = ?", foreign.get("orderId"))).hasSize(1);

        // the next run finds nothing to change: no order is touched twice
        Map<String, Object> again = run();
        assertThat(again.get("status")).isEqualTo("completed");
        assertThat(again.get("changes_applied")).isEqualTo(0);
        assertThat(bundle.metrics()).contains("offramp_reconcile_last_run_changes").contains("offramp_reconcile_last_success_seconds");
    }

    @Test
    void aLongStatusListIsReadAheadAndEveryPageIsReadOnce() throws Exception {
        // 350 orders Unigox lists under crypto_received, ours too; every tenth of ours is still behind
        int seed = 0x5eed;
        int count = 350;
        sim("unigox", "POST", "/_sandbox/orders/bulk", "{\"count\":" + count + ",\"status\":\"crypto_received\",\"seed\":" + seed + "}");
        for (int i = 0; i < count; i++) {
            boolean behind = i % 10 == 0;
            bundle.execute("INSERT INTO orders (id, provider, provider_order_id, crypto_amount, crypto_currency, fiat_amount, fiat_currency,"
                    + " provider_status, status, version) VALUES (?, 'unigox', ?, 100, 'USDT', 92, 'EUR', ?, ?, 0)",
                    String.format("%08x-0000-4000-9000-%012x", seed, i), String.format("%08x-0000-4000-8000-%012x", seed, i),
                    behind ? "awaiting_crypto_transfer_authorization" : "crypto_received", behind ? "awaiting_action" : "processing");
        }
        // the pages a run must read, from the simulator's own totals: ceil(n/100) per status, one more when the last is full
        long expectedPages = 0;
        for (String status : context.resolvePropertyPlaceholders("{{unigox.reconcile.list-statuses}}").split(",")) {
            JsonNode first = sim("unigox", "GET", "/api/v1/partner/orders?status=" + status + "&page=1&limit=1", null);
            long n = first.get("data").get("pagination").get("total_count").asLong();
            expectedPages += n == 0 ? 1 : (n + 99) / 100 + (n % 100 == 0 ? 1 : 0);
        }
        sim("unigox", "POST", "/_sandbox/stats/reset", "{}");

        // pages 2 and 3 are read side by side, on the two page threads
        InFlightTogether aheadPages = new InFlightTogether(r -> r.path().endsWith("/orders") && r.query() != null
                && (r.query().contains("status=crypto_received&page=2&") || r.query().contains("status=crypto_received&page=3&")));
        // an order a list page read needs no fetch of its own (the page's write marks it read by the run)
        List<String> fetchedAlone = new java.util.concurrent.CopyOnWriteArrayList<>();
        dev.offramp.sandbox.SandboxExchangeObserver singleFetches = (request, response, fault) -> {
            if (request.method().equals("GET") && request.path().contains("/orders/")) {
                fetchedAlone.add(request.path().substring(request.path().lastIndexOf('/') + 1));
            }
        };
        var simulator = context.getRegistry().lookupByNameAndType("unigoxSimulator", dev.offramp.sandbox.unigox.UnigoxSimulator.class);
        simulator.observe(aheadPages);
        simulator.observe(singleFetches);
        AtomicReference<Map<String, Object>> ran = new AtomicReference<>();
        String log;
        try {
            log = LogCapture.logsOf(() -> ran.set(run()));
        } finally {
            simulator.stopObserving(aheadPages);
            simulator.stopObserving(singleFetches);
        }
        Map<String, Object> run = ran.get();
        assertThat(aheadPages.together).as("pages 2 and 3 in flight at once").containsExactly(true, true);
        // one request, one request line: the run's pages and changes, done on after the 202, are not requests
        assertThat(log.lines().filter(l -> l.startsWith("offramp.requests ") && l.contains("/admin/reconciliation/run")))
                .as(log.lines().filter(l -> l.startsWith("offramp.requests ")).toList().toString())
                .singleElement().asString().contains("-> 202");

        assertThat(run.get("status")).as(String.valueOf(run)).isEqualTo("completed");
        assertThat(((Number) run.get("errors")).intValue()).isZero();
        JsonNode calls = sim("unigox", "GET", "/_sandbox/stats", null).get("data").get("calls");
        assertThat(calls.get("GET /api/v1/partner/orders").asLong()).as("list pages read, each once").isEqualTo(expectedPages);
        assertThat(fetchedAlone).as("orders a list page read, fetched alone")
                .noneMatch(id -> id.startsWith(String.format("%08x-0000-4000-8000-", seed)));
        for (int i = 0; i < count; i++) {
            assertThat(bundle.orderRow(String.format("%08x-0000-4000-9000-%012x", seed, i)).get("provider_status"))
                    .as("order " + i).isEqualTo("crypto_received");
        }
        assertThat(((Number) run.get("changes_applied")).intValue()).isGreaterThanOrEqualTo(count / 10);
        assertThat(((Number) run.get("orders_checked")).intValue()).isGreaterThanOrEqualTo(count);
    }

    @Test
    void theExpectedPayoutOfEveryChangellyOrderReadIsKeptAsItsOwnFetchKeepsIt() throws Exception {
        String userId = bundle.insertUser("recon-payout-" + UUID.randomUUID());
        // one order a status list reads (pending), one only the fetch of uncovered orders by id reads (complete is not listed)
        JsonNode listed = changellyOrder(userId);
        JsonNode uncovered = changellyOrder(userId);
        changelly("PATCH", "/v1/sandbox/order/" + listed.get("provider_order_id").asText(), null,
                Map.of("status", "pending", "payoutAmount", "87.65"));
        changelly("PATCH", "/v1/sandbox/order/" + uncovered.get("provider_order_id").asText(), null,
                Map.of("status", "complete", "payoutAmount", "91.2"));

        Map<String, Object> run = run();

        assertThat(run.get("status")).as(String.valueOf(run)).isEqualTo("completed");
        JsonNode listedNow = ok(bundle.get("/api/v1/orders/" + listed.get("id").asText()), 200);
        JsonNode uncoveredNow = ok(bundle.get("/api/v1/orders/" + uncovered.get("id").asText()), 200);
        assertThat(listedNow.get("provider_status").asText()).isEqualTo("pending");
        assertThat(listedNow.get("fiat_amount").asText()).isEqualTo("87.65");
        assertThat(uncoveredNow.get("provider_status").asText()).isEqualTo("complete");
        assertThat(uncoveredNow.get("fiat_amount").asText()).isEqualTo("91.2");
    }

    @Test
    void manyChangellyOrdersNoListCoversAreAskedForByIdInRequestsAServerTakes() throws Exception {
        // 120 orders Changelly has completed (complete is not a listed status) that we still hold as pending:
        // every one is asked for by id; 100 ids in one GET (a 4.6 KB request line) were refused with 414
        int count = 120;
        String userRef = "recon-by-ids-" + UUID.randomUUID();
        List<String> ours = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            String changellyId = changellyHolds(userRef, "complete");
            String id = UUID.randomUUID().toString();
            bundle.execute("INSERT INTO orders (id, provider, provider_order_id, crypto_amount, crypto_currency, fiat_amount, fiat_currency,"
                    + " provider_status, status, version) VALUES (?, 'changelly', ?, 0.1, 'ETH', 92, 'EUR', 'pending', 'processing', 0)",
                    id, changellyId);
            ours.add(id);
        }
        List<Integer> idsPerRequest = new java.util.concurrent.CopyOnWriteArrayList<>();
        dev.offramp.sandbox.SandboxExchangeObserver byIds = (request, response, fault) -> {
            String query = request.query() == null ? "" : request.query();
            if (request.method().equals("GET") && request.path().equals("/v1/orders") && query.contains("orderId=")) {
                idsPerRequest.add(query.split("orderId=", -1).length - 1);
            }
        };
        var simulator = context.getRegistry().lookupByNameAndType("changellySimulator", dev.offramp.sandbox.changelly.ChangellySimulator.class);
        simulator.observe(byIds);
        Map<String, Object> run;
        try {
            run = run();
        } finally {
            simulator.stopObserving(byIds);
        }

        assertThat(run.get("status")).as(String.valueOf(run)).isEqualTo("completed");
        assertThat(idsPerRequest).as("ids per by-ids request").isNotEmpty().allMatch(n -> n <= 50);
        assertThat(idsPerRequest.stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(count);
        for (int i = 0; i < count; i++) {
            assertThat(bundle.orderRow(ours.get(i)).get("provider_status")).as("order " + i).isEqualTo("complete");
        }
    }

    @Test
    void aLongChangellyStatusListIsReadAheadFromItsTotalAndEveryPageIsReadOnce() throws Exception {
        // 250 orders Changelly holds for us, ours too; every tenth of ours is still behind (pending)
        int count = 250;
        String userRef = "recon-ahead-" + UUID.randomUUID();
        List<String> ours = new java.util.ArrayList<>();
        List<String> theirs = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            String changellyId = changellyHolds(userRef, "hold");
            String id = UUID.randomUUID().toString();
            boolean behind = i % 10 == 0;
            bundle.execute("INSERT INTO orders (id, provider, provider_order_id, crypto_amount, crypto_currency, fiat_amount, fiat_currency,"
                    + " provider_status, status, version) VALUES (?, 'changelly', ?, 0.1, 'ETH', 92, 'EUR', ?, ?, 0)",
                    id, changellyId, behind ? "pending" : "hold", behind ? "processing" : "on_hold");
            ours.add(id);
            theirs.add(changellyId);
        }
        // the pages a run must read, from the simulator's own total: ceil(n/100), one more when the last is full
        @SuppressWarnings("unchecked")
        long n = ((Number) ((Map<String, Object>) changelly("GET", "/v1/orders", Map.of("status", "hold", "limit", 1), null)).get("total")).longValue();
        List<Integer> expectedOffsets = new java.util.ArrayList<>();
        for (long offset = 0; offset < n + (n % 100 == 0 ? 1 : 0); offset += 100) {
            expectedOffsets.add((int) offset);
        }
        List<Integer> offsetsRead = new java.util.concurrent.CopyOnWriteArrayList<>();
        // and the by-ids request for the orders no page covered: none of ours, which the hold pages read
        List<String> askedByIds = new java.util.concurrent.CopyOnWriteArrayList<>();
        dev.offramp.sandbox.SandboxExchangeObserver observer = (request, response, fault) -> {
            String query = request.query() == null ? "" : request.query();
            if (request.method().equals("GET") && request.path().equals("/v1/orders") && query.contains("status=hold")) {
                offsetsRead.add(Integer.parseInt(query.replaceAll(".*(?:^|&)offset=(\\d+).*", "$1")));
            } else if (request.method().equals("GET") && request.path().equals("/v1/orders")) {
                askedByIds.add(query);
            }
        };
        // pages 2 and 3 (offsets 100 and 200) are read side by side, on the two page threads
        InFlightTogether aheadPages = new InFlightTogether(r -> r.path().equals("/v1/orders") && r.query() != null
                && r.query().contains("status=hold") && (r.query().contains("offset=100") || r.query().contains("offset=200")));
        var simulator = context.getRegistry().lookupByNameAndType("changellySimulator", dev.offramp.sandbox.changelly.ChangellySimulator.class);
        simulator.observe(observer);
        simulator.observe(aheadPages);
        Map<String, Object> run;
        try {
            run = run();
        } finally {
            simulator.stopObserving(observer);
            simulator.stopObserving(aheadPages);
        }

        assertThat(run.get("status")).as(String.valueOf(run)).isEqualTo("completed");
        assertThat(offsetsRead).as("hold list pages read, each once").containsExactlyInAnyOrderElementsOf(expectedOffsets);
        assertThat(askedByIds).as("by-ids requests after the pages").noneMatch(query -> theirs.stream().anyMatch(query::contains));
        assertThat(aheadPages.together).as("pages 2 and 3 in flight at once").containsExactly(true, true);
        for (int i = 0; i < count; i++) {
            assertThat(bundle.orderRow(ours.get(i)).get("provider_status")).as("order " + i).isEqualTo("hold");
        }
    }

    @Test
    void aFailingUpstreamMakesThePassPartialAndTheNextRunFinishesTheJob() throws Exception {
        String userId = bundle.insertUser("recon-partial-" + UUID.randomUUID());
        JsonNode order = changellyOrder(userId);
        changelly("PATCH", "/v1/sandbox/order/" + order.get("provider_order_id").asText(), null, Map.of("status", "complete"));
        sim("changelly", "POST", "/_sandbox/faults", "{\"path\":\"/v1/orders\",\"status\":500,\"count\":40}");

        Map<String, Object> partial = run();

        assertThat(partial.get("status")).isEqualTo("partial");
        assertThat(((Number) partial.get("errors")).intValue()).isPositive();
        assertThat((String) partial.get("error_detail")).contains("changelly");
        assertThat(status(order)).isEqualTo("created");

        // Changelly is back: re-arming replaces the fault with a single one, which one call uses up
        sim("changelly", "POST", "/_sandbox/faults", "{\"path\":\"/v1/orders\",\"status\":500,\"count\":1}");
        changelly("GET", "/v1/orders", Map.of("limit", 1), null);
        assertThat(sim("changelly", "GET", "/_sandbox/faults", null).toString()).doesNotContain("/v1/orders");

        Map<String, Object> next = run();

        assertThat(next.get("status")).isEqualTo("completed");
        assertThat(status(order)).isEqualTo("complete");
    }

    @Test
    void aSecondRunWhileOneIsGoingIsA409AndRunsAreListed() throws Exception {
        sim("unigox", "POST", "/_sandbox/latency", "{\"path\":\"/api/v1/partner/orders\",\"delay_ms\":400}");
        try {
            JsonNode started = ok(bundle.send("POST", "/admin/reconciliation/run", null, Bundle.ADMIN_KEY), 202);
            HttpResponse<String> second = bundle.send("POST", "/admin/reconciliation/run", null, Bundle.ADMIN_KEY);

            assertThat(second.statusCode()).isEqualTo(409);
            assertThat(JSON.readTree(second.body()).get("error").get("code").asText()).isEqualTo("run_in_progress");
            long runId = started.get("run_id").asLong();
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    !"running".equals(bundle.query("SELECT status FROM reconciliation_runs WHERE id = ?", runId).get(0).get("status")));
        } finally {
            sim("unigox", "POST", "/_sandbox/latency", "{\"path\":\"/api/v1/partner/orders\",\"delay_ms\":0}");
        }
        JsonNode runs = ok(bundle.send("GET", "/admin/reconciliation/runs?limit=5", null, Bundle.ADMIN_KEY), 200);
        assertThat(runs.get("runs").size()).isPositive();
        assertThat(runs.get("runs").get(0).has("changes_applied")).isTrue();
        assertThat(bundle.send("GET", "/admin/reconciliation/runs", null, Bundle.API_KEY).statusCode())
                .as("the API key is not an admin key").isEqualTo(401);
    }

    /**
     * Holds each of two requests to a simulator until the other has arrived too (at most 10 s): both are
     * in flight at once exactly when {@link #together} ends up holding two trues. Pages read one after
     * another would leave the first held until the time runs out, and record false.
     */
    static final class InFlightTogether implements dev.offramp.sandbox.SandboxExchangeObserver {

        private final java.util.function.Predicate<dev.offramp.sandbox.SandboxRequest> which;
        private final java.util.concurrent.CountDownLatch both = new java.util.concurrent.CountDownLatch(2);
        final List<Boolean> together = new java.util.concurrent.CopyOnWriteArrayList<>();

        InFlightTogether(java.util.function.Predicate<dev.offramp.sandbox.SandboxRequest> which) {
            this.which = which;
        }

        @Override
        public void observed(dev.offramp.sandbox.SandboxRequest request, dev.offramp.sandbox.SandboxResponse response, boolean fault) {
            if (which.test(request)) {
                both.countDown();
                try {
                    together.add(both.await(10, java.util.concurrent.TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    together.add(false);
                }
            }
        }
    }
}
