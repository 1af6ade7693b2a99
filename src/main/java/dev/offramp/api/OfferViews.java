package dev.offramp.api;

import java.util.List;
import java.util.Map;

/** The answer of the offers API: {@code {"offers":[...]}}, best payout first, error entries last. */
public final class OfferViews {

    public Map<String, Object> answer(List<Map<String, Object>> offers) {
        return Map.of("offers", offers);
    }
}
