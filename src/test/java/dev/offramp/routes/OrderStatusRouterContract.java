package dev.offramp.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offramp.app.OffRampApplication;
import java.util.List;
import java.util.Map;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

abstract class OrderStatusRouterContract {

    @BeanInject
    CamelContext context;

    Bundle bundle;

    @BeforeEach
    void connect() {
        bundle = new Bundle(context);
    }

    @Test
    void createRecordsTheFirstStatusAndATimelineEntry() throws Exception {
        String id = bundle.createOrder("unigox", "awaiting_liquidity_provider");

        Map<String, Object> row = bundle.orderRow(id);
        assertThat(row.get("provider_status")).isEqualTo("awaiting_liquidity_provider");
        assertThat(row.get("status")).isEqualTo("created");
        assertThat(row.get("version")).isEqualTo(0L);
        List<Map<String, Object>> timeline = bundle.timeline(id);
        assertThat(timeline).hasSize(1);
        assertThat(timeline.get(0)).containsEntry("from_status", null)
                .containsEntry("to_status", "awaiting_liquidity_provider")
                .containsEntry("source", "api").containsEntry("outcome", "applied")
                .containsEntry("order_version", 0L);
    }

    @Test
    void forwardMoveIsAppliedWithItsSourceAndReference() throws Exception {
        String id = bundle.createOrder("unigox", "awaiting_crypto_transfer_authorization");

        Exchange ex = bundle.applyStatus(id, "crypto_received", "webhook", "inbox-42");

        assertThat(ex.getVariable("statusOutcome")).isEqualTo("applied");
        Map<String, Object> row = bundle.orderRow(id);
        assertThat(row.get("provider_status")).isEqualTo("crypto_received");
        assertThat(row.get("status")).isEqualTo("processing");
        assertThat(row.get("version")).isEqualTo(1L);
        Map<String, Object> last = bundle.timeline(id).get(1);
        assertThat(last).containsEntry("from_status", "awaiting_crypto_transfer_authorization")
                .containsEntry("to_status", "crypto_received").containsEntry("source", "webhook")
                .containsEntry("source_ref", "inbox-42").containsEntry("outcome", "applied")
                .containsEntry("order_version", 1L).containsEntry("reason", null);
    }

    @Test
    void olderStatusLeavesTheOrderUnchangedWithAnIgnoredEntry() throws Exception {
        String id = bundle.createOrder("unigox", "awaiting_crypto_transfer_authorization");
        bundle.applyStatus(id, "fiat_payment_started", "webhook", "evt-2");

        Exchange ex = bundle.applyStatus(id, "crypto_received", "webhook", "evt-1");

        assertThat(ex.getVariable("statusOutcome")).isEqualTo("ignored");
        Map<String, Object> row = bundle.orderRow(id);
        assertThat(row.get("provider_status")).isEqualTo("fiat_payment_started");
        assertThat(row.get("version")).isEqualTo(1L);
        List<Map<String, Object>> timeline = bundle.timeline(id);
        assertThat(timeline).hasSize(3);
        assertThat(timeline.get(2)).containsEntry("from_status", "fiat_payment_started")
                .containsEntry("to_status", "crypto_received").containsEntry("outcome", "ignored")
                .containsEntry("order_version", null).containsEntry("source_ref", "evt-1");
        assertThat((String) timeline.get(2).get("reason")).contains("regression");
    }

    @Test
    void unknownStatusAndFinalStatusAreIgnoredNotErrors() throws Exception {
        String id = bundle.createOrder("changelly", "pending");
        bundle.applyStatus(id, "complete", "reconciliation", "run-1");

        Exchange unknown = bundle.applyStatus(id, "teleported", "webhook", null);
        Exchange afterFinal = bundle.applyStatus(id, "failed", "reconciliation", "run-2");

        assertThat(unknown.getVariable("statusOutcome")).isEqualTo("ignored");
        assertThat(afterFinal.getVariable("statusOutcome")).isEqualTo("ignored");
        assertThat(bundle.orderRow(id).get("status")).isEqualTo("completed");
        List<Map<String, Object>> timeline = bundle.timeline(id);
        assertThat(timeline).extracting(t -> t.get("outcome"))
                .containsExactly("applied", "applied", "ignored", "ignored");
        assertThat((String) timeline.get(2).get("reason")).contains("unknown changelly status 'teleported'");
        assertThat((String) timeline.get(3).get("reason")).contains("complete is final");
    }

    @Test
    void documentedWayOutOfATerminalStatusIsApplied() throws Exception {
        String id = bundle.createOrder("unigox", "fiat_payment_started");
        bundle.applyStatus(id, "cancelled", "webhook", null);

        bundle.applyStatus(id, "refund_pending", "webhook", null);
        bundle.applyStatus(id, "refunded", "reconciliation", null);

        Map<String, Object> row = bundle.orderRow(id);
        assertThat(row.get("provider_status")).isEqualTo("refunded");
        assertThat(row.get("status")).isEqualTo("refunded");
        assertThat(row.get("version")).isEqualTo(3L);
    }

    @Test
    void statusForAnUnknownOrderIsReportedAndWritesNothing() throws Exception {
        Exchange ex = bundle.applyStatus("no-such-order", "completed", "webhook", "evt-9");

        assertThat(ex.getVariable("statusOutcome")).isEqualTo("unknown_order");
        assertThat(bundle.query("SELECT * FROM order_timeline WHERE order_id = 'no-such-order'")).isEmpty();
    }

    @Test
    void absurdlyLongUnknownStatusIsRecordedCut() throws Exception {
        String id = bundle.createOrder("unigox", "created");

        Exchange ex = bundle.applyStatus(id, "x".repeat(5000), "webhook", null);

        assertThat(ex.getVariable("statusOutcome")).isEqualTo("ignored");
        Map<String, Object> last = bundle.timeline(id).get(1);
        assertThat((String) last.get("to_status")).hasSize(60);
        assertThat((String) last.get("reason")).hasSizeLessThanOrEqualTo(300);
    }

    @Test
    void sideEffectsCountEveryOutcomeInTheMetrics() throws Exception {
        String id = bundle.createOrder("changelly", "created");
        bundle.applyStatus(id, "pending", "webhook", null);
        bundle.applyStatus(id, "created", "webhook", null);
        bundle.applyStatus(id, "failed", "reconciliation", null);

        String metrics = bundle.metrics();

        assertThat(metrics).containsPattern("offramp_status_transitions_total\\{[^}]*kind=\"progress\"[^}]*outcome=\"applied\"[^}]*\\} [1-9]")
                .containsPattern("offramp_status_transitions_total\\{[^}]*kind=\"attention\"[^}]*outcome=\"applied\"[^}]*\\} [1-9]")
                .containsPattern("offramp_status_transitions_total\\{[^}]*outcome=\"ignored\"[^}]*\\} [1-9]");
    }

    @Test
    void readinessIncludesTheDatabase() throws Exception {
        String health = bundle.health("/observe/health/ready");

        assertThat(health).contains("\"database\"").contains("\"status\":\"UP\"").doesNotContain("DOWN");
    }
}
