package dev.offramp.events;

import dev.offramp.http.ApiProblem;
import dev.offramp.http.JsonBodies;
import dev.offramp.orders.OrderQuery;
import dev.offramp.orders.OrderViews;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GET /api/v1/events?after=&limit=: the events in commit order, cursor-paged (as Stripe's events list),
 * for apps that cannot take webhooks or were down. The cursor is opaque to the app: pass back
 * {@code next_cursor}. Each event reads as its webhook body does, with its {@code id} (the
 * {@code webhook-id}) beside it.
 */
public final class EventsFeed {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private final Clock clock;
    private final long settleMillis;

    public EventsFeed(Clock clock, long settleMillis) {
        this.clock = clock;
        this.settleMillis = settleMillis;
    }

    /** The parameters of select-feed.sql; a bad cursor or limit is a 400 naming it. */
    public Map<String, Object> query(String after, String limit) {
        long cursor = 0;
        if (after != null && !after.isEmpty()) {
            if (!after.matches("\\d{1,18}")) {
                throw ApiProblem.badParameter("after", "after must be a cursor this API gave (next_cursor)");
            }
            cursor = Long.parseLong(after);
        }
        int size = OrderQuery.parseInt("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        Map<String, Object> query = new HashMap<>();
        query.put("after", cursor);
        query.put("limit", size);
        query.put("limitPlusOne", size + 1);
        query.put("settledBefore", OffsetDateTime.ofInstant(clock.instant().minusMillis(settleMillis), ZoneOffset.UTC));
        return query;
    }

    /** The oldest time the feed keeps (offramp.events.retention-days back): older events may be deleted. */
    public OffsetDateTime keptSince(int retentionDays) {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(retentionDays);
    }

    /** The page: events, the cursor to continue from, and whether more are waiting. */
    public Map<String, Object> page(List<Map<String, Object>> rows, Map<String, Object> query) {
        int limit = (Integer) query.get("limit");
        List<Map<String, Object>> events = new ArrayList<>();
        Object last = query.get("after");
        for (Map<String, Object> row : rows.subList(0, Math.min(rows.size(), limit))) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("id", row.get("id"));
            Map<String, Object> body = JsonBodies.object((String) row.get("body"));
            event.put("type", body.get("type"));
            event.put("timestamp", body.get("timestamp"));
            event.put("data", body.get("data"));
            event.put("committed_at", OrderViews.time(row.get("created_at")));
            events.add(event);
            last = row.get("seq");
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("events", events);
        page.put("next_cursor", String.valueOf(last));
        page.put("has_more", rows.size() > limit);
        return page;
    }
}
