package dev.offramp.changelly;

import static dev.offramp.http.JsonBodies.optionalString;
import static dev.offramp.http.JsonBodies.requiredString;

import dev.offramp.http.ApiProblem;
import dev.offramp.http.JsonBodies;
import dev.offramp.offers.OfferRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds Changelly Fiat API requests: query strings and JSON bodies in Changelly's names (camelCase,
 * amounts as decimal strings), from the bundle's own snake_case API, and signs them.
 */
public final class ChangellyRequests {

    private static final Pattern TICKER = Pattern.compile("[A-Z0-9]{2,20}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    public static final List<String> STATUSES = List.of("created", "pending", "hold", "refunded", "expired", "failed", "complete");

    private final String baseUrl;
    private final ChangellyRequestSigner signer;

    public ChangellyRequests(String baseUrl, ChangellyRequestSigner signer) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.signer = signer;
    }

    /**
     * Serialises the body once, builds the query string once, and signs exactly those.
     *
     * @param query parameters in order (null values left out; a List value repeats the parameter)
     * @param body a JSON map, or null
     */
    public ChangellyRequest prepare(String method, String path, Map<String, Object> query, Map<String, Object> body) {
        String url = baseUrl + path + queryString(query);
        String json = body == null ? null : JsonBodies.toJson(body);
        return new ChangellyRequest(method, url, json, signer.sign(url, json));
    }

    static String queryString(Map<String, Object> query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        StringBuilder q = new StringBuilder();
        query.forEach((name, value) -> {
            if (value instanceof List<?> values) {
                values.forEach(v -> append(q, name, v));
            } else if (value != null) {
                append(q, name, value);
            }
        });
        return q.length() == 0 ? "" : "?" + q;
    }

    private static void append(StringBuilder q, String name, Object value) {
        if (q.length() > 0) {
            q.append('&');
        }
        // %20 for spaces: the same bytes whatever decodes them ("+" is ambiguous outside forms)
        q.append(encode(name)).append('=').append(encode(String.valueOf(value)));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Query of GET /v1/sell/offers. */
    public Map<String, Object> offersQuery(OfferRequest request) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("currencyFrom", request.currencyFrom());
        q.put("currencyTo", request.currencyTo());
        q.put("amountFrom", request.amountFrom());
        q.put("country", request.country());
        if (request.state() != null) {
            q.put("state", request.state());
        }
        if (request.paymentMethod() != null) {
            q.put("paymentMethodCode", request.paymentMethod());
        }
        return q;
    }

    /** Query of the catalogue calls: the sell flow only. */
    public Map<String, Object> sellFlowQuery() {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("supportedFlow", "sell");
        return q;
    }

    /** Query of GET /v1/currencies: the sell flow, optionally one type. */
    public Map<String, Object> currenciesQuery(String type) {
        Map<String, Object> q = new LinkedHashMap<>();
        if (type != null && !type.isBlank()) {
            if (!type.equals("crypto") && !type.equals("fiat")) {
                throw ApiProblem.badParameter("type", "type must be crypto or fiat");
            }
            q.put("type", type);
        }
        q.put("supportedFlow", "sell");
        return q;
    }

    /** POST /v1/validate-address from {"currency","wallet_address","wallet_extra_id"?}. */
    public Map<String, Object> validateAddress(Map<String, Object> body) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("currency", ticker("currency", requiredString(body, "currency", 20)));
        request.put("walletAddress", requiredString(body, "wallet_address", 200));
        String extra = optionalString(body, "wallet_extra_id", 100);
        if (extra != null && !extra.isBlank()) {
            request.put("walletExtraId", extra);
        }
        return request;
    }

    /**
     * POST /v1/sell/orders from our order request. Our order id is the externalOrderId and our user
     * id the externalUserId, so an order whose creation answer was lost can be found again.
     */
    public Map<String, Object> sellOrder(Map<String, Object> body, String orderId, String userId) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("externalOrderId", orderId);
        request.put("externalUserId", userId);
        String provider = requiredString(body, "provider_code", 60);
        if (!provider.matches("[a-z0-9_]{1,60}")) {
            throw ApiProblem.badField("provider_code", "provider_code must be a provider code such as moonpay");
        }
        request.put("providerCode", provider);
        request.put("currencyFrom", ticker("currency_from", requiredString(body, "currency_from", 20)));
        request.put("currencyTo", ticker("currency_to", requiredString(body, "currency_to", 20)));
        request.put("amountFrom", amountField(body, "amount_from"));
        String country = country("country", requiredString(body, "country", 2));
        request.put("country", country);
        String state = optionalString(body, "state", 10);
        if ("US".equals(country) && (state == null || !state.matches("US-[A-Z]{2}"))) {
            throw ApiProblem.badField("state", "state is required for country US, e.g. US-CA");
        }
        putIfPresent(request, "state", state);
        putIfPresent(request, "ip", optionalString(body, "ip", 45));
        putIfPresent(request, "refundAddress", optionalString(body, "refund_address", 200));
        putIfPresent(request, "paymentMethod", optionalString(body, "payment_method", 60));
        putIfPresent(request, "userAgent", optionalString(body, "user_agent", 500));
        return request;
    }

    /** PATCH /v1/sandbox/order/{id} from {"status"}. */
    public Map<String, Object> sandboxStatus(Map<String, Object> body) {
        String status = requiredString(body, "status", 20);
        if (!STATUSES.contains(status)) {
            throw ApiProblem.badField("status", "status must be one of " + String.join(", ", STATUSES));
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("status", status);
        return request;
    }

    /** GET /v1/orders for one or more of our Changelly orders by their Changelly ids. */
    public Map<String, Object> ordersByIdQuery(List<String> orderIds) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("orderId", orderIds);
        q.put("offset", 0);
        q.put("limit", Math.max(1, Math.min(100, orderIds.size())));
        return q;
    }

    public Map<String, Object> orderByIdQuery(String orderId) {
        return ordersByIdQuery(List.of(orderId));
    }

    /** GET /v1/orders by our own order id: how a lost creation answer is found again. */
    public Map<String, Object> orderByExternalIdQuery(String externalOrderId) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("externalOrderId", externalOrderId);
        q.put("offset", 0);
        q.put("limit", 1);
        return q;
    }

    private static void putIfPresent(Map<String, Object> request, String name, String value) {
        if (value != null && !value.isBlank()) {
            request.put(name, value);
        }
    }

    private static String ticker(String field, String value) {
        String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        if (!TICKER.matcher(v).matches()) {
            throw ApiProblem.badParameter(field, field + " must be a currency ticker such as USDT or EUR");
        }
        return v;
    }

    private static String country(String field, String value) {
        String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        if (!COUNTRY.matcher(v).matches()) {
            throw ApiProblem.badParameter(field, field + " must be an ISO 3166-1 alpha-2 code such as DE");
        }
        return v;
    }

    private static String amountField(Map<String, Object> body, String field) {
        String amount = JsonBodies.optionalAmount(body, field);
        if (amount == null) {
            throw ApiProblem.badField(field, field + " is required");
        }
        return amount;
    }
}
