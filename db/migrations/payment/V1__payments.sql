-- Payment module: card payments keyed by an idempotency key (the checkout uses the order id), and
-- the simulated card processor's own ledger. Runs with search_path set to the module's own schema
-- ("payments" by default); nothing here names a schema or refers to another module's tables.
--
-- No column holds a full card number or a security code: brand and last four digits only. The
-- request fingerprint is a SHA-256 over the request without the card number (customer, amount,
-- currency, brand, last four, expiry), so nothing derived from the full number is stored either.

CREATE TABLE payments (
    payment_key          VARCHAR(64)   PRIMARY KEY CHECK (payment_key ~ '^[A-Za-z0-9-]+$'),
    customer_id          VARCHAR(64)   NOT NULL,
    amount               NUMERIC(12,2) NOT NULL CHECK (amount > 0),
    currency             CHAR(3)       NOT NULL,
    card_brand           VARCHAR(16)   NOT NULL,
    card_last4           VARCHAR(4)    NOT NULL CHECK (card_last4 ~ '^[0-9]{4}$'),
    request_fingerprint  CHAR(64)      NOT NULL,
    status               VARCHAR(16)   NOT NULL CHECK (status IN
                           ('PROCESSING', 'AUTHORIZED', 'DECLINED', 'FAILED', 'CAPTURED', 'VOIDED', 'REFUNDED')),
    failure              VARCHAR(32)   CHECK (failure IN
                           ('CARD_DECLINED', 'INSUFFICIENT_FUNDS', 'PROCESSOR_ERROR', 'PROCESSOR_UNREACHABLE')),
    -- the processor's reference for the authorization, once it answered
    processor_reference  VARCHAR(64),
    created_at           TIMESTAMPTZ   NOT NULL,
    updated_at           TIMESTAMPTZ   NOT NULL,
    captured_at          TIMESTAMPTZ,
    version              BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT payments_failure_iff_unsuccessful
        CHECK ((status IN ('DECLINED', 'FAILED')) = (failure IS NOT NULL)),
    CONSTRAINT payments_captured_at_iff_captured
        CHECK ((status IN ('CAPTURED', 'REFUNDED')) = (captured_at IS NOT NULL))
);

CREATE INDEX payments_processing_idx ON payments (updated_at) WHERE status = 'PROCESSING';
CREATE INDEX payments_customer_idx ON payments (customer_id, created_at);

-- Stands for the processor's own records (a real processor keeps them on its side): one row per
-- authorization attempt it answered, so an attempt whose answer we lost in a crash can be looked up,
-- and the money movements on it (captures, voids and refunds happen at most once each).
CREATE TABLE processor_ledger (
    reference   VARCHAR(64)   PRIMARY KEY,
    outcome     VARCHAR(32)   NOT NULL CHECK (outcome IN
                  ('APPROVED', 'CARD_DECLINED', 'INSUFFICIENT_FUNDS', 'PROCESSOR_ERROR')),
    amount      NUMERIC(12,2) NOT NULL,
    currency    CHAR(3)       NOT NULL,
    answered_at TIMESTAMPTZ   NOT NULL,
    captured_at TIMESTAMPTZ,
    voided_at   TIMESTAMPTZ,
    refunded_at TIMESTAMPTZ,
    CONSTRAINT processor_ledger_moves_only_approved
        CHECK (outcome = 'APPROVED' OR (captured_at IS NULL AND voided_at IS NULL AND refunded_at IS NULL)),
    CONSTRAINT processor_ledger_capture_or_void CHECK (captured_at IS NULL OR voided_at IS NULL),
    CONSTRAINT processor_ledger_refund_after_capture CHECK (refunded_at IS NULL OR captured_at IS NOT NULL)
);
