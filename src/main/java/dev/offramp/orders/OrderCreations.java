package dev.offramp.orders;

import dev.offramp.changelly.ChangellyResponses;
import dev.offramp.changelly.ChangellyViews;
import dev.offramp.http.JsonBodies;
import dev.offramp.unigox.UnigoxResponses;
import dev.offramp.upstream.UpstreamFailures;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an upstream said to an order creation, in the one shape the order-placing route works with, so
 * that "never a second upstream order" is written once for both upstreams.
 *
 * <p>Three outcomes: {@code answered} (a 2xx: the order exists), {@code refused} (the upstream said no,
 * or the request never left because the circuit was open: no order exists), and {@code uncertain}
 * (timeout, 5xx, connection lost: the order may or may not exist). An uncertain creation is never sent
 * again; the order is looked up by our own reference instead.
 *
 * <p>A created order in the common shape: {@code provider_order_id}, {@code provider_status},
 * {@code crypto_amount}, {@code crypto_currency}, {@code fiat_amount}, {@code fiat_currency},
 * {@code redirect_url} (values may be null when the upstream did not say).
 */
public final class OrderCreations {

    public static final String ANSWERED = "answered";
    public static final String REFUSED = "refused";
    public static final String UNCERTAIN = "uncertain";

    private final UnigoxResponses unigoxResponses = new UnigoxResponses();
    private final ChangellyResponses changellyResponses = new ChangellyResponses();

    /**
     * A Unigox order about to be placed (order-place's one input), from the firm quote it initiates: the
     * quote row ({@code user_id}, amounts, currencies) and the initiate request carrying our order id.
     */
    public Map<String, Object> unigoxPlacement(String orderId, Map<String, Object> quote, Map<String, Object> initiate) {
        return placement("unigox", orderId, text(quote.get("user_id")), quote.get("crypto_amount"),
                text(quote.get("crypto_currency")), quote.get("fiat_amount"), text(quote.get("fiat_currency")),
                "initiate:" + text(initiate.get("quote_id")), initiate);
    }

    /**
     * A Changelly sell order about to be placed (order-place's one input), from the sell-order request
     * (ChangellyRequests.sellOrder): the payout is not known before an offer is chosen, so no fiat amount.
     */
    public Map<String, Object> changellyPlacement(String orderId, String userId, Map<String, Object> sellOrder) {
        return placement("changelly", orderId, userId, sellOrder.get("amountFrom"), text(sellOrder.get("currencyFrom")),
                null, text(sellOrder.get("currencyTo")), "sell-order", sellOrder);
    }

    /**
     * The new order in one object instead of nine loose variables: {@code order_id}, {@code provider},
     * {@code user_id}, {@code crypto_amount}, {@code crypto_currency}, {@code fiat_amount},
     * {@code fiat_currency}, {@code source_ref} (the timeline's reference for its first entries) and
     * {@code request} (the upstream creation request, already validated).
     */
    static Map<String, Object> placement(String provider, String orderId, String userId, Object cryptoAmount,
                                         String cryptoCurrency, Object fiatAmount, String fiatCurrency,
                                         String sourceRef, Map<String, Object> request) {
        Map<String, Object> placement = new LinkedHashMap<>();
        placement.put("order_id", Objects.requireNonNull(orderId, "orderId"));
        placement.put("provider", provider);
        placement.put("user_id", userId);
        placement.put("crypto_amount", cryptoAmount);
        placement.put("crypto_currency", cryptoCurrency);
        placement.put("fiat_amount", fiatAmount);
        placement.put("fiat_currency", fiatCurrency);
        placement.put("source_ref", sourceRef);
        placement.put("request", Objects.requireNonNull(request, "request"));
        return placement;
    }

    /** Which of the three outcomes one creation attempt had. */
    public String outcome(Integer httpStatus, String transportError) {
        if (UpstreamFailures.CIRCUIT_OPEN.equals(transportError)) {
            return REFUSED;
        }
        // a timeout or a dropped connection may have happened after the upstream created the order
        if (transportError != null || httpStatus == null || httpStatus >= 500) {
            return UNCERTAIN;
        }
        return httpStatus >= 200 && httpStatus < 300 ? ANSWERED : REFUSED;
    }

    /**
     * For a {@code refused} creation, raises the upstream's refusal as the API's JSON error (the upstream's
     * code kept), exactly as a plain call to that upstream would; any other outcome passes.
     */
    public void raiseIfRefused(String outcome, String provider, Integer httpStatus, String body, String transportError) {
        if (!REFUSED.equals(outcome)) {
            return;
        }
        if ("unigox".equals(provider)) {
            unigoxResponses.data(httpStatus, body, transportError);
        } else {
            changellyResponses.data(httpStatus, body, transportError);
        }
        throw new IllegalStateException(provider + " refused an order creation with HTTP " + httpStatus
                + " but its answer reads as a success");
    }

    /**
     * The created order of an {@code answered} creation in the common shape; null for any other outcome,
     * and for a 2xx whose body cannot be read (the order may exist: it is then looked up like any other
     * uncertain creation).
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> answered(String provider, String outcome, String body) {
        if (!ANSWERED.equals(outcome)) {
            return null;
        }
        try {
            if ("unigox".equals(provider)) {
                return unigox((Map<String, Object>) unigoxResponses.data(200, body));
            }
            Object parsed = JsonBodies.parse(body);
            return parsed instanceof Map<?, ?> m ? changelly((Map<String, Object>) m) : null;
        } catch (Exception unreadable) {
            return null;
        }
    }

    /**
     * The data of one successful lookup answer (Unigox: the envelope's data; Changelly: the JSON), or
     * null when the lookup itself failed, so the caller can tell "not there" from "could not look".
     */
    public Object lookupData(String provider, Integer httpStatus, String body, String transportError) {
        if (transportError != null || httpStatus == null || httpStatus < 200 || httpStatus >= 300) {
            return null;
        }
        try {
            return "unigox".equals(provider) ? unigoxResponses.data(httpStatus, body) : JsonBodies.parse(body);
        } catch (Exception unreadable) {
            return null;
        }
    }

    /** The Changelly order whose externalOrderId is ours, from a GET /v1/orders answer; null when absent. */
    public Map<String, Object> changellyByReference(Object listData, String reference) {
        for (Object item : ChangellyViews.orders(listData)) {
            Map<String, Object> order = map(item);
            if (reference != null && Objects.equals(text(order.get("externalOrderId")), reference)) {
                return changelly(order);
            }
        }
        return null;
    }

    /** A Unigox order (the initiate answer's data, or an item of GET /orders) in the common shape. */
    public Map<String, Object> unigox(Map<String, Object> order) {
        Map<String, Object> amounts = map(order.get("amounts"));
        return created(text(order.get("order_id")), text(order.get("status")),
                text(amounts.get("crypto_amount")), text(amounts.get("crypto_currency")),
                text(amounts.get("fiat_amount")), text(amounts.get("fiat_currency")), null);
    }

    /**
     * The Unigox order whose {@code reference_id} is ours, from the data of one GET /orders page
     * ({@code {"orders":[…],"pagination":…}}), in the common shape; null when the page does not hold it.
     */
    public Map<String, Object> unigoxByReference(Object listData, String reference) {
        for (Object item : list(map(listData).get("orders"))) {
            Map<String, Object> order = map(item);
            if (reference != null && Objects.equals(text(order.get("reference_id")), reference)) {
                return unigox(order);
            }
        }
        return null;
    }

    /** Unigox list pages are read 100 orders at a time. */
    public static final int UNIGOX_PAGE_SIZE = 100;

    /**
     * Whether the lookup by reference reads the next GET /orders page: not found yet, this page was full
     * (a short page is the last), and fewer than {@code maxPages} pages were read.
     */
    public boolean unigoxLookOnAfter(Map<String, Object> found, Object listData, int page, int maxPages) {
        return found == null && page < maxPages && list(map(listData).get("orders")).size() >= UNIGOX_PAGE_SIZE;
    }

    /**
     * A Changelly sell order (the creation answer, or an item of GET /v1/orders) in the common shape. The
     * creation answer carries no status (per the docs): a new sell order starts as {@code created}.
     */
    public Map<String, Object> changelly(Map<String, Object> order) {
        if (order == null) {
            return null;
        }
        String status = text(order.get("status"));
        return created(text(order.get("orderId")), status == null || status.isBlank() ? "created" : status,
                text(order.get("amountFrom")), text(order.get("currencyFrom")),
                text(order.get("payoutAmount")), text(order.get("currencyTo")), text(order.get("redirectUrl")));
    }

    private static Map<String, Object> created(String providerOrderId, String providerStatus, String cryptoAmount,
                                               String cryptoCurrency, String fiatAmount, String fiatCurrency,
                                               String redirectUrl) {
        if (providerOrderId == null || providerOrderId.isBlank()) {
            throw new IllegalArgumentException("the upstream's order carries no order id");
        }
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("provider_order_id", providerOrderId);
        created.put("provider_status", providerStatus);
        created.put("crypto_amount", cryptoAmount);
        created.put("crypto_currency", cryptoCurrency);
        created.put("fiat_amount", fiatAmount);
        created.put("fiat_currency", fiatCurrency);
        created.put("redirect_url", redirectUrl);
        return created;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
