package dev.offramp.sandbox.unigox;

import java.util.Map;

/**
 * A refusal the simulator answers with, in one of the two error envelopes the Unigox contract uses:
 * the legacy {@code {"success":false,"data":{"error_key":..}}} of the users, KYC and webhook
 * endpoints, or the partner {@code {"success":false,"error":{"code":..}}} of offramp and orders.
 * Thrown from anywhere inside a request; {@link UnigoxSimulator} renders it.
 */
final class SimError extends RuntimeException {

    enum Envelope { LEGACY, PARTNER }

    private final Envelope envelope;
    private final int status;
    private final String code;
    private final transient Map<String, Object> details;

    private SimError(Envelope envelope, int status, String code, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.envelope = envelope;
        this.status = status;
        this.code = code;
        this.details = details;
    }

    /** Legacy envelope; {@code message} may be null (several documented errors carry only the key). */
    static SimError legacy(int status, String errorKey, String message) {
        return new SimError(Envelope.LEGACY, status, errorKey, message, null);
    }

    static SimError partner(int status, String code, String message) {
        return new SimError(Envelope.PARTNER, status, code, message, null);
    }

    static SimError partner(int status, String code, String message, Map<String, Object> details) {
        return new SimError(Envelope.PARTNER, status, code, message, details);
    }

    /** The same refusal in the envelope of the endpoint family it happened in. */
    static SimError inFamily(Envelope envelope, int status, String partnerCode, String legacyKey, String message) {
        return envelope == Envelope.LEGACY
                ? legacy(status, legacyKey, message)
                : partner(status, partnerCode, message);
    }

    int status() {
        return status;
    }

    Map<String, Object> body() {
        if (envelope == Envelope.LEGACY) {
            Map<String, Object> data = UnigoxJson.object("error_key", code);
            if (getMessage() != null) {
                data.put("message", getMessage());
            }
            return UnigoxJson.object("success", false, "data", data);
        }
        return UnigoxJson.object("success", false, "error",
                UnigoxJson.object("code", code, "message", getMessage(), "details", details));
    }
}
