package dev.offramp.status;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The upstreams an order can live at: the bundle's one list of them. The wire id is what the API, the
 * database and the routes use; everything else an upstream is known by (its name in messages, the prefix
 * of its settings and environment variables, its on/off switch) derives from here. Declaration order is
 * the order messages and the prod check name them.
 */
public enum Provider {
    UNIGOX("unigox", "Unigox", 2),
    CHANGELLY("changelly", "Changelly", 1);

    private final String id;
    private final String displayName;
    private final int offersPosition;

    Provider(String id, String displayName, int offersPosition) {
        this.id = id;
        this.displayName = displayName;
        this.offersPosition = offersPosition;
    }

    public String id() {
        return id;
    }

    /** How messages name it, e.g. {@code Unigox}. */
    public String displayName() {
        return displayName;
    }

    /** The prefix of its environment variables, e.g. {@code UNIGOX} (UNIGOX_BASE_URL). */
    public String variablePrefix() {
        return id.toUpperCase(Locale.ROOT);
    }

    /** The property key of its switch, e.g. {@code offramp.unigox.enabled}. */
    public String switchProperty() {
        return "offramp." + id + ".enabled";
    }

    /** The environment variable of its switch, e.g. {@code OFFRAMP_UNIGOX_ENABLED}. */
    public String switchVariable() {
        return "OFFRAMP_" + variablePrefix() + "_ENABLED";
    }

    /** Every provider's wire id, in declaration order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Provider::id).toList();
    }

    /**
     * The order the offers fan-out (routes/offers/offramp-offers) asks them in, which is also the order of
     * the offers answer's timeout entries: Changelly first.
     */
    public static List<Provider> inOffersOrder() {
        return Arrays.stream(values()).sorted(Comparator.comparingInt(p -> p.offersPosition)).toList();
    }

    /** @throws IllegalArgumentException naming the value when it is not a provider we integrate */
    public static Provider fromId(String id) {
        if (id != null) {
            String wanted = id.trim().toLowerCase(Locale.ROOT);
            for (Provider p : values()) {
                if (p.id.equals(wanted)) {
                    return p;
                }
            }
        }
        throw new IllegalArgumentException("unknown provider '" + id + "' (expected "
                + Arrays.stream(values()).map(Provider::id).collect(Collectors.joining(" or ")) + ")");
    }

    @Override
    public String toString() {
        return id;
    }
}
