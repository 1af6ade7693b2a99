package dev.offramp.routes;

import dev.offramp.contract.OffRampApiContractExtension;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * No money left behind: a Unigox order that stops after its escrow was funded reads {@code cancelled}
 * and still holds the user's crypto until the business signs the refund. Through the bundle's own API
 * against the simulator, with its webhooks, and with the refund's webhooks lost (reconciliation must
 * find the refund owed and, later, done). The simulator's clock is off: the test moves orders. Run on
 * H2 ({@link RefundsTest}) and PostgreSQL ({@link PostgresRefundsTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OffRampApiContractExtension.class)
abstract class RefundsContract {

    static final String SIGNATURE = "{\"signature\":\"0x" + "ab".repeat(65) + "\"}";

    @BeanInject
    CamelContext context;

    Bundle bundle;
    UnigoxPlaybook playbook;

    @BeforeEach
    void setUp() throws Exception {
        bundle = new Bundle(context);
        playbook = new UnigoxPlaybook(bundle);
        playbook.sim("POST", "/_sandbox/faults/clear", "{}");
        playbook.sim("POST", "/_sandbox/webhooks/mode", "{\"mode\":\"normal\"}");
        HttpResponse<String> registered = bundle.send("POST", "/admin/unigox/webhooks/register", null, Bundle.ADMIN_KEY);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
    }

    @Test
    void aRefundOwedIsShownSignedAndFinishedThroughTheApi() throws Exception {
        Map<String, String> user = playbook.onboardedUser();
        Funded order = fundedOrder(user);

        playbook.sim("POST", "/_sandbox/orders/" + order.unigoxId + "/end", "{\"status\":\"refund_required\"}");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode owed = view(order.id);
            assertThat(owed.get("status").asText()).isEqualTo("cancelled");
            assertThat(owed.get("refund_required").asBoolean()).isTrue();
            assertThat(owed.get("next_action").asText()).isEqualTo("authorize_refund");
            assertThat(owed.get("allowed_actions")).extracting(JsonNode::asText).containsExactly("authorize-refund");
        });

        // what waits for the business: listed, by user and since a time, and gone once refunded
        String since = Instant.now().minusSeconds(3600).toString();
        assertThat(listed("action_required=true&user_id=" + user.get("user_id") + "&updated_since=" + since))
                .contains(order.id);
        assertThat(listed("action_required=false&user_id=" + user.get("user_id"))).doesNotContain(order.id);

        JsonNode parameters = json(ok(bundle.get("/api/v1/orders/" + order.id + "/refund-authorization-parameters"), 200));
        assertThat(parameters.get("direction").asText()).isEqualTo("to_seller");
        assertThat(parameters.get("signer_address").asText()).isEqualTo(parameters.get("recipient_address").asText());
        assertThat(parameters.get("safe_params").get("to").asText()).startsWith("0x");

        JsonNode refunding = json(ok(bundle.post("/api/v1/orders/" + order.id + "/authorize-refund", SIGNATURE), 200));
        assertThat(refunding.get("provider_status").asText()).isEqualTo("refund_pending");
        assertThat(refunding.get("status").asText()).isEqualTo("refund_pending");
        assertThat(refunding.get("refund_required").asBoolean()).isFalse();
        assertThat(refunding.get("allowed_actions")).isEmpty();
        assertThat(refunding.get("timeline").findValuesAsText("source_ref")).contains("authorize-refund");

        // the Safe executes on the simulator's clock: refunded arrives by webhook
        playbook.sim("POST", "/_sandbox/orders/" + order.unigoxId + "/advance", "{}");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(view(order.id).get("status").asText()).isEqualTo("refunded"));
        JsonNode refunded = view(order.id);
        assertThat(refunded.get("final").asBoolean()).isTrue();
        assertThat(refunded.get("next_action").isNull()).isTrue();
        assertThat(listed("action_required=true&user_id=" + user.get("user_id"))).doesNotContain(order.id);

        // a second signature is refused by Unigox on status, never paid twice; nothing changes here
        HttpResponse<String> again = bundle.get("/api/v1/orders/" + order.id + "/refund-authorization-parameters");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(view(order.id).get("status").asText()).isEqualTo("refunded");
    }

    @Test
    void lostRefundWebhooksAreRecoveredByReconciliation() throws Exception {
        Map<String, String> user = playbook.onboardedUser();
        Funded order = fundedOrder(user);
        playbook.sim("POST", "/_sandbox/webhooks/mode", "{\"mode\":\"drop_refund\"}");

        // cancelled arrives, order.refund.required is lost: the order looks finished with
        playbook.sim("POST", "/_sandbox/orders/" + order.unigoxId + "/end", "{\"status\":\"refund_required\"}");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(view(order.id).get("status").asText()).isEqualTo("cancelled"));
        assertThat(view(order.id).get("refund_required").asBoolean()).isFalse();

        Map<String, Object> run = run();
        assertThat(((Number) run.get("money_in_escrow")).intValue()).as(run + " " + bundle.orderRow(order.id)).isPositive();
        JsonNode owed = view(order.id);
        assertThat(owed.get("refund_required").asBoolean()).isTrue();
        assertThat(owed.get("next_action").asText()).isEqualTo("authorize_refund");
        assertThat(owed.get("action_required").get("type").asText()).isEqualTo("authorize_refund");
        JsonNode report = json(ok(bundle.send("GET", "/admin/reconciliation/stuck", null, Bundle.ADMIN_KEY), 200));
        JsonNode escrow = report.get("money_in_escrow");
        assertThat(escrow.findValuesAsText("id")).contains(order.id);
        assertThat(report.get("stuck").findValuesAsText("id")).doesNotContain(order.id);
        for (JsonNode entry : escrow) {
            assertThat(entry.get("age_minutes").asLong()).isGreaterThanOrEqualTo(0);
            assertThat(entry.get("since").asText()).isNotBlank();
        }
        assertThat(bundle.send("GET", "/admin/reconciliation/stuck", null, Bundle.API_KEY).statusCode()).isEqualTo(401);
        assertThat(bundle.metrics()).contains("offramp_reconcile_last_run_money_in_escrow");

        // signed; then the refunded webhook is lost too: Unigox no longer offers the refund, so it is done
        ok(bundle.post("/api/v1/orders/" + order.id + "/authorize-refund", SIGNATURE), 200);
        playbook.sim("POST", "/_sandbox/orders/" + order.unigoxId + "/advance", "{}");
        assertThat(view(order.id).get("status").asText()).isEqualTo("refund_pending");
        run();
        JsonNode refunded = view(order.id);
        assertThat(refunded.get("status").asText()).isEqualTo("refunded");
        JsonNode last = refunded.get("timeline").get(refunded.get("timeline").size() - 1);
        assertThat(last.get("source").asText()).isEqualTo("reconciliation");
        assertThat(last.get("reason").asText()).contains("no longer offers authorize-refund");
        JsonNode after = json(ok(bundle.send("GET", "/admin/reconciliation/stuck", null, Bundle.ADMIN_KEY), 200));
        assertThat(after.get("money_in_escrow").findValuesAsText("id")).doesNotContain(order.id);
    }

    @Test
    void aCancelledOrderThatOwesNothingIsCheckedOnceAndLeftAlone() throws Exception {
        Map<String, String> user = playbook.onboardedUser();
        JsonNode created = playbook.order(playbook.quote(user, "12"));
        String id = created.get("id").asText();
        ok(bundle.post("/api/v1/orders/" + id + "/cancel", null), 200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(view(id).get("status").asText()).isEqualTo("cancelled"));

        run();
        assertThat(bundle.orderRow(id).get("details_status")).isEqualTo("cancelled");
        assertThat(view(id).get("refund_required").asBoolean()).isFalse();
        assertThat(view(id).get("allowed_actions")).isEmpty();
        HttpResponse<String> nothingOwed = bundle.post("/api/v1/orders/" + id + "/authorize-refund", SIGNATURE);
        assertThat(nothingOwed.statusCode()).as(nothingOwed.body()).isEqualTo(409);
        assertThat(json(nothingOwed).get("error").get("upstream").get("code").asText()).isEqualTo("INVALID_STATUS");
    }

    @Test
    void aRefundSignatureThatCannotBeDeliveredIsKeptAndReplayed() throws Exception {
        Map<String, String> user = playbook.onboardedUser();
        Funded order = fundedOrder(user);
        playbook.sim("POST", "/_sandbox/orders/" + order.unigoxId + "/end", "{\"status\":\"refund_required\"}");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(view(order.id).get("refund_required").asBoolean()).isTrue());
        String path = "/api/v1/partner/orders/" + order.unigoxId + "/authorize-refund";
        playbook.sim("POST", "/_sandbox/faults", "{\"path\":\"" + path + "\",\"status\":503,\"count\":4}");

        HttpResponse<String> failed = bundle.post("/api/v1/orders/" + order.id + "/authorize-refund", SIGNATURE);
        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(502);
        JsonNode letters = json(ok(bundle.send("GET", "/admin/dead-letters?kind=upstream_call", null, Bundle.ADMIN_KEY), 200));
        JsonNode mine = null;
        for (JsonNode letter : letters.get("dead_letters")) {
            if (order.id.equals(letter.get("order_id").asText())) {
                mine = letter;
            }
        }
        assertThat(mine).as(letters.toString()).isNotNull();
        assertThat(mine.toString()).doesNotContain("abababab");
        assertThat(view(order.id).get("status").asText()).isEqualTo("cancelled");

        HttpResponse<String> replayed = bundle.send("POST", "/admin/dead-letters/" + mine.get("id").asText() + "/replay", null,
                Bundle.ADMIN_KEY);
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(view(order.id).get("refund_required").asBoolean()).isFalse());
    }

    @Test
    void aBadSignatureIsRefusedBeforeUnigoxIsAsked() throws Exception {
        Map<String, String> user = playbook.onboardedUser();
        String id = playbook.order(playbook.quote(user, "11")).get("id").asText();
        for (String body : new String[] {"{}", "{\"signature\":\"abc\"}", "{\"signature\":12}", "not json"}) {
            HttpResponse<String> refused = bundle.post("/api/v1/orders/" + id + "/authorize-refund", body);
            assertThat(refused.statusCode()).as(body + " " + refused.body()).isEqualTo(400);
            assertThat(refused.body()).doesNotContain("Exception");
        }
        assertThat(json(bundle.post("/api/v1/orders/" + id + "/authorize-refund", "{}")).get("error").get("field").asText())
                .isEqualTo("signature");
        assertThat(bundle.post("/api/v1/orders/00000000-0000-4000-8000-000000000000/authorize-refund", SIGNATURE).statusCode())
                .isEqualTo(404);
    }

    @Test
    void theOrderViewCarriesWhatUnigoxSaysNotOnlyWhatWeDerive() throws Exception {
        Map<String, String> user = playbook.onboardedUser();
        JsonNode created = playbook.order(playbook.quote(user, "20"));
        String id = created.get("id").asText();
        String unigoxId = created.get("provider_order_id").asText();
        playbook.sim("POST", "/_sandbox/orders/" + unigoxId + "/advance", "{}");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(view(id).get("provider_status").asText()).isEqualTo("awaiting_crypto_transfer_authorization"));
        // not read from Unigox yet (a webhook carries no next action): derived from the status
        JsonNode derived = view(id);
        assertThat(derived.get("next_action").asText()).isEqualTo("authorize_crypto_transfer");
        assertThat(derived.get("details_read_at").isNull()).isTrue();

        run();
        JsonNode read = view(id);
        JsonNode unigox = playbook.sim("GET", "/api/v1/partner/orders/" + unigoxId, null).get("data");
        assertThat(read.get("details_read_at").asText()).isNotBlank();
        assertThat(read.get("next_action").asText()).isEqualTo(unigox.get("next_action").asText());
        assertThat(read.get("allowed_actions")).isEqualTo(unigox.get("allowed_actions"));
        assertThat(read.get("reference_id").asText()).isEqualTo(unigox.get("reference_id").asText());
        assertThat(read.get("rate").asText()).isEqualTo(unigox.get("amounts").get("rate").asText());
        assertThat(read.get("fee_breakdown")).isEqualTo(unigox.get("fee_breakdown"));
        assertThat(read.get("crypto_transfer_authorization_seconds_left").asLong()).isBetween(1L, 1800L);
        assertThat(read.get("status").asText()).isEqualTo("awaiting_action");
        assertThat(listed("action_required=true&user_id=" + user.get("user_id"))).contains(id);

        for (String bad : new String[] {"action_required=yes", "user_id=42", "updated_since=yesterday"}) {
            HttpResponse<String> refused = bundle.get("/api/v1/orders?" + bad);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(json(refused).get("error").get("field").asText()).isEqualTo(bad.substring(0, bad.indexOf('=')));
        }
    }

    record Funded(String id, String unigoxId) {
    }

    /** A Unigox order placed, authorized and funded (crypto in escrow), through the bundle's API. */
    Funded fundedOrder(Map<String, String> user) throws Exception {
        JsonNode created = playbook.order(playbook.quote(user, "25"));
        String id = created.get("id").asText();
        String unigoxId = created.get("provider_order_id").asText();
        advance(unigoxId, id, "awaiting_crypto_transfer_authorization");
        ok(bundle.post("/api/v1/orders/" + id + "/authorize-crypto-transfer", Bundle.AUTHORIZATION), 200);
        advance(unigoxId, id, "crypto_received");
        return new Funded(id, unigoxId);
    }

    void advance(String unigoxId, String id, String expected) throws Exception {
        playbook.sim("POST", "/_sandbox/orders/" + unigoxId + "/advance", "{}");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(bundle.orderRow(id).get("provider_status")).isEqualTo(expected));
    }

    /** Starts a reconciliation run through the admin API and waits until it has finished; answers its row. */
    Map<String, Object> run() throws Exception {
        JsonNode started = json(ok(bundle.send("POST", "/admin/reconciliation/run", null, Bundle.ADMIN_KEY), 202));
        long runId = started.get("run_id").asLong();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                !"running".equals(bundle.query("SELECT status FROM reconciliation_runs WHERE id = ?", runId).get(0).get("status")));
        return bundle.query("SELECT * FROM reconciliation_runs WHERE id = ?", runId).get(0);
    }

    java.util.List<String> listed(String query) throws Exception {
        return json(ok(bundle.get("/api/v1/orders?limit=100&" + query), 200)).get("orders").findValuesAsText("id");
    }

    JsonNode view(String id) throws Exception {
        return json(ok(bundle.get("/api/v1/orders/" + id), 200));
    }

    JsonNode json(HttpResponse<String> r) throws Exception {
        return UnigoxPlaybook.JSON.readTree(r.body());
    }

    HttpResponse<String> ok(HttpResponse<String> r, int status) {
        return playbook.ok(r, status);
    }
}
