-- Payment methods (ADR 8, "Payment methods"): a card is handed to the processor once, which keeps it
-- and issues a token; authorizations name the token, so a payment can be authorized later (the
-- checkout saga's recovery does, after an outage of this module) and no one stores the card number.

-- The methods issued, as Cleave knows them: token, owner, brand, last four, expiry. The key is the
-- caller's idempotency key (the checkout uses the order id); the fingerprint is a SHA-256 over
-- customer, brand, last four and expiry, never the number.
CREATE TABLE payment_methods (
    method_key          VARCHAR(64)  PRIMARY KEY CHECK (method_key ~ '^[A-Za-z0-9-]+$'),
    token               VARCHAR(40)  NOT NULL UNIQUE CHECK (token ~ '^pm_[A-Za-z0-9]{24}$'),
    customer_id         VARCHAR(64)  NOT NULL,
    card_brand          VARCHAR(16)  NOT NULL,
    card_last4          VARCHAR(4)   NOT NULL CHECK (card_last4 ~ '^[0-9]{4}$'),
    expiry_month        SMALLINT     NOT NULL CHECK (expiry_month BETWEEN 1 AND 12),
    expiry_year         SMALLINT     NOT NULL CHECK (expiry_year BETWEEN 2000 AND 2099),
    request_fingerprint CHAR(64)     NOT NULL,
    created_at          TIMESTAMPTZ  NOT NULL
);

-- The method a payment was authorized with: what lets the reconciler send an authorization whose
-- answer was never received again (the processor answers a repeated reference with its first answer).
-- Payments made before this migration have none.
ALTER TABLE payments ADD COLUMN payment_method VARCHAR(40);

-- Stands for the processor's card vault (a real processor keeps the card on its side). The simulated
-- processor needs only how a test card behaves, so it keeps that, not the number.
CREATE TABLE processor_vault (
    token      VARCHAR(40)  PRIMARY KEY,
    behaviour  VARCHAR(32)  NOT NULL CHECK (behaviour IN
                 ('APPROVED', 'CARD_DECLINED', 'INSUFFICIENT_FUNDS', 'PROCESSOR_ERROR', 'SLOW')),
    created_at TIMESTAMPTZ  NOT NULL
);
