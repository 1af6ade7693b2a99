package dev.offramp.sandbox.unigox;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How the simulator misbehaves when it sends webhooks, to test a receiver's dedupe and ordering:
 * as told; every event twice with the same {@code event_id}; twice with a fresh {@code event_id}
 * (the real duplicate pattern of changelog 2026-08-23); each event held back until the next one has
 * been sent; nothing sent at all (but still recorded); or only the refund's events left unsent
 * ({@code order.refund.required} is sent once, and a lost one leaves the user's crypto in escrow with
 * nobody told: reconciliation must find it).
 */
enum WebhookMode {
    NORMAL, DUPLICATE_SAME_ID, DUPLICATE_NEW_ID, REORDER, DROP, DROP_REFUND;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<WebhookMode> fromWire(String wire) {
        return Arrays.stream(values()).filter(m -> m.wire().equals(wire)).findFirst();
    }
}
