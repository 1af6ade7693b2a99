package dev.offramp.changelly;

import dev.offramp.http.ApiProblem;
import dev.offramp.http.Decimals;
import dev.offramp.offers.OfferViews;
import dev.offramp.reconcile.ReconcileListing;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Shapes Changelly answers into the bundle's API (snake_case, decimal strings) and picks orders out of lists. */
public final class ChangellyViews {

    private final ChangellyResponses responses;

    public ChangellyViews(ChangellyResponses responses) {
        this.responses = responses;
    }

    /**
     * The Changelly branch of the offers fan-out: its offers, or one error entry when Changelly did not
     * answer with offers (never an exception: the other upstreams still answer).
     */
    public List<Map<String, Object>> offersOrError(Integer status, String body, String transportError) {
        try {
            return offers(responses.data(status, body, transportError));
        } catch (ApiProblem problem) {
            Map<String, Object> upstream = problem.getUpstream();
            Object type = upstream == null ? null : upstream.get("code");
            String code = type != null ? type.toString() : problem.getCode();
            if ("validation".equals(code) && upstream != null && String.valueOf(upstream.get("details")).matches(".*cause=currency(From|To).*")) {
                // Changelly refuses a currency it does not know as a validation error of that parameter
                code = "unsupported_currency";
            }
            return List.of(OfferViews.errorEntry("changelly", "changelly", code, problem.getMessage()));
        } catch (RuntimeException unreadable) {
            return List.of(OfferViews.errorEntry("changelly", "changelly", "upstream_error", "Changelly answered something unreadable"));
        }
    }

    /**
     * Changelly sell offers in the common offer shape, best payout first; a provider that answered
     * with an error is kept as an error entry (with its reason), after the offers.
     */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> offers(Object upstream) {
        List<Map<String, Object>> offers = new ArrayList<>();
        List<Map<String, Object>> errors = new ArrayList<>();
        if (upstream instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> m) {
                    Map<String, Object> offer = (Map<String, Object>) m;
                    if (offer.get("errorType") != null) {
                        errors.add(errorEntry(offer));
                    } else {
                        offers.add(offer(offer));
                    }
                }
            }
        }
        offers.sort(Comparator.comparing((Map<String, Object> o) -> decimalOrZero(o.get("payout_amount"))).reversed());
        offers.addAll(errors);
        return offers;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> offer(Map<String, Object> o) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("provider", o.get("providerCode"));
        view.put("via", "changelly");
        view.put("rate", Decimals.plain(o.get("rate")));
        view.put("fee", Decimals.plain(o.get("fee")));
        view.put("amount_from", Decimals.plain(o.get("amountFrom")));
        view.put("payout_amount", Decimals.plain(o.get("amountExpectedTo")));
        List<Map<String, Object>> methods = new ArrayList<>();
        if (o.get("paymentMethodOffers") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> m) {
                    Map<String, Object> method = (Map<String, Object>) m;
                    Map<String, Object> v = new LinkedHashMap<>();
                    v.put("method", method.get("method"));
                    v.put("name", method.get("methodName"));
                    v.put("payout_amount", Decimals.plain(method.get("amountExpectedTo")));
                    v.put("rate", Decimals.plain(method.get("rate")));
                    v.put("fee", Decimals.plain(method.get("fee")));
                    methods.add(v);
                }
            }
        }
        view.put("payment_methods", methods);
        // Changelly sell offers are estimates: the provider fixes the rate on its own page
        view.put("firm", false);
        view.put("expires_at", null);
        return view;
    }

    private static Map<String, Object> errorEntry(Map<String, Object> o) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", o.get("errorType"));
        error.put("message", o.get("errorMessage"));
        error.put("details", o.get("errorDetails"));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("provider", o.get("providerCode"));
        view.put("via", "changelly");
        view.put("error", error);
        return view;
    }

    /** {"result","cause"} of validate-address as our API answers it. */
    public Map<String, Object> addressValidation(Map<String, Object> upstream) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("valid", Boolean.TRUE.equals(upstream.get("result")));
        Object cause = upstream.get("cause");
        view.put("invalid_field", "walletAddress".equals(cause) ? "wallet_address"
                : "walletExtraId".equals(cause) ? "wallet_extra_id" : cause);
        return view;
    }

    /**
     * The order with this Changelly id out of a GET /v1/orders answer ({orders:[...]}, or the older
     * [{orders:[...]}]); null when absent. The list is filtered again here: an upstream that ignored
     * the filter must not make us apply another order's status.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> findOrder(Object upstream, String field, String value) {
        for (Object item : orders(upstream)) {
            if (item instanceof Map<?, ?> m && Objects.equals(String.valueOf(m.get(field)), value)) {
                return (Map<String, Object>) m;
            }
        }
        return null;
    }

    /** Like {@link #findOrder} but a missing order is a 502: Changelly does not know an order it told us about. */
    public Map<String, Object> requireOrder(Object upstream, String changellyOrderId) {
        Map<String, Object> order = findOrder(upstream, "orderId", changellyOrderId);
        if (order == null) {
            throw new ApiProblem(502, "upstream_error", "Changelly does not list order " + changellyOrderId, null, null);
        }
        return order;
    }

    /**
     * The payout a Changelly order expects (its payoutAmount) as a plain non-negative decimal, or null
     * when it has none or it is not one (an upstream answer is input like any other).
     */
    public String expectedPayout(Map<String, Object> order) {
        Object amount = order == null ? null : order.get("payoutAmount");
        if (!(amount instanceof String) && !(amount instanceof Number) || amount.toString().length() > 40) {
            return null;
        }
        try {
            java.math.BigDecimal payout = new java.math.BigDecimal(amount.toString());
            return payout.signum() < 0 || payout.precision() - payout.scale() > 30 || payout.scale() > 8 ? null
                    : payout.toPlainString();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The parameters of record-expected-payouts.sql for one Changelly order on its own fetch: a row of its
     * orderId and expected payout (no reconciliation run), or none when its payoutAmount does not read as one
     * (nothing is written then).
     */
    public List<Map<String, Object>> expectedPayoutRow(Map<String, Object> order) {
        Map<String, Object> row = payoutRow(order, null);
        return row.get("expected_payout") == null || row.get("provider_order_id") == null ? List.of() : List.of(row);
    }

    /**
     * The row of record-expected-payouts.sql for a Changelly order: its orderId, its expected payout (null when
     * its payoutAmount does not read as one: the amount held is kept) and the reconciliation run that read it
     * (null on its own fetch).
     */
    public Map<String, Object> payoutRow(Map<String, Object> order, Long reconciledRun) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("provider_order_id", order == null || order.get("orderId") == null ? null : order.get("orderId").toString());
        row.put("expected_payout", expectedPayout(order));
        row.put(ReconcileListing.RECONCILED_RUN, reconciledRun);
        return row;
    }

    /** The creation answer carries no status (per the docs); a new sell order starts as created. */
    public String statusOfCreated(Map<String, Object> created) {
        Object status = created.get("status");
        return status == null || status.toString().isBlank() ? "created" : status.toString();
    }

    @SuppressWarnings("unchecked")
    public static List<Object> orders(Object upstream) {
        Object root = upstream;
        if (root instanceof List<?> list && list.size() == 1 && list.get(0) instanceof Map<?, ?> m && m.get("orders") != null) {
            root = m;
        }
        if (root instanceof Map<?, ?> m && m.get("orders") instanceof List<?> orders) {
            return (List<Object>) orders;
        }
        return List.of();
    }

    private static BigDecimal decimalOrZero(Object value) {
        BigDecimal d = Decimals.decimal(value); // bounded: an upstream's number is untrusted input
        return d == null ? BigDecimal.ZERO : d;
    }
}
