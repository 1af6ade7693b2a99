package dev.offramp.events;

import dev.offramp.http.JsonBodies;
import dev.offramp.orders.OrderViews;
import dev.offramp.status.OrderStateMachine;
import dev.offramp.users.Users;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events the bundle tells the business, each as the row the outbox keeps ({@code id}, {@code type},
 * {@code subject}, {@code body}): the body is the Standard Webhooks payload {@code {"type", "timestamp",
 * "data"}}, written once and sent as it is (the signature covers these exact bytes). The {@code id} is
 * the {@code webhook-id}: the same on every retry, the receiver's dedupe key.
 */
public final class Events {

    public static final String ORDER_CREATED = "order.created";
    public static final String ORDER_STATUS_CHANGED = "order.status_changed";
    public static final String ORDER_ACTION_REQUIRED = "order.action_required";
    public static final String USER_KYC_UPDATED = "user.kyc_updated";
    public static final List<String> TYPES = List.of(ORDER_CREATED, ORDER_STATUS_CHANGED, ORDER_ACTION_REQUIRED, USER_KYC_UPDATED);

    /** The spec suggests bodies under 20 kB; the column holds that much. */
    static final int MAX_BODY = 20_000;

    static final String CREATION_UNCONFIRMED = "creation_unconfirmed";

    private final OrderViews orderViews;
    private final OrderStateMachine stateMachine;
    private final Clock clock;

    private final Users users = new Users();

    public Events(OrderViews orderViews, OrderStateMachine stateMachine, Clock clock) {
        this.orderViews = orderViews;
        this.stateMachine = stateMachine;
        this.clock = clock;
    }

    /**
     * What one applied status change tells: {@code order.status_changed}, and {@code order.action_required}
     * when the order now waits for the business or its user (canonical awaiting_action).
     *
     * The first move out of {@code creation_unconfirmed} (the upstream confirmed it holds the order) is
     * {@code order.created} instead.
     *
     * @param order the order row after the change (select-order.sql)
     * @param fromProvider the provider's status before
     * @param source api, webhook or reconciliation
     */
    public List<Map<String, Object>> statusChanged(Map<String, Object> order, String fromProvider, String source) {
        Map<String, Object> view = orderViews.summary(order);
        List<Map<String, Object>> events = new ArrayList<>();
        if (CREATION_UNCONFIRMED.equals(fromProvider) && !"failed".equals(view.get("status"))) {
            // the upstream holds the order now: that is when it exists for the business (an order it
            // refused was never announced, and is deleted)
            events.add(event(ORDER_CREATED, (String) order.get("id"), Map.of("order", view)));
        } else {
            events.add(event(ORDER_STATUS_CHANGED, (String) order.get("id"), statusData(view, fromProvider, source)));
        }
        if ("awaiting_action".equals(view.get("status"))) {
            events.add(actionRequired(view));
        }
        return events;
    }

    /**
     * {@code user.kyc_updated} when a user's KYC status moved (ours or Unigox's own value), as a list of
     * zero or one event for events-write: the user as GET /api/v1/users/{id} shows it, and the status
     * before. A status reported again unchanged tells nothing.
     *
     * @param before the user row before the change, or null when there is no such user
     */
    public List<Map<String, Object>> kycUpdated(Map<String, Object> before, String kycStatus, String kycProviderStatus,
                                                String rejectionReasons) {
        if (before == null || java.util.Objects.equals(before.get("kyc_status"), kycStatus)
                && java.util.Objects.equals(before.get("kyc_provider_status"), kycProviderStatus)) {
            return List.of();
        }
        Map<String, Object> after = new java.util.HashMap<>(before);
        after.put("kyc_status", kycStatus);
        after.put("kyc_provider_status", kycProviderStatus);
        after.put("kyc_rejection_reasons", rejectionReasons);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("from", before.get("kyc_status"));
        data.put("to", kycStatus);
        data.put("user", users.view(after));
        return List.of(event(USER_KYC_UPDATED, (String) before.get("id"), data));
    }

    private Map<String, Object> statusData(Map<String, Object> view, String fromProvider, String source) {
        String fromCanonical = stateMachine.isKnown((String) view.get("provider"), fromProvider)
                ? stateMachine.canonicalOf((String) view.get("provider"), fromProvider) : null;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("from", fromCanonical);
        data.put("to", view.get("status"));
        data.put("provider_status_from", fromProvider);
        data.put("provider_status_to", view.get("provider_status"));
        data.put("source", source);
        data.put("order", view);
        return data;
    }

    private Map<String, Object> actionRequired(Map<String, Object> view) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("next_action", view.get("next_action"));
        data.put("action_required", view.get("action_required"));
        data.put("allowed_actions", view.get("allowed_actions"));
        data.put("order", view);
        return event(ORDER_ACTION_REQUIRED, (String) view.get("id"), data);
    }

    private Map<String, Object> event(String type, String subject, Map<String, Object> data) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type);
        payload.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        payload.put("data", data);
        String body = JsonBodies.toJson(payload);
        if (body.length() > MAX_BODY) {
            // never expected (an order view is about 2 kB); the event still goes, without the order
            Map<String, Object> slim = new LinkedHashMap<>(data);
            slim.put("order", Map.of("id", subject));
            payload.put("data", slim);
            body = JsonBodies.toJson(payload);
        }
        Map<String, Object> event = new LinkedHashMap<>();
        // 128 random bits: unique, not a secret, so no shared SecureRandom to queue on under load
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        event.put("id", "msg_" + Long.toHexString(random.nextLong() | Long.MIN_VALUE) + Long.toHexString(random.nextLong() | Long.MIN_VALUE));
        event.put("type", type);
        event.put("subject", subject);
        event.put("body", body);
        // the trace of the change it reports, which its deliveries join: filled in by events-write when
        // tracing is on (dev.offramp.tracing.TraceEventWrites)
        event.put("traceparent", null);
        return event;
    }
}
