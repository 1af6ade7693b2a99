package dev.offramp.status;

import java.util.Locale;

/** The upstreams an order can live at. The wire id is what the API, the database and the routes use. */
public enum Provider {
    UNIGOX("unigox"),
    CHANGELLY("changelly");

    private final String id;

    Provider(String id) {
        this.id = id;
    }

    public String id() {
        return id;
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
        throw new IllegalArgumentException("unknown provider '" + id + "' (expected unigox or changelly)");
    }

    @Override
    public String toString() {
        return id;
    }
}
