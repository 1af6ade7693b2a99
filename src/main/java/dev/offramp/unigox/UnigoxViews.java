package dev.offramp.unigox;

import dev.offramp.http.ApiProblem;
import dev.offramp.http.Decimals;
import dev.offramp.http.JsonBodies;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Shapes Unigox answers and local rows into the bundle's API (our ids first, the upstream's beside
 * them) and into the rows the order store keeps.
 */
public final class UnigoxViews {

    private final UnigoxResponses responses;

    public UnigoxViews(UnigoxResponses responses) {
        this.responses = responses;
    }

    /** The user_uuid in Unigox's create-or-get answer ({@code id} in integrations older than that name). */
    public String linkedUserUuid(Map<String, Object> upstream) {
        Object uuid = upstream.get("user_uuid") != null ? upstream.get("user_uuid") : upstream.get("id");
        if (uuid == null || uuid.toString().isBlank()) {
            throw new ApiProblem(502, "upstream_error", "Unigox answered the user's create-or-get without a user_uuid", null, null);
        }
        return uuid.toString();
    }

    public Map<String, Object> requirePaymentDetails(Map<String, Object> row, String id) {
        if (row == null) {
            throw new ApiProblem(404, "not_found", "payment details '" + id + "' not found for this user", "payment_details_id", null);
        }
        return row;
    }

    public Map<String, Object> requireQuote(Map<String, Object> row, String quoteId) {
        if (row == null) {
            throw new ApiProblem(404, "not_found", "quote '" + quoteId + "' not found; ask for one with POST /api/v1/offramp/quote", "quote_id", null);
        }
        return row;
    }

    /** The local row for payment details Unigox holds for our user (parameters of insert-payment-details.sql). */
    public Map<String, Object> paymentDetailsRow(Map<String, Object> upstream, String userId) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", UUID.randomUUID().toString());
        row.put("user_id", userId);
        row.put("provider_payment_details_id", upstreamPaymentDetailsId(upstream));
        row.put("payment_method", upstream.get("rail"));
        row.put("currency", upstream.get("currency"));
        row.put("details_json", JsonBodies.toJson(upstream));
        return row;
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> paymentDetailsRows(Object upstreamList, String userId) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object item : asList(upstreamList)) {
            if (item instanceof Map<?, ?> m) {
                rows.add(paymentDetailsRow((Map<String, Object>) m, userId));
            }
        }
        return rows;
    }

    /** Unigox's profiles with our id put first; profiles without a local row are left out. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> paymentDetailsList(Object upstreamList, List<Map<String, Object>> localRows) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (Object item : asList(upstreamList)) {
            if (item instanceof Map<?, ?> m) {
                Map<String, Object> upstream = (Map<String, Object>) m;
                String upstreamId = upstreamPaymentDetailsId(upstream);
                for (Map<String, Object> local : localRows) {
                    if (Objects.equals(local.get("provider_payment_details_id"), upstreamId)) {
                        views.add(paymentDetails(upstream, local));
                    }
                }
            }
        }
        return views;
    }

    /** The view of payment details just created upstream, with the id of the local row that maps them. */
    public Map<String, Object> paymentDetailsCreated(Map<String, Object> upstream, List<Map<String, Object>> localRows) {
        List<Map<String, Object>> views = paymentDetailsList(List.of(upstream), localRows);
        if (views.isEmpty()) {
            throw new IllegalStateException("payment details were stored but cannot be read back");
        }
        return views.get(0);
    }

    /**
     * GET /admin/unigox/webhooks: Unigox's one webhook configuration as a list of zero (no URL set) or one
     * registration, with id {@code current} (what DELETE /admin/unigox/webhooks/{id} takes), its url and
     * whether delivery is enabled. Only those fields are copied: whatever else Unigox may add (a signing
     * secret, say) never reaches the answer.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> webhookRegistrations(Object data) {
        List<Map<String, Object>> registrations = new ArrayList<>();
        if (data instanceof Map<?, ?> m && ((Map<String, Object>) m).get("url") != null) {
            Map<String, Object> registration = new LinkedHashMap<>();
            registration.put("id", "current");
            registration.put("url", String.valueOf(m.get("url")));
            registration.put("enabled", Boolean.TRUE.equals(m.get("enabled")));
            registrations.add(registration);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("webhooks", registrations);
        return view;
    }

    /** The answer of a delete (payment details, the webhook registration): the id, and that it is gone. */
    public Map<String, Object> deleted(String id) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("deleted", true);
        return view;
    }

    public Map<String, Object> paymentDetails(Map<String, Object> upstream, Map<String, Object> local) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", local.get("id"));
        view.put("user_id", local.get("user_id"));
        view.put("provider", "unigox");
        view.put("provider_payment_details_id", upstreamPaymentDetailsId(upstream));
        upstream.forEach((k, v) -> {
            if (!"id".equals(k) && !"payment_details_id".equals(k)) {
                view.putIfAbsent(k, v);
            }
        });
        return view;
    }

    /** Parameters of insert-quote.sql from Unigox's quote answer. */
    public Map<String, Object> quoteRow(Map<String, Object> upstream, Map<String, Object> request, String userId, String paymentDetailsId) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("quote_id", required(upstream, "quote_id"));
        row.put("user_id", userId);
        row.put("payment_details_id", paymentDetailsId);
        // the quote answer need not repeat the currencies: the request named them
        row.put("crypto_currency", upstream.getOrDefault("crypto_currency", request.get("crypto_currency")).toString().toUpperCase(java.util.Locale.ROOT));
        row.put("crypto_amount", Decimals.plain(upstream.get("crypto_amount")));
        row.put("fiat_currency", upstream.getOrDefault("fiat_currency", request.get("fiat_currency")).toString().toUpperCase(java.util.Locale.ROOT));
        row.put("fiat_amount", Decimals.plain(upstream.get("fiat_amount")));
        row.put("rate", Decimals.plain(upstream.get("rate")));
        row.put("expires_at", upstream.get("expires_at") == null ? null : upstream.get("expires_at").toString());
        return row;
    }

    /**
     * The Unigox branch of the offers fan-out: the estimate as one offer, or one error entry (never an
     * exception: the other upstreams still answer). An estimate is indicative and reserves nothing; a
     * firm price needs POST /api/v1/offramp/quote.
     */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> estimateOffers(Integer status, String body, String transportError) {
        Object data;
        try {
            data = responses.data(status, body, transportError);
        } catch (ApiProblem problem) {
            Object upstreamCode = problem.getUpstream() == null ? null : problem.getUpstream().get("code");
            String message = problem.getMessage();
            String code = upstreamCode == null ? problem.getCode() : upstreamCode.toString().toLowerCase(java.util.Locale.ROOT);
            if ("invalid_request".equals(code) && message != null && message.toLowerCase(java.util.Locale.ROOT).contains("unsupported")) {
                code = "unsupported_currency";
            }
            return List.of(dev.offramp.offers.OfferViews.errorEntry("unigox", "unigox", code, message));
        }
        if (!(data instanceof Map<?, ?> m)) {
            return List.of(dev.offramp.offers.OfferViews.errorEntry("unigox", "unigox", "upstream_error", "Unigox answered an estimate without data"));
        }
        Map<String, Object> estimate = (Map<String, Object>) m;
        Object fees = estimate.get("fee_breakdown") instanceof Map<?, ?> f ? f.get("total_fee") : null;
        Map<String, Object> method = new LinkedHashMap<>();
        method.put("method", estimate.get("payment_method_slug"));
        method.put("name", estimate.get("payment_method_slug"));
        method.put("payout_amount", Decimals.plain(estimate.get("fiat_amount")));
        method.put("rate", Decimals.plain(estimate.get("rate")));
        method.put("fee", Decimals.plain(fees));
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("provider", "unigox");
        offer.put("via", "unigox");
        offer.put("rate", Decimals.plain(estimate.get("rate")));
        // Unigox charges its fees in the crypto sold
        offer.put("fee", Decimals.plain(fees));
        offer.put("fee_currency", "crypto");
        offer.put("amount_from", Decimals.plain(estimate.get("crypto_amount")));
        offer.put("payout_amount", Decimals.plain(estimate.get("fiat_amount")));
        offer.put("payment_methods", List.of(method));
        offer.put("firm", false);
        offer.put("expires_at", null);
        return List.of(offer);
    }

    /** Unigox's quote as our API answers it: its fields, plus our user and payment details ids. */
    public Map<String, Object> quote(Map<String, Object> upstream, Map<String, Object> request, String userId, String paymentDetailsId) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("provider", "unigox");
        view.put("quote_id", upstream.get("quote_id"));
        view.put("user_id", userId);
        view.put("payment_details_id", paymentDetailsId);
        view.put("crypto_currency", upstream.getOrDefault("crypto_currency", request.get("crypto_currency")));
        view.put("fiat_currency", upstream.getOrDefault("fiat_currency", request.get("fiat_currency")));
        upstream.forEach((k, v) -> {
            if (!"payment_details_id".equals(k) && !"user_uuid".equals(k)) {
                view.putIfAbsent(k, v);
            }
        });
        return view;
    }

    private static String upstreamPaymentDetailsId(Map<String, Object> upstream) {
        Object id = upstream.get("payment_details_id") != null ? upstream.get("payment_details_id") : upstream.get("id");
        if (id == null) {
            throw new ApiProblem(502, "upstream_error", "Unigox returned payment details without an id", null, null);
        }
        return id.toString();
    }

    private static Object required(Map<String, Object> upstream, String field) {
        Object value = upstream.get(field);
        if (value == null) {
            throw new ApiProblem(502, "upstream_error", "Unigox answered without " + field, null, null);
        }
        return value.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object upstream) {
        if (upstream instanceof List<?> list) {
            return (List<Object>) list;
        }
        if (upstream instanceof Map<?, ?> map) {
            // some list answers wrap the array: {"payment_profiles":[...]} / {"payment_details":[...]}
            for (Object value : map.values()) {
                if (value instanceof List<?> list) {
                    return (List<Object>) list;
                }
            }
        }
        return List.of();
    }
}
