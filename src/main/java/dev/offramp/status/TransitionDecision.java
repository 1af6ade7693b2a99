package dev.offramp.status;

/**
 * What the state machine says about one proposed status change.
 *
 * @param applied whether the change is to be written
 * @param from the order's current provider status (null for a new order)
 * @param to the proposed provider status
 * @param canonicalStatus the canonical status after the decision (the current one when ignored)
 * @param reason why a change is ignored; null when applied
 */
public record TransitionDecision(boolean applied, String from, String to, String canonicalStatus, String reason) {

    /** Longest reason the timeline records (order_timeline.reason). */
    public static final int MAX_REASON_LENGTH = 300;

    public TransitionDecision {
        if (reason != null && reason.length() > MAX_REASON_LENGTH) {
            reason = reason.substring(0, MAX_REASON_LENGTH - 3) + "...";
        }
    }

    /** Longest provider status the order store records (orders.provider_status, timeline to_status). */
    public static final int MAX_STATUS_LENGTH = 60;

    public String outcome() {
        return applied ? "applied" : "ignored";
    }

    /** The proposed status as the timeline records it: an absurdly long unknown status is cut, not refused. */
    public String recordedTo() {
        if (to == null || to.isBlank()) {
            return "(none)";
        }
        return to.length() > MAX_STATUS_LENGTH ? to.substring(0, MAX_STATUS_LENGTH) : to;
    }
}
