#!/bin/bash
# Smoke load for the split system (docs/split.md "after load"): 40 customers: register, log in, add a product, check out; plus catalog searches.
B=${CLEAVE_URL:-http://localhost:9080}
ok=0
for i in $(seq 1 40); do
  E=load$RANDOM$i@x.test
  curl -s -o /dev/null -X POST $B/api/v1/users -H 'Content-Type: application/json' -d "{\"email\":\"$E\",\"name\":\"L\",\"password\":\"Passw0rd-long-1\"}"
  T=$(curl -s -X POST $B/api/v1/auth/login -H 'Content-Type: application/json' -d "{\"email\":\"$E\",\"password\":\"Passw0rd-long-1\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
  P=$(curl -s "$B/api/v1/products?q=lamp" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
  curl -s -o /dev/null -X POST $B/api/v1/cart/items -H "Authorization: Bearer $T" -H 'Content-Type: application/json' -d "{\"productId\":$P,\"quantity\":1}"
  S=$(curl -s -o /dev/null -w "%{http_code}" -X POST $B/api/v1/orders -H "Authorization: Bearer $T" -H "Idempotency-Key: $(uuidgen 2>/dev/null || cat /proc/sys/kernel/random/uuid)" -H 'Content-Type: application/json' -d '{"card":{"number":"4242424242424242","expiryMonth":12,"expiryYear":2030,"cvc":"123"},"shippingAddress":{"recipient":"Ada","line1":"1 Test Street","postalCode":"10115","city":"Berlin","country":"DE"}}')
  [ "$S" = 201 ] && ok=$((ok+1))
  for j in 1 2 3 4 5; do curl -s -o /dev/null "$B/api/v1/products?q=desk&page=0"; done
done
echo "checkouts answered 201: $ok of 40"
