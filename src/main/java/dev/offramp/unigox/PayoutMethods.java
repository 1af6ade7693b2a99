package dev.offramp.unigox;

import dev.offramp.http.ApiProblem;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a payout form needs, from Unigox's public reference data (GET /api/v1/supported/...): the rails a
 * country or currency pays out through, with the fields each needs, their institutions, the currencies and
 * the corridors; and the check of a user's payout details against their rail before Unigox is asked.
 * Queries are built only from checked values (a 400 naming the parameter otherwise).
 */
public final class PayoutMethods {

    /** The rail slugs of the contract ({@code nip-nigeria}, {@code iban-sepa}, {@code cnaps}, ...). */
    private static final String RAIL_SLUG = "[a-z0-9][a-z0-9_-]{0,59}";

    /** The query of GET /api/v1/supported/payment-rails for off-ramp rails; country and/or currency. */
    public String railsQuery(String country, String currency) {
        String c = code(country, "country", 2);
        String cur = code(currency, "currency", 3);
        if (c == null && cur == null) {
            throw ApiProblem.badParameter("currency", "give currency (ISO 4217, e.g. EUR) or country (ISO 3166-1, e.g. DE), or both");
        }
        StringBuilder query = new StringBuilder("direction=offramp");
        if (c != null) {
            query.append("&country=").append(c);
        }
        if (cur != null) {
            query.append("&currency=").append(cur);
        }
        return query.toString();
    }

    /** The query of GET /api/v1/supported/institutions for one rail. */
    public String institutionsQuery(String rail, String country, String currency, String search, String limit, String offset) {
        StringBuilder query = new StringBuilder("rail=").append(railSlug(rail, "rail"));
        String c = code(country, "country", 2);
        String cur = code(currency, "currency", 3);
        if (c != null) {
            query.append("&country=").append(c);
        }
        if (cur != null) {
            query.append("&currency=").append(cur);
        }
        if (search != null && !search.isBlank()) {
            if (search.length() > 100 || search.chars().anyMatch(Character::isISOControl)) {
                throw ApiProblem.badParameter("search", "search must be at most 100 printable characters");
            }
            query.append("&search=").append(URLEncoder.encode(search.trim(), StandardCharsets.UTF_8));
        }
        query.append("&limit=").append(whole("limit", limit, 20, 1, 100));
        query.append("&offset=").append(whole("offset", offset, 0, 0, 1_000_000));
        return query.toString();
    }

    /** GET /api/v1/payout-methods: the rails with the fields their payment details need. */
    public Map<String, Object> methods(Object data) {
        Map<String, Object> rails = map(data);
        List<Map<String, Object>> methods = new ArrayList<>();
        for (Object r : list(rails.get("rails"))) {
            Map<String, Object> rail = map(r);
            Map<String, Object> method = new LinkedHashMap<>();
            method.put("rail", rail.get("slug"));
            method.put("name", rail.get("name"));
            method.put("currencies", rail.get("currencies"));
            method.put("institution_required", Boolean.TRUE.equals(rail.get("institution_required")));
            method.put("institution_lookup_key", rail.get("institution_lookup_key"));
            method.put("settlement", rail.get("settlement"));
            method.put("limits", rail.get("limits"));
            method.put("fields", rail.get("fields") == null ? List.of() : rail.get("fields"));
            if (rail.get("formats") != null) {
                method.put("formats", rail.get("formats"));
            }
            methods.add(method);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("country", rails.get("country"));
        answer.put("currency", rails.get("currency"));
        answer.put("methods", methods);
        return answer;
    }

    /** GET /api/v1/payout-methods/{rail}/institutions: a page of the rail's institutions. */
    public Map<String, Object> institutions(Object data) {
        Map<String, Object> page = map(data);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("institutions", list(page.get("institutions")));
        answer.put("pagination", page.get("pagination"));
        return answer;
    }

    /** GET /api/v1/payout-currencies: the fiat currencies Unigox pays out in. */
    public Map<String, Object> currencies(Object data) {
        List<Map<String, Object>> currencies = new ArrayList<>();
        for (Object c : list(data)) {
            Map<String, Object> currency = map(c);
            if (Boolean.TRUE.equals(currency.get("offramp"))) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("code", currency.get("code"));
                one.put("name", currency.get("name"));
                one.put("countries", currency.get("countries") == null ? List.of() : currency.get("countries"));
                currencies.add(one);
            }
        }
        return Map.of("currencies", currencies);
    }

    /** GET /api/v1/payout-corridors: each currency's off-ramp corridor (rate, fee, minimum), as Unigox states it. */
    public Map<String, Object> corridors(Object data) {
        Map<String, Object> payload = map(data);
        List<Map<String, Object>> corridors = new ArrayList<>();
        for (Object c : list(payload.get("currencies"))) {
            Map<String, Object> corridor = map(c);
            Map<String, Object> offramp = map(corridor.get("offramp"));
            if (Boolean.TRUE.equals(offramp.get("supported"))) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("code", corridor.get("code"));
                one.put("name", corridor.get("name"));
                one.put("mid_market_rate", corridor.get("mid_market_rate"));
                one.put("mid_market_updated_at", corridor.get("mid_market_updated_at"));
                one.put("unigox_fee_pct", corridor.get("unigox_fee_pct"));
                one.put("offramp", offramp);
                corridors.add(one);
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("generated_at", payload.get("generated_at"));
        answer.put("corridors", corridors);
        return answer;
    }

    /**
     * Checks payout details (the request UnigoxRequests.paymentDetails built) against their rail, before
     * Unigox is asked: the rail must be one Unigox offers for the currency, an institution must be named
     * where the rail requires one, and every required field must be there (for a rail with several
     * formats, every required field of at least one format). Only presence is checked: the formats'
     * patterns come from the upstream and are left to Unigox, which checks them itself.
     *
     * @throws ApiProblem 400 naming {@code rail}, {@code institution_id} or {@code details.<field>}
     */
    public Map<String, Object> checkDetails(Object railsData, Map<String, Object> request) {
        String slug = String.valueOf(request.get("rail"));
        Map<String, Object> rail = null;
        List<String> offered = new ArrayList<>();
        for (Object r : list(map(railsData).get("rails"))) {
            Map<String, Object> candidate = map(r);
            offered.add(String.valueOf(candidate.get("slug")));
            if (slug.equals(candidate.get("slug"))) {
                rail = candidate;
            }
        }
        if (rail == null) {
            throw ApiProblem.badField("rail", "rail must be one Unigox pays " + request.get("currency") + " out through: "
                    + (offered.isEmpty() ? "none (see GET /api/v1/payout-currencies)" : String.join(", ", offered)));
        }
        if (Boolean.TRUE.equals(rail.get("institution_required")) && request.get("institution_id") == null) {
            throw ApiProblem.badField("institution_id", "rail " + slug
                    + " needs institution_id, from GET /api/v1/payout-methods/" + slug + "/institutions");
        }
        Map<String, Object> details = map(request.get("details"));
        List<Object> formats = list(rail.get("formats"));
        List<List<String>> fieldSets = new ArrayList<>();
        if (formats.isEmpty()) {
            fieldSets.add(requiredKeys(rail.get("fields")));
        } else {
            for (Object format : formats) {
                fieldSets.add(requiredKeys(map(format).get("fields")));
            }
        }
        String firstMissing = null;
        for (List<String> fields : fieldSets) {
            String missing = fields.stream().filter(key -> blank(details.get(key))).findFirst().orElse(null);
            if (missing == null) {
                return request;
            }
            firstMissing = firstMissing == null ? missing : firstMissing;
        }
        throw ApiProblem.badField("details." + firstMissing, "details." + firstMissing + " is required on rail " + slug
                + " (the fields are listed by GET /api/v1/payout-methods)");
    }

    private static int whole(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        if (value.matches("\\d{1,7}")) {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        }
        throw ApiProblem.badParameter(name, name + " must be an integer from " + min + " to " + max);
    }

    private static List<String> requiredKeys(Object fields) {
        List<String> keys = new ArrayList<>();
        for (Object f : list(fields)) {
            Map<String, Object> field = map(f);
            if (Boolean.TRUE.equals(field.get("required")) && field.get("key") instanceof String key) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static boolean blank(Object value) {
        return value == null || value instanceof String s && s.isBlank();
    }

    private static String code(String value, String name, int length) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!value.matches("[A-Za-z]{" + length + "}")) {
            throw ApiProblem.badParameter(name, name + " must be " + length + " letters"
                    + (length == 2 ? " (ISO 3166-1, e.g. DE)" : " (ISO 4217, e.g. EUR)"));
        }
        return value.toUpperCase(Locale.ROOT);
    }

    private static String railSlug(String value, String name) {
        if (value == null || !value.matches(RAIL_SLUG)) {
            throw ApiProblem.badParameter(name, name + " must be a rail slug as GET /api/v1/payout-methods lists it, e.g. iban-sepa");
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }
}
