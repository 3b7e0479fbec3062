-- Stock reservations for orders (checkout saga): units held for an order are "reserved" until the
-- order commits them (they leave on_hand) or releases them (they become available again).
-- Invariant, kept by the database: 0 <= reserved <= on_hand, so stock is never negative or oversold.

ALTER TABLE inventory_items ADD COLUMN reserved INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0);
ALTER TABLE inventory_items ADD CONSTRAINT inventory_items_reserved_within_on_hand CHECK (reserved <= on_hand);

-- One reservation per order id (the idempotency key of reserve/commit/release). A rejected
-- reservation is kept too, so that a retried reserve gets the same answer.
CREATE TABLE reservations (
    order_id    VARCHAR(64) PRIMARY KEY CHECK (order_id ~ '^[A-Za-z0-9-]+$'),
    status      VARCHAR(16) NOT NULL CHECK (status IN ('HELD', 'COMMITTED', 'RELEASED', 'REJECTED')),
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    version     BIGINT      NOT NULL DEFAULT 0
);

CREATE INDEX reservations_held_expiry_idx ON reservations (expires_at) WHERE status = 'HELD';

CREATE TABLE reservation_lines (
    order_id    VARCHAR(64) NOT NULL REFERENCES reservations (order_id) ON DELETE CASCADE,
    product_id  BIGINT      NOT NULL,
    quantity    INTEGER     NOT NULL CHECK (quantity > 0),
    -- false when this line made the reservation fail (unknown, inactive or not enough stock)
    available   BOOLEAN     NOT NULL,
    PRIMARY KEY (order_id, product_id)
);
