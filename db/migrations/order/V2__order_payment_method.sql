-- The payment method an order pays with (ADR 8, "Payment methods"): the payment module's token for
-- the customer's card, never the card. It lets the saga, and its recovery after an outage, authorize
-- the payment later. Orders placed before this migration have none (recovery cannot pay those).
ALTER TABLE orders ADD COLUMN payment_method VARCHAR(40);
