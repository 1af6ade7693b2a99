package dev.offramp.unigox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offramp.reconcile.PagesAhead;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading a Unigox status list ahead from its first page's pagination (the shape of Unigox's OpenAPI listOrders). */
class UnigoxPagesAheadTest {

    static final UnigoxReconcileListing LISTING = new UnigoxReconcileListing(new UnigoxOrderDetails(Clock.systemUTC()));

    static String firstPage(Object totalCount, Object totalPages) {
        return "{\"success\":true,\"data\":{\"orders\":[],\"pagination\":{\"page\":1,\"limit\":100,\"total_count\":"
                + totalCount + ",\"total_pages\":" + totalPages + "}}}";
    }

    @Test
    void theAnnouncedPagesAreReadAheadAndAShortLastPageEndsTheList() {
        PagesAhead plan = LISTING.pagesAhead(firstPage(350, 4));
        assertThat(plan.pages()).containsExactly(2, 3, 4);
        assertThat(plan.nextPage()).isEqualTo(5);
        assertThat(plan.thenOneByOne()).isFalse();
    }

    @Test
    void aFullLastPageIsFollowedOneAtATimeAsBefore() {
        // 400 orders in 4 full pages: page 5 is asked for, as one-at-a-time paging always did
        PagesAhead plan = LISTING.pagesAhead(firstPage(400, 4));
        assertThat(plan.pages()).containsExactly(2, 3, 4);
        assertThat(plan.nextPage()).isEqualTo(5);
        assertThat(plan.thenOneByOne()).isTrue();
    }

    @Test
    void aSingleFullPageGoesOnOneAtATime() {
        PagesAhead plan = LISTING.pagesAhead(firstPage(100, 1));
        assertThat(plan.pages()).isEmpty();
        assertThat(plan.nextPage()).isEqualTo(2);
        assertThat(plan.thenOneByOne()).isTrue();
    }

    @Test
    void withoutUsablePaginationPagingStaysOneAtATime() {
        for (String body : List.of("{\"success\":true,\"data\":{\"orders\":[]}}", firstPage("\"4\"", "\"many\""),
                firstPage(350, "null"), "not json", "[]", "{\"data\":[]}")) {
            PagesAhead plan = LISTING.pagesAhead(body);
            assertThat(plan.pages()).as(body).isEmpty();
            assertThat(plan.nextPage()).as(body).isEqualTo(2);
            assertThat(plan.thenOneByOne()).as(body).isTrue();
        }
        PagesAhead none = LISTING.pagesAhead(null);
        assertThat(none.thenOneByOne()).isTrue();
    }

    @Test
    void aHostileTotalReadsAtMostTenThousandPagesAheadThenGoesOneAtATime() {
        PagesAhead plan = LISTING.pagesAhead(firstPage(1, 2_000_000_000L));
        assertThat(plan.pages()).hasSize(PagesAhead.MAX_PAGES_AHEAD);
        assertThat(plan.pages().get(0)).isEqualTo(2);
        assertThat(plan.nextPage()).isEqualTo(PagesAhead.MAX_PAGES_AHEAD + 2);
        assertThat(plan.thenOneByOne()).isTrue();
    }
}
