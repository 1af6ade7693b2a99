package dev.offramp.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a reconciliation run's row says of its errors (GET /admin/reconciliation/runs: error_detail). */
class RunSummaryTest {

    @Test
    void aLongErrorKeepsItsHeadAndWhyItFailed() {
        RunSummary summary = new RunSummary(7);
        String ids = "a1b2c3d4-0000-4000-8000-000000000000, ".repeat(50);
        summary.error("changelly /v1/orders {orderId=[" + ids + "], offset=0, limit=50}: HTTP 414");

        String detail = summary.getErrorDetail();
        assertThat(detail).hasSizeLessThanOrEqualTo(180).startsWith("changelly /v1/orders {orderId=[a1b2c3d4")
                .contains(" … ").endsWith("offset=0, limit=50}: HTTP 414");
        assertThat(summary.partial()).isTrue();
    }

    @Test
    void aShortErrorIsKeptWholeAndOnlyTheFirstTenAreKept() {
        RunSummary summary = new RunSummary(7);
        for (int i = 0; i < 12; i++) {
            summary.error("unigox /orders page " + i + ": HTTP 500");
        }
        assertThat(summary.getErrors()).isEqualTo(12);
        assertThat(summary.getErrorDetail().split("; ")).hasSize(10).startsWith("unigox /orders page 0: HTTP 500");
    }
}
