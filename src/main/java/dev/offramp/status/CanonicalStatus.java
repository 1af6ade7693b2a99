package dev.offramp.status;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

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

    /** Where an order ended as the business wanted: a status change to one of these "finished" it. */
    public static final Set<CanonicalStatus> FINISHED = Collections.unmodifiableSet(EnumSet.of(COMPLETED, REFUNDED));

    /** Where somebody should look at the order: a status change to one of these "needs attention". */
    public static final Set<CanonicalStatus> NEEDING_ATTENTION = Collections.unmodifiableSet(
            EnumSet.of(FAILED, CANCELLED, EXPIRED, DISPUTED, ON_HOLD));

    /** The wire names of a group, comma-separated in declaration order (for a Simple {@code in}). */
    public static String wireNames(Set<CanonicalStatus> group) {
        return group.stream().sorted().map(CanonicalStatus::wireName).collect(Collectors.joining(","));
    }

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
