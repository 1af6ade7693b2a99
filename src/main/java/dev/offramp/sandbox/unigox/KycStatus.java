package dev.offramp.sandbox.unigox;

/** A user's partner-facing KYC status, named as on the wire. */
enum KycStatus {
    NOT_INITIATED,
    IN_PROGRESS,
    UNDER_REVIEW,
    VERIFIED,
    VERIFICATION_REJECTED;

    /**
     * The {@code kyc_status} of the {@code user.kyc.updated} webhook, or null when the contract
     * fires no webhook for this status (it documents only VERIFIED, REJECTED and UNDER_REVIEW).
     */
    String webhookValue() {
        return switch (this) {
            case VERIFIED -> "VERIFIED";
            case VERIFICATION_REJECTED -> "REJECTED";
            case UNDER_REVIEW -> "UNDER_REVIEW";
            default -> null;
        };
    }
}
