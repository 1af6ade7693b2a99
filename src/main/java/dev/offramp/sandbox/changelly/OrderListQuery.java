package dev.offramp.sandbox.changelly;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The validated filters and page of {@code GET /v1/orders}. Every filter is optional; array filters take
 * several values (repeated, bracketed or comma-separated, see {@link QueryParameters}) and match any of them;
 * different filters must all match. {@code startDate}/{@code endDate} bound {@code createdAt} (inclusive),
 * as an ISO instant or a date (UTC). The default {@code limit} is undocumented; it is 100, the maximum, so a
 * bare call returns as much of the "full list" as one page can.
 */
record OrderListQuery(Set<String> orderIds, Set<String> externalOrderIds, Set<String> externalUserIds,
                      Set<ChangellyOrderStatus> statuses, Optional<Instant> startDate, Optional<Instant> endDate,
                      int offset, int limit) {

    static final int MAX_LIMIT = 100;

    static OrderListQuery fromQuery(QueryParameters query) {
        List<ChangellyApiError.Detail> problems = new ArrayList<>();
        Set<ChangellyOrderStatus> statuses = new HashSet<>();
        for (String text : query.values("status")) {
            ChangellyOrderStatus.parse(text).ifPresentOrElse(statuses::add,
                    () -> problems.add(new ChangellyApiError.Detail("status", "Incorrect status: " + text)));
        }
        Optional<Instant> start = date(query, "startDate", false, problems);
        Optional<Instant> end = date(query, "endDate", true, problems);
        int offset = number(query, "offset", 0, 0, Integer.MAX_VALUE, problems);
        int limit = number(query, "limit", MAX_LIMIT, 1, MAX_LIMIT, problems);
        if (!problems.isEmpty()) {
            throw ChangellyApiError.validation(problems);
        }
        return new OrderListQuery(Set.copyOf(query.values("orderId")), Set.copyOf(query.values("externalOrderId")),
                Set.copyOf(query.values("externalUserId")), Set.copyOf(statuses), start, end, offset, limit);
    }

    boolean matches(SellOrder order) {
        return (orderIds.isEmpty() || orderIds.contains(order.orderId()))
                && (externalOrderIds.isEmpty() || externalOrderIds.contains(order.externalOrderId()))
                && (externalUserIds.isEmpty() || externalUserIds.contains(order.externalUserId()))
                && (statuses.isEmpty() || statuses.contains(order.status()))
                && startDate.map(s -> !order.createdAt().isBefore(s)).orElse(true)
                && endDate.map(e -> !order.createdAt().isAfter(e)).orElse(true);
    }

    private static Optional<Instant> date(QueryParameters query, String name, boolean endOfDay, List<ChangellyApiError.Detail> problems) {
        Optional<String> text = query.first(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text.get()));
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate day = LocalDate.parse(text.get());
                return Optional.of(endOfDay
                        ? day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1)
                        : day.atStartOfDay().toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notADate) {
                problems.add(new ChangellyApiError.Detail(name, "Incorrect date: ISO 8601 expected"));
                return Optional.empty();
            }
        }
    }

    private static int number(QueryParameters query, String name, int fallback, int min, int max, List<ChangellyApiError.Detail> problems) {
        Optional<String> text = query.first(name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new ChangellyApiError.Detail(name, max == Integer.MAX_VALUE
                ? "Must be an integer >= " + min : "Must be an integer from " + min + " to " + max));
        return fallback;
    }
}
