package dev.offramp.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading a Unigox status list ahead from its first page's pagination (the shape of Unigox's OpenAPI listOrders). */
class PagesAheadTest {

    static String firstPage(Object totalCount, Object totalPages) {
        return "{\"success\":true,\"data\":{\"orders\":[],\"pagination\":{\"page\":1,\"limit\":100,\"total_count\":"
                + totalCount + ",\"total_pages\":" + totalPages + "}}}";
    }

    @Test
    void theAnnouncedPagesAreReadAheadAndAShortLastPageEndsTheList() {
        PagesAhead plan = PagesAhead.afterUnigoxFirstPage(firstPage(350, 4), 100);
        assertThat(plan.pages()).containsExactly(2, 3, 4);
        assertThat(plan.nextPage()).isEqualTo(5);
        assertThat(plan.thenOneByOne()).isFalse();
    }

    @Test
    void aFullLastPageIsFollowedOneAtATimeAsBefore() {
        // 400 orders in 4 full pages: page 5 is asked for, as one-at-a-time paging always did
        PagesAhead plan = PagesAhead.afterUnigoxFirstPage(firstPage(400, 4), 100);
        assertThat(plan.pages()).containsExactly(2, 3, 4);
        assertThat(plan.nextPage()).isEqualTo(5);
        assertThat(plan.thenOneByOne()).isTrue();
    }

    @Test
    void aSingleFullPageGoesOnOneAtATime() {
        PagesAhead plan = PagesAhead.afterUnigoxFirstPage(firstPage(100, 1), 100);
        assertThat(plan.pages()).isEmpty();
        assertThat(plan.nextPage()).isEqualTo(2);
        assertThat(plan.thenOneByOne()).isTrue();
    }

    @Test
    void withoutUsablePaginationPagingStaysOneAtATime() {
        for (String body : List.of("{\"success\":true,\"data\":{\"orders\":[]}}", firstPage("\"4\"", "\"many\""),
                firstPage(350, "null"), "not json", "[]", "{\"data\":[]}")) {
            PagesAhead plan = PagesAhead.afterUnigoxFirstPage(body, 100);
            assertThat(plan.pages()).as(body).isEmpty();
            assertThat(plan.nextPage()).as(body).isEqualTo(2);
            assertThat(plan.thenOneByOne()).as(body).isTrue();
        }
        PagesAhead none = PagesAhead.afterUnigoxFirstPage(null, 100);
        assertThat(none.thenOneByOne()).isTrue();
    }

    @Test
    void aHostileTotalReadsAtMostTenThousandPagesAheadThenGoesOneAtATime() {
        PagesAhead plan = PagesAhead.afterUnigoxFirstPage(firstPage(1, 2_000_000_000L), 100);
        assertThat(plan.pages()).hasSize(PagesAhead.MAX_PAGES_AHEAD);
        assertThat(plan.pages().get(0)).isEqualTo(2);
        assertThat(plan.nextPage()).isEqualTo(PagesAhead.MAX_PAGES_AHEAD + 2);
        assertThat(plan.thenOneByOne()).isTrue();
    }
}
