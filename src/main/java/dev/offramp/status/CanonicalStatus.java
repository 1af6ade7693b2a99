package dev.offramp.status;

import java.util.Locale;

/**
 * The one status vocabulary the business's app sees, whichever upstream holds the order.
 * The provider's own status is always shown beside it; the mapping table is in the README.
 */
public enum CanonicalStatus {
    /**
     * Recorded by the bundle before the upstream was asked to create the order, and still so when its
     * answer was lost (timeout, 5xx, connection dropped): the upstream may or may not hold the order.
     * The bundle looks it up by our reference until it is found or given up ({@code failed}).
     */
    CREATION_UNCONFIRMED,
    /** Placed upstream; nobody has to act yet (Unigox: waiting for a liquidity provider). */
    CREATED,
    /** The business or its user must act: authorize the transfer, confirm fiat, complete an address. */
    AWAITING_ACTION,
    /** Moving on its own: crypto in escrow, fiat under way, release pending. */
    PROCESSING,
    /** Held by the provider (Changelly {@code hold}). */
    ON_HOLD,
    /** A dispute is open (Unigox {@code dispute_started}). */
    DISPUTED,
    COMPLETED,
    CANCELLED,
    EXPIRED,
    FAILED,
    REFUND_PENDING,
    REFUNDED;

    /** snake_case name used in JSON and in the database. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CanonicalStatus fromWireName(String value) {
        if (value != null) {
            for (CanonicalStatus s : values()) {
                if (s.wireName().equals(value.trim().toLowerCase(Locale.ROOT))) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException("unknown status '" + value + "'");
    }
}
