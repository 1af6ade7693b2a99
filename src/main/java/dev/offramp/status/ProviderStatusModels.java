package dev.offramp.status;

import static dev.offramp.status.CanonicalStatus.AWAITING_ACTION;
import static dev.offramp.status.CanonicalStatus.CANCELLED;
import static dev.offramp.status.CanonicalStatus.COMPLETED;
import static dev.offramp.status.CanonicalStatus.CREATED;
import static dev.offramp.status.CanonicalStatus.CREATION_UNCONFIRMED;
import static dev.offramp.status.CanonicalStatus.DISPUTED;
import static dev.offramp.status.CanonicalStatus.EXPIRED;
import static dev.offramp.status.CanonicalStatus.FAILED;
import static dev.offramp.status.CanonicalStatus.ON_HOLD;
import static dev.offramp.status.CanonicalStatus.PROCESSING;
import static dev.offramp.status.CanonicalStatus.REFUNDED;
import static dev.offramp.status.CanonicalStatus.REFUND_PENDING;

/** The status models of the two upstreams, from their published documentation. */
public final class ProviderStatusModels {

    private static final String CANCEL = "cancel";
    private static final String AUTHORIZE = "authorize-crypto-transfer";
    private static final String CONFIRM = "confirm-fiat-received";

    /**
     * The bundle's own first status of every order, for both upstreams: written before the creation
     * request leaves, so a lost answer can never lead to a second upstream order. Not a status either
     * upstream sends; any of theirs moves an order on from it, and {@code failed} ends it when the
     * upstream never shows the order.
     */
    public static final String CREATION_UNCONFIRMED = "creation_unconfirmed";

    private ProviderStatusModels() {
    }

    /**
     * Unigox off-ramp (instant flow). Main path from the playbook and the PartnerOrderStatus enum;
     * {@code pending_address} (EUR/AUD/GBP orders missing an address) sits before vendor matching and
     * {@code settlement_in_progress} (T+1 settlement) before completion. The exits from
     * {@code dispute_started} are not documented by Unigox; completed and cancelled are the only ones
     * allowed. {@code crypto_transfer_authorization_pending} advertises no cancel since the
     * 2026-08-26 changelog (the authorization may already be on chain).
     */
    public static ProviderStatusModel unigox() {
        return ProviderStatusModel.builder(Provider.UNIGOX)
                .step(CREATION_UNCONFIRMED, CanonicalStatus.CREATION_UNCONFIRMED)
                .step("created", CREATED, CANCEL)
                .step("pending_address", AWAITING_ACTION, CANCEL)
                .step("awaiting_liquidity_provider", CREATED, CANCEL)
                .step("awaiting_crypto_transfer_authorization", AWAITING_ACTION, AUTHORIZE, CANCEL)
                .step("crypto_transfer_authorization_pending", PROCESSING)
                .step("crypto_received", PROCESSING, CONFIRM)
                .step("fiat_payment_started", PROCESSING, CONFIRM)
                .step("fiat_payment_review_started", PROCESSING)
                .step("awaiting_fiat_received_confirmation", AWAITING_ACTION, CONFIRM)
                .step("fiat_received_confirmed", PROCESSING)
                .step("crypto_release_pending", PROCESSING)
                .step("settlement_in_progress", PROCESSING)
                .step("completed", COMPLETED)
                .ending("cancelled", CANCELLED)
                .ending("failed", FAILED)
                .ending("dispute_started", DISPUTED)
                .ending("price_changed_requote_needed", CANCELLED)
                .ending("returned", REFUNDED)
                .sideStatus("refund_pending", REFUND_PENDING)
                .sideStatus("refunded", REFUNDED)
                .wayOut("dispute_started", "completed", "cancelled")
                .wayOut("cancelled", "refund_pending", "refunded")
                .wayOut("refund_pending", "refunded")
                .build();
    }

    /**
     * Changelly Fiat API sell orders. {@code refunded} is not final: the provider may still match the
     * transfer and complete the order (see the reference); {@code expired}, {@code failed} and
     * {@code complete} are final. {@code hold} ranks after {@code pending}, so a hold that is lifted
     * back to {@code pending} is ignored until the next forward status arrives.
     */
    public static ProviderStatusModel changelly() {
        return ProviderStatusModel.builder(Provider.CHANGELLY)
                .step(CREATION_UNCONFIRMED, CanonicalStatus.CREATION_UNCONFIRMED)
                .step("created", CREATED)
                .step("pending", PROCESSING)
                .step("hold", ON_HOLD)
                .step("complete", COMPLETED)
                .ending("refunded", REFUNDED)
                .ending("expired", EXPIRED)
                .ending("failed", FAILED)
                .wayOut("refunded", "complete")
                .build();
    }
}
