package dev.offramp.sandbox.unigox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The public reference data a payout form is built from, beside the partner API at the server root:
 * {@code GET /api/v1/supported/fiat-currencies}, {@code /payment-rails}, {@code /institutions} and
 * {@code /corridors}. No key (the contract declares no security on them); errors in the legacy
 * envelope ({@code ErrorResponse}), as the contract declares for their 400s. Data: {@link SupportedRails}.
 */
final class ReferenceDataEndpoints {

    static final String SUPPORTED = "/api/v1/supported";

    private final Clock clock;

    ReferenceDataEndpoints(Clock clock) {
        this.clock = clock;
    }

    void addTo(RouteTable routes) {
        routes.add(RouteTable.publicRoute("GET", SUPPORTED + "/fiat-currencies", SimError.Envelope.LEGACY,
                        call -> Reply.ok(SupportedRails.fiatCurrencies())))
                .add(RouteTable.publicRoute("GET", SUPPORTED + "/payment-rails", SimError.Envelope.LEGACY, this::rails))
                .add(RouteTable.publicRoute("GET", SUPPORTED + "/institutions", SimError.Envelope.LEGACY, this::institutions))
                .add(RouteTable.publicRoute("GET", SUPPORTED + "/corridors", SimError.Envelope.LEGACY, this::corridors));
    }

    private Reply rails(Call call) {
        Map<String, String> query = call.query();
        String country = blankToNull(query.get("country"));
        String currency = blankToNull(query.get("currency"));
        String direction = query.get("direction");
        if (!"onramp".equals(direction) && !"offramp".equals(direction)) {
            throw SimError.legacy(400, "invalid_direction", "direction must be onramp or offramp");
        }
        if (country == null && currency == null) {
            throw SimError.legacy(400, "required_fields_missing", "either country or currency must be provided");
        }
        List<SupportedRails.Rail> rails = "offramp".equals(direction) ? SupportedRails.matching(country, currency) : List.of();
        return Reply.ok(UnigoxJson.object(
                "country", country == null ? (rails.isEmpty() ? "" : rails.get(0).countries().get(0)) : country.toUpperCase(Locale.ROOT),
                "currency", currency == null ? (rails.isEmpty() ? null : rails.get(0).currency()) : currency.toUpperCase(Locale.ROOT),
                "direction", direction,
                "rails", rails.stream().map(SupportedRails.Rail::json).toList(),
                "links", UnigoxJson.object("search_institutions", SUPPORTED + "/institutions")));
    }

    private Reply institutions(Call call) {
        Map<String, String> query = call.query();
        SupportedRails.Rail rail = SupportedRails.rail(query.getOrDefault("rail", ""));
        if (rail == null) {
            throw SimError.legacy(400, "invalid_rail", "rail is required and must be a supported payment rail");
        }
        int limit = bounded(query.get("limit"), 20, 1, 100);
        int offset = bounded(query.get("offset"), 0, 0, Integer.MAX_VALUE);
        String search = blankToNull(query.get("search"));
        List<Object> found = new ArrayList<>();
        int railId = SupportedRails.RAILS.indexOf(rail) + 1;
        int methodId = 0;
        for (SupportedRails.Institution i : rail.institutions()) {
            methodId++;
            if (search != null && !i.name().toLowerCase(Locale.ROOT).contains(search.toLowerCase(Locale.ROOT))) {
                continue;
            }
            Map<String, Object> institution = UnigoxJson.object(
                    "id", i.id(), "payment_method_id", (long) railId * 100 + methodId, "payment_network_id", (long) railId,
                    "name", i.name(), "type", i.type(), "institution_type", i.institutionType(),
                    "supported_rails", List.of(rail.slug()));
            if (i.code() != null) {
                institution.put("code", i.code());
            }
            found.add(institution);
        }
        List<Object> page = found.stream().skip(offset).limit(limit).toList();
        return Reply.ok(UnigoxJson.object("institutions", page,
                "pagination", UnigoxJson.object("total", found.size(), "limit", limit, "offset", offset)));
    }

    /** One corridor per currency a rail pays out in, at the simulator's rate and platform fee. */
    private Reply corridors(Call call) {
        OfframpPricing pricing = new OfframpPricing();
        List<Object> currencies = new ArrayList<>();
        for (Object c : SupportedRails.fiatCurrencies()) {
            String code = (String) ((Map<?, ?>) c).get("code");
            double rate = pricing.rate(code).doubleValue();
            currencies.add(UnigoxJson.object(
                    "code", code, "name", SupportedRails.currencyName(code),
                    "mid_market_rate", rate, "mid_market_updated_at", Times.iso(clock.instant()),
                    "unigox_fee_pct", 1.5,
                    "offramp", UnigoxJson.object("supported", true,
                            "p2p", UnigoxJson.object("rate", rate, "min_notional_fiat", 1.0))));
        }
        return Reply.ok(UnigoxJson.object("notional_usdt", 100.0, "generated_at", Times.iso(clock.instant()),
                "currencies", currencies));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static int bounded(String value, int fallback, int min, int max) {
        try {
            int parsed = value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
            return Math.max(min, Math.min(max, parsed));
        } catch (NumberFormatException e) {
            throw SimError.legacy(400, "invalid_parameter", "limit and offset must be integers");
        }
    }
}
