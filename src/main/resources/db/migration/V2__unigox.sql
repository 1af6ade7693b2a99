-- Unigox: firm quotes we asked for (an order is created from a quote id, and the order needs the
-- user and payment details the quote was for), and the refund action a cancelled order may owe.

CREATE TABLE unigox_quotes (
    quote_id            VARCHAR(64)  NOT NULL PRIMARY KEY,
    user_id             VARCHAR(36)  NOT NULL REFERENCES users (id),
    payment_details_id  VARCHAR(36)  NOT NULL REFERENCES payment_details (id),
    crypto_currency     VARCHAR(20)  NOT NULL,
    crypto_amount       DECIMAL(38, 18),
    fiat_currency       VARCHAR(10)  NOT NULL,
    fiat_amount         DECIMAL(38, 8),
    rate                DECIMAL(38, 18),
    expires_at          VARCHAR(40),
    created_at          TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL
);

-- Set by the order.refund.required webhook: the order shows the authorize-refund action.
ALTER TABLE orders ADD COLUMN refund_required BOOLEAN DEFAULT FALSE NOT NULL;

-- The user's KYC state as Unigox last reported it (create, verification-status, user.kyc.updated).
ALTER TABLE users ADD COLUMN kyc_rejection_reasons VARCHAR(2000);
