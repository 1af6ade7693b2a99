package dev.offramp.sandbox.unigox;

import java.time.Instant;
import java.util.Map;

/**
 * A locked price for one user and payout profile. Works once; expires at {@code expiresAt}; once
 * an initiate found the price moved it stays stale, so every later initiate of it asks for a requote.
 */
final class Quote {

    private final String quoteId;
    private final String userUuid;
    private final long paymentDetailsId;
    private final Price price;
    private Instant expiresAt;
    private boolean used;
    private boolean stale;

    Quote(String quoteId, String userUuid, long paymentDetailsId, Price price, Instant expiresAt) {
        this.quoteId = quoteId;
        this.userUuid = userUuid;
        this.paymentDetailsId = paymentDetailsId;
        this.price = price;
        this.expiresAt = expiresAt;
    }

    String quoteId() {
        return quoteId;
    }

    String userUuid() {
        return userUuid;
    }

    long paymentDetailsId() {
        return paymentDetailsId;
    }

    Price price() {
        return price;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    boolean used() {
        return used;
    }

    boolean stale() {
        return stale;
    }

    boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    void markUsed() {
        used = true;
    }

    void markStale() {
        stale = true;
    }

    void expireAt(Instant when) {
        expiresAt = when;
    }

    Map<String, Object> view() {
        return UnigoxJson.object(
                "quote_id", quoteId,
                "anchor_type", price.anchor(),
                "rate", price.rate().toPlainString(),
                "crypto_amount", UnigoxAmounts.crypto(price.cryptoAmount()),
                "fiat_amount", UnigoxAmounts.fiat(price.fiatAmount()),
                "fee_breakdown", price.feeBreakdown(),
                // an integer here, as in the quote request; a string everywhere else
                "payment_details_id", paymentDetailsId,
                "payment_method_id", 5,
                "payment_network_id", 12,
                "expires_at", Times.iso(expiresAt),
                // the simulated provider never confirms settlement: the partner always confirms
                "has_fiat_settlement_notification", false);
    }
}
