package dev.offramp.reconcile;

import java.util.List;
import java.util.stream.IntStream;

/**
 * How to read the rest of a status list once its first page is in: pages 2 to the last the first page
 * announces (Unigox's {@code pagination}, Changelly's {@code total}) fetched side by side on
 * {@code offramp.reconcile.page-threads}, then one page at a time again only if the last of them may have
 * had a successor (it was full: orders may have joined the status since the first page), stopping at a
 * short page as before. Reading ahead changes no call count: a list of N orders still takes ceil(N/100)
 * pages, plus one when the last is full.
 *
 * <p>Orders that move between statuses while a run pages may shift from one page to another and be
 * missed; the run's check of the open orders no page covered (reconcile-upstream-uncovered) catches ours,
 * as it always has. An answer without usable totals leaves paging one page at a time
 * ({@link #ONE_BY_ONE}), and a hostile total reads at most {@link #MAX_PAGES_AHEAD} pages ahead before
 * it does the same.
 *
 * @param pages the page numbers still to fetch side by side (empty: none)
 * @param nextPage the page one-at-a-time paging continues from
 * @param thenOneByOne whether one-at-a-time paging continues after them
 */
public record PagesAhead(List<Integer> pages, int nextPage, boolean thenOneByOne) {

    /** Ten thousand pages of 100: a million orders in one status before paging goes one at a time. */
    public static final int MAX_PAGES_AHEAD = 10_000;

    /** Nothing announced: page 2 next, one at a time, as paging always went. */
    public static final PagesAhead ONE_BY_ONE = new PagesAhead(List.of(), 2, true);

    public PagesAhead {
        pages = List.copyOf(pages);
    }

    /**
     * From the totals a full first page announced.
     *
     * @param totalCount the orders in the list
     * @param totalPages the pages of {@code limit} they take
     */
    public static PagesAhead fromTotals(long totalCount, long totalPages, int limit) {
        if (totalPages < 2) {
            // one full page by the count: the next one is asked for, as one-at-a-time paging would
            return ONE_BY_ONE;
        }
        int last = (int) Math.min(totalPages, MAX_PAGES_AHEAD + 1L);
        boolean lastFull = totalCount >= totalPages * limit;
        return new PagesAhead(IntStream.rangeClosed(2, last).boxed().toList(), last + 1, lastFull || last < totalPages);
    }
}
