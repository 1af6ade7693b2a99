package dev.offramp.sandbox.changelly;

import java.util.Arrays;
import java.util.Optional;

/** The documented order statuses, spelled as on the wire, and the sandbox clock's path through them. */
enum ChangellyOrderStatus {
    created, pending, hold, refunded, expired, failed, complete;

    static Optional<ChangellyOrderStatus> parse(String text) {
        return Arrays.stream(values()).filter(s -> s.name().equals(text)).findFirst();
    }

    /** The next status on the happy path the clock drives (created → pending → complete), if any. */
    Optional<ChangellyOrderStatus> nextStep() {
        return switch (this) {
            case created -> Optional.of(pending);
            case pending -> Optional.of(complete);
            default -> Optional.empty();
        };
    }
}
