-- Order module: one server-side cart per customer, orders with their price snapshot, and the state
-- of each order's checkout saga. Runs with search_path set to the module's own schema ("ordering"
-- by default); nothing here names a schema or refers to another module's tables: product and
-- customer ids are plain values (the other modules own those rows).

CREATE TABLE cart_items (
    customer_id VARCHAR(64) NOT NULL,
    product_id  BIGINT      NOT NULL CHECK (product_id > 0),
    quantity    INTEGER     NOT NULL CONSTRAINT cart_items_quantity_range CHECK (quantity BETWEEN 1 AND 100),
    added_at    TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (customer_id, product_id)
);

CREATE TABLE orders (
    id                  UUID          PRIMARY KEY,
    customer_id         VARCHAR(64)   NOT NULL,
    -- the client's Idempotency-Key: one order per customer and key
    idempotency_key     VARCHAR(255)  NOT NULL,
    request_fingerprint CHAR(64)      NOT NULL,
    status              VARCHAR(24)   NOT NULL CHECK (status IN ('PLACED', 'STOCK_RESERVED', 'PAYMENT_AUTHORIZED',
                          'CONFIRMED', 'REJECTED', 'PAYMENT_DECLINED', 'FAILED', 'CANCELLING', 'CANCELLED')),
    failure_reason      VARCHAR(300),
    total_amount        NUMERIC(12,2) NOT NULL CHECK (total_amount > 0),
    currency            CHAR(3)       NOT NULL,
    -- the card as the order shows it: brand and last four digits, never the number
    card_brand          VARCHAR(16)   NOT NULL,
    card_last4          VARCHAR(4)    NOT NULL CHECK (card_last4 ~ '^[0-9]{4}$'),
    ship_recipient      VARCHAR(200)  NOT NULL,
    ship_line1          VARCHAR(200)  NOT NULL,
    ship_line2          VARCHAR(200),
    ship_postal_code    VARCHAR(20)   NOT NULL,
    ship_city           VARCHAR(100)  NOT NULL,
    ship_region         VARCHAR(100),
    ship_country        CHAR(2)       NOT NULL,
    placed_at           TIMESTAMPTZ   NOT NULL,
    updated_at          TIMESTAMPTZ   NOT NULL,
    -- set when the order reached a final state (CONFIRMED counts: it is final unless cancelled)
    completed_at        TIMESTAMPTZ,
    recovery_attempts   INTEGER       NOT NULL DEFAULT 0,
    version             BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT orders_customer_idempotency_key UNIQUE (customer_id, idempotency_key)
);

CREATE INDEX orders_customer_placed_idx ON orders (customer_id, placed_at DESC, id);
CREATE INDEX orders_status_placed_idx ON orders (status, placed_at DESC);
-- what the recovery job scans: sagas that have not reached a final state
CREATE INDEX orders_unfinished_idx ON orders (updated_at)
    WHERE status IN ('PLACED', 'STOCK_RESERVED', 'PAYMENT_AUTHORIZED', 'CANCELLING');

CREATE TABLE order_lines (
    order_id   UUID          NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_id BIGINT        NOT NULL,
    sku        VARCHAR(64)   NOT NULL,
    name       VARCHAR(200)  NOT NULL,
    unit_price NUMERIC(12,2) NOT NULL CHECK (unit_price >= 0),
    quantity   INTEGER       NOT NULL CHECK (quantity BETWEEN 1 AND 100),
    PRIMARY KEY (order_id, product_id)
);
