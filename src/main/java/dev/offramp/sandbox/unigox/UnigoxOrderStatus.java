package dev.offramp.sandbox.unigox;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The off-ramp statuses the simulator uses, with what the contract says about each: its timeline
 * text, {@code allowed_actions} and {@code next_action} (reference §7), and where the automatic
 * clock takes it. A status without an automatic successor waits for the partner (authorize,
 * confirm) or is an ending. The declaration order is the main path's order: {@link #onMainPath()}
 * and {@link #escrowFunded()} compare positions in it.
 */
enum UnigoxOrderStatus {
    CREATED("created", "Order created", List.of("cancel"), null),
    // EUR/AUD/GBP without the recipient's address in KYC: waits for PATCH .../kyc (AddressRule), not the clock
    PENDING_ADDRESS("pending_address", "Awaiting the recipient's address", List.of("cancel"), "update_kyc_address"),
    AWAITING_LIQUIDITY_PROVIDER("awaiting_liquidity_provider", "Order created and awaiting liquidity provider",
            List.of("cancel"), null),
    AWAITING_CRYPTO_TRANSFER_AUTHORIZATION("awaiting_crypto_transfer_authorization",
            "Awaiting crypto transfer authorization", List.of("authorize-crypto-transfer", "cancel"),
            "authorize_crypto_transfer"),
    // no cancel: the authorization may already be on chain (changelog 2026-08-26)
    CRYPTO_TRANSFER_AUTHORIZATION_PENDING("crypto_transfer_authorization_pending",
            "Crypto transfer authorization submitted, awaiting on-chain confirmation", List.of(), null),
    CRYPTO_RECEIVED("crypto_received", "Crypto received in escrow", List.of("confirm-fiat-received"), null),
    FIAT_PAYMENT_STARTED("fiat_payment_started", "Buyer submitted fiat payment proof",
            List.of("confirm-fiat-received"), null),
    FIAT_PAYMENT_REVIEW_STARTED("fiat_payment_review_started", "Payment proof under review", List.of(), null),
    AWAITING_FIAT_RECEIVED_CONFIRMATION("awaiting_fiat_received_confirmation",
            "Proof approved, awaiting fiat received confirmation", List.of("confirm-fiat-received"),
            "confirm_fiat_received"),
    FIAT_RECEIVED_CONFIRMED("fiat_received_confirmed", "Fiat receipt confirmed, crypto release pending", List.of(), null),
    CRYPTO_RELEASE_PENDING("crypto_release_pending", "Escrow release in progress", List.of(), null),
    COMPLETED("completed", "Order completed", List.of(), null),
    CANCELLED("cancelled", "Order cancelled", List.of(), null),
    FAILED("failed", "Order failed", List.of(), null),
    DISPUTE_STARTED("dispute_started", "Dispute opened", List.of(), null),
    // the refund's statuses appear in refund answers and webhooks; GET /orders reads them as cancelled
    REFUND_PENDING("refund_pending", "Refund authorized, executing on chain", List.of(), null),
    REFUNDED("refunded", "Crypto refunded to the partner wallet", List.of(), null),
    // never reached here (initiate answers 409 PRICE_CHANGED_REQUOTE instead); known for the list filter
    PRICE_CHANGED_REQUOTE_NEEDED("price_changed_requote_needed", "Price changed, new quote needed", List.of(),
            "request_new_quote");

    private final String wire;
    private final String description;
    private final List<String> allowedActions;
    private final String nextAction;

    UnigoxOrderStatus(String wire, String description, List<String> allowedActions, String nextAction) {
        this.wire = wire;
        this.description = description;
        this.allowedActions = allowedActions;
        this.nextAction = nextAction;
    }

    String wire() {
        return wire;
    }

    String description() {
        return description;
    }

    List<String> allowedActions() {
        return allowedActions;
    }

    String nextAction() {
        return nextAction;
    }

    /** Where the clock moves an order on its own: vendor match, chain, buyer, admin and release steps. */
    Optional<UnigoxOrderStatus> automaticNext() {
        return Optional.ofNullable(switch (this) {
            case CREATED -> AWAITING_LIQUIDITY_PROVIDER;
            case AWAITING_LIQUIDITY_PROVIDER -> AWAITING_CRYPTO_TRANSFER_AUTHORIZATION;
            case CRYPTO_TRANSFER_AUTHORIZATION_PENDING -> CRYPTO_RECEIVED;
            case CRYPTO_RECEIVED -> FIAT_PAYMENT_STARTED;
            case FIAT_PAYMENT_STARTED -> FIAT_PAYMENT_REVIEW_STARTED;
            case FIAT_PAYMENT_REVIEW_STARTED -> AWAITING_FIAT_RECEIVED_CONFIRMATION;
            case FIAT_RECEIVED_CONFIRMED -> CRYPTO_RELEASE_PENDING;
            case CRYPTO_RELEASE_PENDING -> COMPLETED;
            case REFUND_PENDING -> REFUNDED;
            default -> null;
        });
    }

    /** Still on the way to {@code completed}: cancel, fail and dispute endings start from here. */
    boolean onMainPath() {
        return ordinal() <= CRYPTO_RELEASE_PENDING.ordinal();
    }

    /** The crypto sits in the escrow: an ending from here may owe the partner a refund. */
    boolean escrowFunded() {
        return ordinal() >= CRYPTO_RECEIVED.ordinal() && ordinal() <= CRYPTO_RELEASE_PENDING.ordinal()
                || this == DISPUTE_STARTED;
    }

    /**
     * The status GET /orders/{order_id} shows. The contract: a cancelled order reads {@code cancelled}
     * whether its refund is owed, under way or paid out, "the status does not distinguish them and never
     * will"; only allowed_actions does.
     */
    String readsAs() {
        return this == REFUND_PENDING || this == REFUNDED ? CANCELLED.wire : wire;
    }

    static Optional<UnigoxOrderStatus> fromWire(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(wire)).findFirst();
    }
}
