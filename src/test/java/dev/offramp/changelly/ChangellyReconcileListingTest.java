package dev.offramp.changelly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offramp.reconcile.PagesAhead;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What reconciliation asks of Changelly's order list (GET /v1/orders as its docs describe it). */
class ChangellyReconcileListingTest {

    final ChangellyReconcileListing listing = listing(2);

    static ChangellyReconcileListing listing(int idsPerRequest) {
        return new ChangellyReconcileListing(new ChangellyRequests("https://fiat-api.changelly.com", null),
                new ChangellyViews(new ChangellyResponses()), idsPerRequest);
    }

    @Test
    void aStatusPageIsAnOffsetWithinTheWindow() {
        OffsetDateTime window = OffsetDateTime.of(2026, 11, 4, 12, 0, 0, 0, ZoneOffset.UTC);
        assertThat(listing.statusPage("pending", 1, window))
                .containsExactly(Map.entry("status", "pending"), Map.entry("startDate", "2026-11-04T12:00:00Z"),
                        Map.entry("offset", 0), Map.entry("limit", 100));
        assertThat(listing.statusPage("hold", 3, window)).containsEntry("offset", 200).containsEntry("limit", 100);
    }

    @Test
    void aPageIsReadFromEitherShapeAndEntriesWithoutAnIdArePassedOver() {
        String body = "{\"orders\":[{\"orderId\":\"c1\",\"status\":\"pending\",\"payoutAmount\":\"10.5\"},"
                + "{\"status\":\"complete\"},\"junk\",{\"orderId\":7}],\"limit\":100,\"offset\":0,\"total\":4}";
        List<Map<String, Object>> page = listing.page(200, body, null);
        assertThat(page).extracting(o -> o.get("id")).containsExactly("c1", "7");
        assertThat(page.get(0)).containsEntry("status", "pending");
        assertThat(page.get(1).get("status")).isNull();
        assertThat(listing.page(200, "[{\"orders\":[{\"orderId\":\"c2\",\"status\":\"hold\"}]}]", null))
                .extracting(o -> o.get("id")).containsExactly("c2");
    }

    @Test
    void aPageThatCannotBeHadIsNull() {
        assertThat(listing.page(500, "{\"orders\":[]}", null)).isNull();
        assertThat(listing.page(null, null, "timeout")).isNull();
        assertThat(listing.page(200, "not json", null)).isNull();
        assertThat(listing.page(200, "{\"errorType\":\"x\"}", null)).isNull();
        assertThat(listing.page(200, "[]", null)).isNull();
    }

    @Test
    void everyListedOrderHasItsRowAndOnlyAPayoutThatReadsAsOneIsKept() {
        List<Map<String, Object>> page = listing.page(200, "{\"orders\":["
                + "{\"orderId\":\"a\",\"status\":\"pending\",\"payoutAmount\":\"87.65\"},"
                + "{\"orderId\":\"b\",\"status\":\"pending\",\"payoutAmount\":91.2},"
                + "{\"orderId\":\"c\",\"status\":\"pending\",\"payoutAmount\":\"-1\"},"
                + "{\"orderId\":\"d\",\"status\":\"pending\",\"payoutAmount\":\"1e400\"},"
                + "{\"orderId\":\"e\",\"status\":\"pending\",\"payoutAmount\":null},"
                + "{\"orderId\":\"f\",\"status\":\"pending\"}]}", null);
        assertThat(listing.details(page, 7)).containsExactly(row("a", "87.65"), row("b", "91.2"), row("c", null),
                row("d", null), row("e", null), row("f", null));
    }

    @Test
    void ourUncoveredOrdersAreAskedForByTheirIdsAtMostIdsPerRequestAtATime() {
        List<Map<String, Object>> rows = List.of(Map.of("id", "o1", "provider_order_id", "c1"),
                Map.of("id", "o2", "provider_order_id", "c2"), Map.of("id", "o3", "provider_order_id", "c3"));
        assertThat(listing.uncoveredChecks(rows.subList(0, 2)))
                .singleElement().isEqualTo(Map.of("orderId", List.of("c1", "c2"), "offset", 0, "limit", 2));
        assertThat(listing.uncoveredChecks(rows)).containsExactly(
                Map.of("orderId", List.of("c1", "c2"), "offset", 0, "limit", 2),
                Map.of("orderId", List.of("c3"), "offset", 0, "limit", 1));
        assertThat(listing(100).uncoveredChecks(rows)).hasSize(1);
        assertThat(listing.uncoveredChecks(List.of())).isEmpty();
    }

    @Test
    void idsPerRequestOutsideOneToAPageIsRefused() {
        assertThatThrownBy(() -> listing(0)).hasMessageContaining("changelly.reconcile.ids-per-request must be 1 to 100");
        assertThatThrownBy(() -> listing(101)).hasMessageContaining("not 101");
    }

    static String firstPage(Object total, Object limit) {
        return "{\"orders\":[],\"limit\":" + limit + ",\"offset\":0,\"total\":" + total + "}";
    }

    @Test
    void theTotalOfTheFirstPageSaysWhichPagesToReadAhead() {
        PagesAhead plan = listing.pagesAhead(firstPage(350, 100));
        assertThat(plan.pages()).containsExactly(2, 3, 4);
        assertThat(plan.nextPage()).isEqualTo(5);
        assertThat(plan.thenOneByOne()).isFalse();
        // a full last page may have a successor by now: asked for, one at a time
        PagesAhead full = listing.pagesAhead(firstPage(400, 100));
        assertThat(full.pages()).containsExactly(2, 3, 4);
        assertThat(full.thenOneByOne()).isTrue();
        assertThat(listing.pagesAhead(firstPage(100, 100))).isEqualTo(PagesAhead.ONE_BY_ONE);
        assertThat(listing.pagesAhead("{\"orders\":[],\"total\":250}").pages()).containsExactly(2, 3);
    }

    @Test
    void withoutAUsableTotalOrWithAnotherLimitPagingStaysOneAtATime() {
        for (String body : List.of(firstPage(350, 50), firstPage(350, "\"100\""), firstPage("\"350\"", 100), firstPage(-5, 100),
                firstPage("null", 100), "[{\"orders\":[]}]", "not json", "[]")) {
            assertThat(listing.pagesAhead(body)).as(body).isEqualTo(PagesAhead.ONE_BY_ONE);
        }
        assertThat(listing.pagesAhead(null)).isEqualTo(PagesAhead.ONE_BY_ONE);
    }

    @Test
    void aHostileTotalReadsAtMostTenThousandPagesAhead() {
        PagesAhead plan = listing.pagesAhead(firstPage(Long.MAX_VALUE, 100));
        assertThat(plan.pages()).hasSize(PagesAhead.MAX_PAGES_AHEAD);
        assertThat(plan.thenOneByOne()).isTrue();
    }

    /** A row of record-expected-payouts.sql (Map.of takes no null payout). */
    private static Map<String, Object> row(String orderId, String expectedPayout) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("provider_order_id", orderId);
        row.put("expected_payout", expectedPayout);
        row.put("reconciled_run", 7L);
        return row;
    }
}
