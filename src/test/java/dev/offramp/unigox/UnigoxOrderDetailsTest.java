package dev.offramp.unigox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offramp.http.JsonBodies;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnigoxOrderDetailsTest {

    static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    final UnigoxOrderDetails details = new UnigoxOrderDetails(Clock.fixed(NOW, ZoneOffset.UTC));

    /** The contract's example answer of GET /orders/{order_id}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> example() {
        return (Map<String, Object>) JsonBodies.parse("""
                {"order_id":"b2c3d4e5-f6a7-8901-bcde-f12345678901","status":"awaiting_crypto_transfer_authorization",
                 "next_action":"authorize_crypto_transfer","allowed_actions":["authorize-crypto-transfer","cancel"],
                 "crypto_transfer_authorization_seconds_left":1720,
                 "amounts":{"crypto_amount":"101.50","fiat_amount":"152880.00","crypto_currency":"USDT","fiat_currency":"NGN","rate":"1530.12"},
                 "fee_breakdown":{"platform_fee":"1.50","platform_fee_pct":1.5,"partner_fee":"1.00","partner_fee_pct":1,"total_fee":"2.50"},
                 "reference_id":"ours-1","created_at":"2026-02-01T12:00:05Z","updated_at":"2026-02-01T12:00:06Z"}""");
    }

    @Test
    void theContractsExampleIsKeptAsUnigoxSaysIt() {
        Map<String, Object> row = details.read(example());
        assertThat(row.get("provider_order_id")).isEqualTo("b2c3d4e5-f6a7-8901-bcde-f12345678901");
        assertThat(row.get("details_status")).isEqualTo("awaiting_crypto_transfer_authorization");
        assertThat(row.get("next_action")).isEqualTo("authorize_crypto_transfer");
        assertThat(row.get("allowed_actions")).isEqualTo("[\"authorize-crypto-transfer\",\"cancel\"]");
        assertThat(row.get("authorization_deadline")).isEqualTo(Timestamp.from(NOW.plusSeconds(1720)));
        assertThat(row.get("details_updated_at")).isEqualTo(Timestamp.from(Instant.parse("2026-02-01T12:00:06Z")));
        assertThat(row.get("crypto_amount")).isEqualTo(new BigDecimal("101.50"));
        assertThat(row.get("fiat_amount")).isEqualTo(new BigDecimal("152880.00"));
        assertThat(row.get("rate")).isEqualTo(new BigDecimal("1530.12"));
        assertThat((String) row.get("fee_breakdown")).contains("\"total_fee\":\"2.50\"");
        assertThat(row.get("reference_id")).isEqualTo("ours-1");
        assertThat(row.get("refund_offered")).isEqualTo(false);
        assertThat(row.get("action_required")).isNull();
    }

    @Test
    void aCancelledOrderOfferingTheRefundOwesIt() {
        Map<String, Object> order = new java.util.HashMap<>(example());
        order.put("status", "cancelled");
        order.put("next_action", "authorize_refund");
        order.put("allowed_actions", List.of("authorize-refund"));
        order.put("action_required", Map.of("type", "authorize_refund", "message", "sign it",
                "endpoint", "POST /api/v1/partner/orders/x/authorize-refund",
                "fields", List.of(Map.of("field", "signature", "label", "Signature"), "not a field")));
        Map<String, Object> row = details.read(order);
        assertThat(row.get("refund_offered")).isEqualTo(true);
        assertThat(UnigoxOrderDetails.refundOffered(order)).isTrue();
        assertThat((String) row.get("action_required"))
                .contains("\"type\":\"authorize_refund\"").contains("\"field\":\"signature\"").doesNotContain("not a field");

        order.put("allowed_actions", List.of());
        assertThat(details.read(order).get("refund_offered")).isEqualTo(false);
        order.remove("allowed_actions");
        assertThat(details.read(order).get("refund_offered")).isEqualTo(false);
    }

    @Test
    void whatCannotBeReadIsLeftOutAndTheRestKept() {
        Map<String, Object> order = new java.util.HashMap<>(example());
        order.put("amounts", Map.of("crypto_amount", "1e999999", "fiat_amount", "-5", "rate", "x".repeat(50)));
        order.put("updated_at", "yesterday");
        order.put("crypto_transfer_authorization_seconds_left", -3);
        order.put("reference_id", "r".repeat(500));
        order.put("action_required", Map.of("type", "t", "message", "m".repeat(5000)));
        order.put("allowed_actions", List.of("a".repeat(100), "cancel", 7));
        Map<String, Object> row = details.read(order);
        assertThat(row.get("crypto_amount")).isNull();
        assertThat(row.get("fiat_amount")).isNull();
        assertThat(row.get("rate")).isNull();
        assertThat(row.get("details_updated_at")).isNull();
        assertThat(row.get("authorization_deadline")).isNull();
        assertThat((String) row.get("reference_id")).hasSize(100);
        assertThat((String) row.get("action_required")).hasSizeLessThanOrEqualTo(UnigoxOrderDetails.MAX_ACTION_REQUIRED);
        assertThat(row.get("allowed_actions")).isEqualTo("[\"cancel\"]");
        assertThat(details.read(null).get("details_status")).isNull();
    }

    @Test
    void aListPageIsReadOrderByOrder() {
        assertThat(details.readAll(List.of(example(), Map.of("status", "no id")))).hasSize(1);
        assertThat(details.readAll(null)).isEmpty();
    }
}
