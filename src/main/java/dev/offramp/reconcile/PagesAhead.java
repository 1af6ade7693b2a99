package dev.offramp.reconcile;

import dev.offramp.http.JsonBodies;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * How to read the rest of a Unigox status list once its first page is in: pages 2 to {@code total_pages}
 * (the first page's {@code pagination}, as Unigox's OpenAPI documents it) fetched side by side on
 * {@code offramp.reconcile.page-threads}, then one page at a time again only if the last of them may have
 * had a successor (it was full: orders may have joined the status since the first page), stopping at a
 * short page as before. Reading ahead changes no call count: a list of N orders still takes ceil(N/100)
 * pages, plus one when the last is full.
 *
 * <p>Orders that move between statuses while a run pages may shift from one page to another and be
 * missed; the run's fetch of the open orders no page covered (reconcile-unigox-uncovered) catches ours, as
 * it always has. An answer without usable pagination leaves paging one page at a time, and a hostile
 * {@code total_pages} reads at most {@link #MAX_PAGES_AHEAD} pages ahead before it does the same.
 *
 * @param pages the page numbers still to fetch side by side (empty: none)
 * @param nextPage the page one-at-a-time paging continues from
 * @param thenOneByOne whether one-at-a-time paging continues after them
 */
public record PagesAhead(List<Integer> pages, int nextPage, boolean thenOneByOne) {

    /** Ten thousand pages of 100: a million orders in one status before paging goes one at a time. */
    static final int MAX_PAGES_AHEAD = 10_000;

    public PagesAhead {
        pages = List.copyOf(pages);
    }

    /** From a first page that was full (a short first page ends paging before this is asked). */
    public static PagesAhead afterUnigoxFirstPage(String firstPageBody, int limit) {
        PagesAhead oneByOne = new PagesAhead(List.of(), 2, true);
        Object parsed;
        try {
            parsed = JsonBodies.parse(firstPageBody);
        } catch (RuntimeException unreadable) {
            return oneByOne;
        }
        if (!(parsed instanceof Map<?, ?> envelope) || !(envelope.get("data") instanceof Map<?, ?> data)
                || !(data.get("pagination") instanceof Map<?, ?> pagination)
                || !(pagination.get("total_pages") instanceof Number totalPages)
                || !(pagination.get("total_count") instanceof Number totalCount)) {
            return oneByOne;
        }
        long total = totalPages.longValue();
        if (total < 2) {
            // one full page by the count: the next one is asked for, as one-at-a-time paging would
            return oneByOne;
        }
        int last = (int) Math.min(total, MAX_PAGES_AHEAD + 1L);
        boolean lastFull = totalCount.longValue() >= total * limit;
        return new PagesAhead(IntStream.rangeClosed(2, last).boxed().toList(), last + 1, lastFull || last < total);
    }
}
