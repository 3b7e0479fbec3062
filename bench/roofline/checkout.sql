-- The roofline of one checkout (issue 21, item 1): PostgreSQL doing exactly the SQL work of one
-- monolith checkout (add one unit to the cart, then place the order and run the saga to CONFIRMED),
-- with nothing of Cleave in between. Run by bench/suite.sh on the monolith's own database server,
-- against its real tables, beside the measured Cleave; see bench/roofline/README.md.
--
-- Every statement below is copied from PostgreSQL's statement log (log_statement=all) of one
-- checkout in the monolith (2026-12-07, commit be738a9), in the order and the transactions the log
-- shows: 20 transactions, 14 of them writing. Two differences, both about connections, not work:
--   * Cleave's payment module writes the simulated processor's rows (vault, ledger) in their own
--     transaction while its own one is open (REQUIRES_NEW, a second connection). One pgbench client
--     has one connection, so those two transactions run just before the one they nest in.
--   * The values Cleave makes in Java (order id, idempotency key, card token, timestamps) come from
--     one extra statement outside any transaction (the \gset below), and the optimistic-lock
--     versions from the rows the saga locks, as Cleave reads them.
-- A pgbench "transaction" of this script is one confirmed checkout: its tps is orders/s.
--
-- Variables: :pmin, :pmax (the products to buy, one chosen at random per checkout, all in stock);
-- :client_id (pgbench's client number: each client is one customer with its own cart).

\set product random(:pmin, :pmax)
select gen_random_uuid()::text as order_id, gen_random_uuid()::text as idem,
       'pm_' || substr(md5(random()::text), 1, 24) as token,
       md5('roofline-customer-' || :client_id)::uuid::text as customer,
       now()::text as ts, (now() + interval '15 minutes')::text as expires \gset

-- POST /api/v1/cart/items: read the cart; price the product; add the line and read the cart back.
BEGIN;
select ci1_0.customer_id,ci1_0.product_id,ci1_0.added_at,ci1_0.quantity,ci1_0.updated_at from ordering.cart_items ci1_0 where ci1_0.customer_id=:customer order by ci1_0.added_at,ci1_0.product_id;
COMMIT;
BEGIN;
select p1_0.id,p1_0.active,p1_0.category_id,p1_0.created_at,p1_0.description,p1_0.name,p1_0.price_amount,p1_0.price_currency,p1_0.sku,p1_0.updated_at,p1_0.version from catalog.products p1_0 where p1_0.id in (:product) order by p1_0.id;
COMMIT;
BEGIN;
select product_id from ordering.cart_items where customer_id = :customer;
insert into ordering.cart_items (customer_id, product_id, quantity, added_at, updated_at) values (:customer, :product, 1, :ts, :ts) on conflict (customer_id, product_id) do update set quantity = cart_items.quantity + excluded.quantity, updated_at = excluded.updated_at;
select ci1_0.customer_id,ci1_0.product_id,ci1_0.added_at,ci1_0.quantity,ci1_0.updated_at from ordering.cart_items ci1_0 where ci1_0.customer_id=:customer order by ci1_0.added_at,ci1_0.product_id;
COMMIT;

-- POST /api/v1/orders: the cart and the idempotency key; the prices again.
BEGIN;
select ci1_0.customer_id,ci1_0.product_id,ci1_0.added_at,ci1_0.quantity,ci1_0.updated_at from ordering.cart_items ci1_0 where ci1_0.customer_id=:customer order by ci1_0.added_at,ci1_0.product_id;
select o1_0.id,o1_0.card_brand,o1_0.card_last4,o1_0.completed_at,o1_0.currency,o1_0.customer_id,o1_0.failure_reason,o1_0.idempotency_key,o1_0.payment_method,o1_0.placed_at,o1_0.recovery_attempts,o1_0.request_fingerprint,o1_0.ship_city,o1_0.ship_country,o1_0.ship_line1,o1_0.ship_line2,o1_0.ship_postal_code,o1_0.ship_recipient,o1_0.ship_region,o1_0.status,o1_0.total_amount,o1_0.updated_at,o1_0.version from ordering.orders o1_0 where o1_0.customer_id=:customer and o1_0.idempotency_key=:idem;
COMMIT;
BEGIN;
select p1_0.id,p1_0.active,p1_0.category_id,p1_0.created_at,p1_0.description,p1_0.name,p1_0.price_amount,p1_0.price_currency,p1_0.sku,p1_0.updated_at,p1_0.version from catalog.products p1_0 where p1_0.id in (:product) order by p1_0.id \gset p_
COMMIT;

-- Payment method: the simulated processor vaults the card (nested), the method is recorded.
BEGIN;
insert into payments.processor_vault (token, behaviour, created_at) values (:token, 'APPROVED', :ts);
COMMIT;
BEGIN;
select method_key, token, customer_id, card_brand, card_last4, expiry_month, expiry_year, request_fingerprint, created_at from payments.payment_methods where method_key = :order_id;
insert into payments.payment_methods (method_key, token, customer_id, card_brand, card_last4, expiry_month, expiry_year, request_fingerprint, created_at) values (:order_id, :token, :customer, 'VISA', '4242', 12, 2030, '6982c926f7f399ddfed62561d6b0cca0520df28a49f474859b4975fb0442ed35', :ts) on conflict (method_key) do nothing;
COMMIT;

-- The order placed: order, line, cart emptied.
BEGIN;
insert into ordering.orders (card_brand,card_last4,completed_at,currency,customer_id,failure_reason,idempotency_key,payment_method,placed_at,recovery_attempts,request_fingerprint,ship_city,ship_country,ship_line1,ship_line2,ship_postal_code,ship_recipient,ship_region,status,total_amount,updated_at,version,id) values ('VISA','4242',NULL,'EUR',:customer,NULL,:idem,:token,:ts,0,'a7dea5bfdc8040785bddfefe6af1e87fbbdf248cd3c9e8907194dc31ce7f5ad1','Berlin','DE','1 Load Street',NULL,'10115','Bench Customer',NULL,'PLACED',:p_price_amount,:ts,0,:order_id);
insert into ordering.order_lines (order_id,name,product_id,quantity,sku,unit_price) values (:order_id,:p_name,:product,1,:p_sku,:p_price_amount);
delete from ordering.cart_items where customer_id = :customer and product_id in (:product);
COMMIT;

-- Saga, reserve (product module).
BEGIN;
select r1_0.order_id,r1_0.created_at,r1_0.expires_at,r1_0.status,r1_0.updated_at,r1_0.version from catalog.reservations r1_0 where r1_0.order_id=:order_id for no key update;
select ii1_0.product_id,ii1_0.on_hand,ii1_0.reserved,ii1_0.updated_at,ii1_0.version from catalog.inventory_items ii1_0 where ii1_0.product_id in (:product) order by ii1_0.product_id for no key update \gset i_
select p1_0.id,p1_0.active,p1_0.category_id,p1_0.created_at,p1_0.description,p1_0.name,p1_0.price_amount,p1_0.price_currency,p1_0.sku,p1_0.updated_at,p1_0.version from catalog.products p1_0 where p1_0.id in (:product) order by p1_0.id;
insert into catalog.reservations (created_at,expires_at,status,updated_at,version,order_id) values (:ts,:expires,'HELD',:ts,0,:order_id);
\set reserved :i_reserved + 1
\set version :i_version + 1
update catalog.inventory_items set on_hand=:i_on_hand,reserved=:reserved,updated_at=:ts,version=:version where product_id=:product and version=:i_version;
insert into catalog.reservation_lines (order_id,available,product_id,quantity) values (:order_id,true,:product,1);
COMMIT;

-- Saga: the order moves to STOCK_RESERVED.
BEGIN;
select o1_0.id,o1_0.card_brand,o1_0.card_last4,o1_0.completed_at,o1_0.currency,o1_0.customer_id,o1_0.failure_reason,o1_0.idempotency_key,o1_0.payment_method,o1_0.placed_at,o1_0.recovery_attempts,o1_0.request_fingerprint,o1_0.ship_city,o1_0.ship_country,o1_0.ship_line1,o1_0.ship_line2,o1_0.ship_postal_code,o1_0.ship_recipient,o1_0.ship_region,o1_0.status,o1_0.total_amount,o1_0.updated_at,o1_0.version from ordering.orders o1_0 where o1_0.id=:order_id for no key update;
select l1_0.order_id,l1_0.name,l1_0.product_id,l1_0.quantity,l1_0.sku,l1_0.unit_price from ordering.order_lines l1_0 where l1_0.order_id=:order_id;
update ordering.orders set completed_at=NULL,failure_reason=NULL,recovery_attempts=0,ship_city='Berlin',ship_country='DE',ship_line1='1 Load Street',ship_line2=NULL,ship_postal_code='10115',ship_recipient='Bench Customer',ship_region=NULL,status='STOCK_RESERVED',updated_at=:ts,version=1 where id=:order_id and version=0;
COMMIT;

-- Saga, authorize (payment module): the method, the payment begun, the processor asked, the outcome.
BEGIN;
select method_key, token, customer_id, card_brand, card_last4, expiry_month, expiry_year, request_fingerprint, created_at from payments.payment_methods where token = :token;
COMMIT;
BEGIN;
select p1_0.payment_key,p1_0.amount,p1_0.captured_at,p1_0.card_brand,p1_0.card_last4,p1_0.created_at,p1_0.currency,p1_0.customer_id,p1_0.failure,p1_0.payment_method,p1_0.processor_reference,p1_0.request_fingerprint,p1_0.status,p1_0.updated_at,p1_0.version from payments.payments p1_0 where p1_0.payment_key=:order_id;
insert into payments.payments (amount,captured_at,card_brand,card_last4,created_at,currency,customer_id,failure,payment_method,processor_reference,request_fingerprint,status,updated_at,version,payment_key) values (:p_price_amount,NULL,'VISA','4242',:ts,'EUR',:customer,NULL,:token,NULL,'314fc628ad1dfa3086f7fadacaae3805b56781ab87369af6c0da2b2cf2aee173','PROCESSING',:ts,0,:order_id);
COMMIT;
BEGIN;
select behaviour from payments.processor_vault where token = :token;
COMMIT;
BEGIN;
insert into payments.processor_ledger (reference, outcome, amount, currency, answered_at) values (:order_id, 'APPROVED', :p_price_amount, 'EUR', :ts) on conflict (reference) do nothing returning outcome;
COMMIT;
BEGIN;
select p1_0.payment_key,p1_0.amount,p1_0.captured_at,p1_0.card_brand,p1_0.card_last4,p1_0.created_at,p1_0.currency,p1_0.customer_id,p1_0.failure,p1_0.payment_method,p1_0.processor_reference,p1_0.request_fingerprint,p1_0.status,p1_0.updated_at,p1_0.version from payments.payments p1_0 where p1_0.payment_key=:order_id for no key update;
update payments.payments set captured_at=NULL,failure=NULL,processor_reference=:order_id,status='AUTHORIZED',updated_at=:ts,version=1 where payment_key=:order_id and version=0;
COMMIT;

-- Saga: the order moves to PAYMENT_AUTHORIZED.
BEGIN;
select o1_0.id,o1_0.card_brand,o1_0.card_last4,o1_0.completed_at,o1_0.currency,o1_0.customer_id,o1_0.failure_reason,o1_0.idempotency_key,o1_0.payment_method,o1_0.placed_at,o1_0.recovery_attempts,o1_0.request_fingerprint,o1_0.ship_city,o1_0.ship_country,o1_0.ship_line1,o1_0.ship_line2,o1_0.ship_postal_code,o1_0.ship_recipient,o1_0.ship_region,o1_0.status,o1_0.total_amount,o1_0.updated_at,o1_0.version from ordering.orders o1_0 where o1_0.id=:order_id for no key update;
select l1_0.order_id,l1_0.name,l1_0.product_id,l1_0.quantity,l1_0.sku,l1_0.unit_price from ordering.order_lines l1_0 where l1_0.order_id=:order_id;
update ordering.orders set completed_at=NULL,failure_reason=NULL,recovery_attempts=0,ship_city='Berlin',ship_country='DE',ship_line1='1 Load Street',ship_line2=NULL,ship_postal_code='10115',ship_recipient='Bench Customer',ship_region=NULL,status='PAYMENT_AUTHORIZED',updated_at=:ts,version=2 where id=:order_id and version=1;
COMMIT;

-- Saga, commit the stock (product module).
BEGIN;
select r1_0.order_id,r1_0.created_at,r1_0.expires_at,r1_0.status,r1_0.updated_at,r1_0.version from catalog.reservations r1_0 where r1_0.order_id=:order_id for no key update;
select l1_0.order_id,l1_0.available,l1_0.product_id,l1_0.quantity from catalog.reservation_lines l1_0 where l1_0.order_id=:order_id;
select ii1_0.product_id,ii1_0.on_hand,ii1_0.reserved,ii1_0.updated_at,ii1_0.version from catalog.inventory_items ii1_0 where ii1_0.product_id in (:product) order by ii1_0.product_id for no key update \gset i_
update catalog.reservations set expires_at=:expires,status='COMMITTED',updated_at=:ts,version=1 where order_id=:order_id and version=0;
\set on_hand :i_on_hand - 1
\set reserved :i_reserved - 1
\set version :i_version + 1
update catalog.inventory_items set on_hand=:on_hand,reserved=:reserved,updated_at=:ts,version=:version where product_id=:product and version=:i_version;
COMMIT;

-- Saga, capture (payment module): the processor's ledger (nested), then the payment.
BEGIN;
update payments.processor_ledger set captured_at = :ts where reference = :order_id and captured_at is null and outcome = 'APPROVED' and voided_at is null;
COMMIT;
BEGIN;
select p1_0.payment_key,p1_0.amount,p1_0.captured_at,p1_0.card_brand,p1_0.card_last4,p1_0.created_at,p1_0.currency,p1_0.customer_id,p1_0.failure,p1_0.payment_method,p1_0.processor_reference,p1_0.request_fingerprint,p1_0.status,p1_0.updated_at,p1_0.version from payments.payments p1_0 where p1_0.payment_key=:order_id for no key update;
update payments.payments set captured_at=:ts,failure=NULL,processor_reference=:order_id,status='CAPTURED',updated_at=:ts,version=2 where payment_key=:order_id and version=1;
COMMIT;

-- Saga: the order is CONFIRMED.
BEGIN;
select o1_0.id,o1_0.card_brand,o1_0.card_last4,o1_0.completed_at,o1_0.currency,o1_0.customer_id,o1_0.failure_reason,o1_0.idempotency_key,o1_0.payment_method,o1_0.placed_at,o1_0.recovery_attempts,o1_0.request_fingerprint,o1_0.ship_city,o1_0.ship_country,o1_0.ship_line1,o1_0.ship_line2,o1_0.ship_postal_code,o1_0.ship_recipient,o1_0.ship_region,o1_0.status,o1_0.total_amount,o1_0.updated_at,o1_0.version from ordering.orders o1_0 where o1_0.id=:order_id for no key update;
select l1_0.order_id,l1_0.name,l1_0.product_id,l1_0.quantity,l1_0.sku,l1_0.unit_price from ordering.order_lines l1_0 where l1_0.order_id=:order_id;
update ordering.orders set completed_at=:ts,failure_reason=NULL,recovery_attempts=0,ship_city='Berlin',ship_country='DE',ship_line1='1 Load Street',ship_line2=NULL,ship_postal_code='10115',ship_recipient='Bench Customer',ship_region=NULL,status='CONFIRMED',updated_at=:ts,version=3 where id=:order_id and version=2;
COMMIT;
