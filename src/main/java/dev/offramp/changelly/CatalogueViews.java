package dev.offramp.changelly;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Changelly's sell-flow catalogue (GET /v1/available-countries, /v1/currencies, /v1/providers) in the
 * bundle's API: snake_case like every other answer, and only the fields the contract
 * (openapi/offramp-api.yaml: Country, Currency, CatalogueProvider) documents. Changelly's camelCase
 * names are read here and nowhere else; a field Changelly leaves out is left out (or null where the
 * contract has it always), never guessed.
 */
public final class CatalogueViews {

    /** [{"code","name","states"?:[{"code","name"}],"providers":[{"provider_code","supported_flows"}]}]. */
    public List<Map<String, Object>> countries(Object upstream) {
        List<Map<String, Object>> countries = new ArrayList<>();
        for (Map<?, ?> c : maps(upstream)) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("code", c.get("code"));
            view.put("name", c.get("name"));
            if (c.get("states") instanceof List<?>) {
                List<Map<String, Object>> states = new ArrayList<>();
                for (Map<?, ?> s : maps(c.get("states"))) {
                    Map<String, Object> state = new LinkedHashMap<>();
                    state.put("code", s.get("code"));
                    state.put("name", s.get("name"));
                    states.add(state);
                }
                view.put("states", states);
            }
            view.put("providers", providerFlows(c.get("providers")));
            countries.add(view);
        }
        return countries;
    }

    /**
     * [{"ticker","name","type","extra_id_name","icon_url","icon_colored_url","precision","network",
     * "protocol","providers":[{"provider_code","supported_flows"}]}].
     */
    public List<Map<String, Object>> currencies(Object upstream) {
        List<Map<String, Object>> currencies = new ArrayList<>();
        for (Map<?, ?> c : maps(upstream)) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("ticker", c.get("ticker"));
            view.put("name", c.get("name"));
            view.put("type", c.get("type"));
            view.put("extra_id_name", c.get("extraIdName"));
            view.put("icon_url", c.get("iconUrl"));
            view.put("icon_colored_url", c.get("iconColoredUrl"));
            view.put("precision", c.get("precision") == null ? null : c.get("precision").toString());
            view.put("network", c.get("network"));
            view.put("protocol", c.get("protocol"));
            view.put("providers", providerFlows(c.get("providers")));
            currencies.add(view);
        }
        return currencies;
    }

    /** [{"code","name","trust_pilot_rating","icon_url"}]. */
    public List<Map<String, Object>> providers(Object upstream) {
        List<Map<String, Object>> providers = new ArrayList<>();
        for (Map<?, ?> p : maps(upstream)) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("code", p.get("code"));
            view.put("name", p.get("name"));
            view.put("trust_pilot_rating", p.get("trustPilotRating") == null ? null : p.get("trustPilotRating").toString());
            view.put("icon_url", p.get("iconUrl"));
            providers.add(view);
        }
        return providers;
    }

    private static List<Map<String, Object>> providerFlows(Object upstream) {
        List<Map<String, Object>> flows = new ArrayList<>();
        for (Map<?, ?> p : maps(upstream)) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("provider_code", p.get("providerCode"));
            view.put("supported_flows", p.get("supportedFlows") instanceof List<?> list ? list : List.of());
            flows.add(view);
        }
        return flows;
    }

    private static List<Map<?, ?>> maps(Object upstream) {
        List<Map<?, ?>> maps = new ArrayList<>();
        if (upstream instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> m) {
                    maps.add(m);
                }
            }
        }
        return maps;
    }
}
