package dev.offramp.sandbox.unigox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps as the contract writes them: ISO-8601 UTC to the second ({@code 2026-02-01T12:00:05Z}). */
final class Times {

    private Times() {
    }

    static String iso(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
