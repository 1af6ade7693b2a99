package dev.offramp.sandbox.changelly;

import com.fasterxml.jackson.databind.JsonNode;
import dev.offramp.sandbox.SandboxRequest;
import dev.offramp.sandbox.SandboxResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Fiat API's sell-flow endpoints, answered in the documented shapes (reference §3). Requests arrive
 * here already authenticated.
 */
final class FiatApiEndpoints {

    private static final Pattern SANDBOX_ORDER = Pattern.compile("/v1/sandbox/order/([^/]+)");
    private static final Pattern RESEND_CALLBACK = Pattern.compile("/v1/sandbox/order/([^/]+)/resend-callback");
    /** Only the sell flow is simulated; every provider here is an off-ramp. */
    private static final List<String> FLOWS = List.of("sell");

    private final OrderBook orders;
    private final SellOrderCreator creator;
    private final SellOfferCalculator offers;
    private final AddressValidator addresses;
    private final CallbackDispatcher callbacks;

    FiatApiEndpoints(OrderBook orders, SellOrderCreator creator, SellOfferCalculator offers, AddressValidator addresses,
                     CallbackDispatcher callbacks) {
        this.orders = orders;
        this.creator = creator;
        this.offers = offers;
        this.addresses = addresses;
        this.callbacks = callbacks;
    }

    /** The answer, or empty if no endpoint has this method and path. */
    Optional<SandboxResponse> handle(String path, SandboxRequest request) {
        String method = request.method();
        QueryParameters query = new QueryParameters(request.query());
        switch (method + " " + path) {
            case "GET /v1/available-countries":
                return ok(countries(query));
            case "GET /v1/currencies":
                return ok(currencies(query));
            case "GET /v1/providers":
                return ok(providers());
            case "GET /v1/sell/offers":
                return ok(offers.offers(SellOfferRequest.fromQuery(query)).stream().map(SellOffer::toJson).toList());
            case "POST /v1/validate-address":
                return ok(validateAddress(ChangellyJson.readObject(request.bodyText())));
            case "POST /v1/sell/orders":
                return ok(createOrder(ChangellyJson.readObject(request.bodyText())));
            case "GET /v1/orders":
                return ok(listOrders(OrderListQuery.fromQuery(query)));
            default:
                break;
        }
        Matcher resend = RESEND_CALLBACK.matcher(path);
        // the doc page's title says POST, its cURL sample GET: both are accepted
        if (resend.matches() && ("POST".equals(method) || "GET".equals(method))) {
            return ok(resendCallback(resend.group(1)));
        }
        Matcher patch = SANDBOX_ORDER.matcher(path);
        // the endpoint page documents PATCH, the off-ramp use case says POST: both are accepted
        if (patch.matches() && ("PATCH".equals(method) || "POST".equals(method))) {
            return ok(orders.patch(patch.group(1), OrderPatch.parse(ChangellyJson.readObject(request.bodyText()))).toView());
        }
        return Optional.empty();
    }

    private static Optional<SandboxResponse> ok(Object body) {
        return Optional.of(SandboxResponse.json(200, ChangellyJson.write(body)));
    }

    private List<Map<String, Object>> countries(QueryParameters query) {
        List<OfframpProvider> providers = providerFilter(query);
        if (!flowIsSell(query)) {
            return List.of();
        }
        return SandboxCatalog.countries().stream()
                .map(country -> {
                    List<Map<String, Object>> serving = providers.stream()
                            .filter(p -> p.servesCountry(country.code())).map(FiatApiEndpoints::providerFlows).toList();
                    if (serving.isEmpty()) {
                        return null;
                    }
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("code", country.code());
                    json.put("name", country.name());
                    if (!country.states().isEmpty()) {
                        json.put("states", country.states().stream()
                                .map(s -> Map.of("code", s.code(), "name", s.name())).toList());
                    }
                    json.put("providers", serving);
                    return json;
                })
                .filter(json -> json != null)
                .toList();
    }

    private List<Map<String, Object>> currencies(QueryParameters query) {
        List<OfframpProvider> providers = providerFilter(query);
        Optional<String> type = query.first("type");
        if (type.isPresent() && !type.get().equals("crypto") && !type.get().equals("fiat")) {
            throw ChangellyApiError.validation("type", "Incorrect type: crypto or fiat");
        }
        if (!flowIsSell(query)) {
            return List.of();
        }
        return SandboxCatalog.currencies().stream()
                .filter(c -> type.isEmpty() || c.kind().name().equals(type.get()))
                .map(currency -> {
                    List<Map<String, Object>> trading = providers.stream()
                            .filter(p -> p.trades(currency.ticker())).map(FiatApiEndpoints::providerFlows).toList();
                    if (trading.isEmpty()) {
                        return null;
                    }
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("ticker", currency.ticker());
                    json.put("name", currency.name());
                    json.put("type", currency.kind().name());
                    json.put("extraIdName", currency.extraIdName());
                    json.put("iconUrl", SandboxCatalog.iconUrl(currency.ticker(), false));
                    json.put("iconColoredUrl", SandboxCatalog.iconUrl(currency.ticker(), true));
                    json.put("precision", String.valueOf(currency.precision()));
                    json.put("network", currency.network());
                    // deprecated upstream ("may be an empty string"); tokens on ethereum name their standard
                    boolean token = "ethereum".equals(currency.network()) && !"ETH".equals(currency.ticker());
                    json.put("protocol", token ? "ERC20" : "");
                    json.put("providers", trading);
                    return json;
                })
                .filter(json -> json != null)
                .toList();
    }

    private static List<Map<String, Object>> providers() {
        return SandboxCatalog.providers().stream().map(p -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("code", p.code());
            json.put("name", p.name());
            json.put("trustPilotRating", p.trustPilotRating());
            json.put("iconUrl", SandboxCatalog.iconUrl(p.code(), false));
            return json;
        }).toList();
    }

    /** The provider items of countries and currencies; the currency page leaves their schema open, this mirrors countries. */
    private static Map<String, Object> providerFlows(OfframpProvider provider) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("providerCode", provider.code());
        json.put("supportedFlows", FLOWS);
        return json;
    }

    private static List<OfframpProvider> providerFilter(QueryParameters query) {
        Optional<String> code = query.first("providerCode");
        if (code.isEmpty()) {
            return SandboxCatalog.providers();
        }
        return List.of(SandboxCatalog.provider(code.get())
                .orElseThrow(() -> ChangellyApiError.validation("providerCode", "Incorrect provider code")));
    }

    /** {@code supportedFlow}, validated; true unless it asks for {@code buy}, which the sandbox does not simulate. */
    private static boolean flowIsSell(QueryParameters query) {
        Optional<String> flow = query.first("supportedFlow");
        if (flow.isPresent() && !flow.get().equals("buy") && !flow.get().equals("sell")) {
            throw ChangellyApiError.validation("supportedFlow", "Incorrect supported flow: buy or sell");
        }
        return flow.map("sell"::equals).orElse(true);
    }

    private Map<String, Object> validateAddress(JsonNode body) {
        JsonFields fields = new JsonFields(body);
        String ticker = fields.requiredText("currency");
        String walletAddress = fields.requiredText("walletAddress");
        String walletExtraId = fields.optionalText("walletExtraId");
        fields.throwIfInvalid();
        CatalogCurrency currency = SandboxCatalog.currency(ticker).filter(CatalogCurrency::isCrypto)
                .orElseThrow(() -> ChangellyApiError.validation("currency", "Incorrect currency"));
        Optional<String> problem = addresses.problem(currency, walletAddress, walletExtraId);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("result", problem.isEmpty());
        json.put("cause", problem.orElse(null));
        return json;
    }

    private Map<String, Object> createOrder(JsonNode body) {
        SellOrder order = creator.create(body);
        orders.add(order);
        return order.toCreatedResponse();
    }

    private Map<String, Object> listOrders(OrderListQuery query) {
        List<SellOrder> matching = orders.all().stream().filter(query::matches).toList();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("orders", matching.stream().skip(query.offset()).limit(query.limit()).map(SellOrder::toView).toList());
        json.put("limit", query.limit());
        json.put("offset", query.offset());
        json.put("total", matching.size());
        return json;
    }

    /**
     * Queues the current-status callback again and answers {@code success}: the call does not wait for the
     * delivery (whose outcome {@code GET /_sandbox/callbacks} shows), where upstream may report {@code failed}.
     */
    private Map<String, Object> resendCallback(String orderId) {
        SellOrder order = orders.find(orderId).orElseThrow(ChangellyApiError::orderNotFound);
        callbacks.send(orderId, order.toView(), "resend");
        return Map.of("status", "success");
    }
}
