#!/usr/bin/env bash
# Issue 22, item 1: the gateway's forwarding client, Apache HttpClient 5 classic against the hand-written
# SocketUpstreamClient, in one run, beside the direct call and NGINX, with every edge policy on.
# Starts the split system (its gateway on 9080 forwards with HttpClient 5), a second gateway on 9090
# with the same environment but CLEAVE_GATEWAY_CLIENT=socket, and NGINX on 9180; measures each the way
# bench/gateway-vs-nginx.sh does (ab: c=1 latency, c=16 throughput, rounds interleaved); stops all.
#
#   bench/gateway-clients.sh [ROUNDS]        (default 3)
#   SWAP=1 bench/gateway-clients.sh 3        (the launcher's gateway on 9080 forwards with the socket
#                                             client, the second one with HttpClient 5, and the socket
#                                             gateway is measured first in each round)
#
# Results: bench/results/gateway-clients-DATE.csv and a table on stdout (docs/adr/0011-...).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
WORK=$(mktemp -d)
RESULTS=bench/results/gateway-clients-$(date -u +%Y-%m-%d)${SWAP:+-swap$SWAP}.csv
LATENCY_N=${LATENCY_N:-4000}
THROUGHPUT_N=${THROUGHPUT_N:-30000}
WLP=target/liberty/wlp
command -v ab >/dev/null || { echo "needs ApacheBench (apt-get install apache2-utils)"; exit 1; }
command -v nginx >/dev/null || { echo "needs nginx (apt-get install nginx-light)"; exit 1; }

SYSTEM_PID=""; NGINX_PID=""; SECOND_PID=""
stop() {
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
  [ -n "$SECOND_PID" ] && kill -TERM "$SECOND_PID" 2>/dev/null || true
  if [ -n "$SYSTEM_PID" ]; then kill -TERM "$SYSTEM_PID" 2>/dev/null || true; wait "$SYSTEM_PID" 2>/dev/null || true; fi
  [ -n "$SECOND_PID" ] && wait "$SECOND_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap stop EXIT

# Every edge policy on: request limits, an IP deny list and IP rules, the route, CORS, a rate limit too
# large to trip, edge authentication (anonymous route), a 5 % canary and a 1 % shadow to a candidate
# (the same product-service), the cache (a product page is no-cache, so each one is forwarded), a
# response transform and the response header policy.
export CLEAVE_GATEWAY_RATE_LIMIT_DEFAULT=1000000000/PT1M
export CLEAVE_GATEWAY_IP_DENY=198.51.100.0/24,2001:db8:bad::/48
export CLEAVE_GATEWAY_IP_RULES="allow /metrics 127.0.0.0/8 ::1, allow /gateway/** 127.0.0.0/8 ::1"
export CLEAVE_GATEWAY_CORS_ALLOWED_ORIGINS=https://shop.example
export CLEAVE_GATEWAY_TRANSFORMS="/api/v1/products set-response-header X-Served-By cleave-gateway"
export CLEAVE_GATEWAY_UPSTREAM_PRODUCT_CANDIDATE='${cleave.gateway.upstream.product}'
export CLEAVE_GATEWAY_RELEASES="/api/v1/products product-candidate 5"
export CLEAVE_GATEWAY_SHADOWS="/api/v1/products product-candidate 1"

SWAP=${SWAP:-0}
if [ "$SWAP" = 1 ]; then FIRST=socket; SECOND=apache; else FIRST=apache; SECOND=socket; fi
export CLEAVE_GATEWAY_CLIENT=$FIRST
echo "[bench] starting the split system (log: $WORK/system.log)"
./mvnw -q -Psplit -Prun > "$WORK/system.log" 2>&1 &
SYSTEM_PID=$!
for _ in $(seq 1 180); do curl -sf -o /dev/null http://localhost:9080/health/ready && break; sleep 1; done
curl -sf -o /dev/null http://localhost:9080/health/ready || { tail -20 "$WORK/system.log"; exit 1; }

# The second gateway: the first one's environment, another port, output folder and client.
GATEWAY_JAVA=$(pgrep -f "ws-server.jar.* gateway" | head -1)
ENVFILE="$WORK/gateway.env"
tr '\0' '\n' < "/proc/$GATEWAY_JAVA/environ" | grep -E '^(CLEAVE_|MALLOC_ARENA_MAX|JAVA_HOME)' \
  | grep -v -E '^CLEAVE_HTTP_PORT=' > "$ENVFILE"
( while IFS= read -r line; do export "$line"; done < "$ENVFILE"
  CLEAVE_HTTP_PORT=9090 CLEAVE_GATEWAY_CLIENT=$SECOND WLP_OUTPUT_DIR="$WORK/second" \
    exec "$WLP/bin/server" run gateway > "$WORK/second.log" 2>&1 ) &
SECOND_PID=$!
for _ in $(seq 1 120); do curl -sf -o /dev/null http://localhost:9090/health/ready && break; sleep 1; done
curl -sf -o /dev/null http://localhost:9090/health/ready || { tail -20 "$WORK/second.log"; exit 1; }

mkdir -p "$WORK/nginx/logs"
cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log $WORK/nginx/logs/access.log;
  upstream product { server 127.0.0.1:9082; keepalive 64; }
  server {
    listen 127.0.0.1:9180;
    location / {
      proxy_pass http://product;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$remote_addr;
    }
  }
}
CONF
nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' &
NGINX_PID=$!
for _ in $(seq 1 50); do curl -s -o /dev/null http://127.0.0.1:9180/ && break; sleep 0.1; done

ID=$(curl -sf "http://localhost:9082/api/v1/products?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
PATH_="/api/v1/products/$ID"
if [ "$SWAP" = 1 ]; then
  NAMES="direct gateway-socket gateway-httpclient5 nginx"; SOCKET_PORT=9080; APACHE_PORT=9090
else
  NAMES="direct gateway-httpclient5 gateway-socket nginx"; SOCKET_PORT=9090; APACHE_PORT=9080
fi
declare -A TARGET=([direct]="http://127.0.0.1:9082$PATH_" [gateway-httpclient5]="http://127.0.0.1:$APACHE_PORT$PATH_"
  [gateway-socket]="http://127.0.0.1:$SOCKET_PORT$PATH_" [nginx]="http://127.0.0.1:9180$PATH_")
for name in $NAMES; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "${TARGET[$name]}")
  [ "$code" = 200 ] || { echo "$name answers $code"; exit 1; }
done

mkdir -p bench/results
echo "round,target,p50_ms,p90_ms,p99_ms,rps_c16,failed" > "$RESULTS"
for round in $(seq 1 "$ROUNDS"); do
  for name in $NAMES; do
    url=${TARGET[$name]}
    ab -q -k -c 8 -n 5000 "$url" > /dev/null
    ab -q -k -c 1 -n "$LATENCY_N" -e "$WORK/pct.csv" "$url" > "$WORK/lat.txt"
    p50=$(awk -F, '$1==50 {print $2}' "$WORK/pct.csv")
    p90=$(awk -F, '$1==90 {print $2}' "$WORK/pct.csv")
    p99=$(awk -F, '$1==99 {print $2}' "$WORK/pct.csv")
    ab -q -k -c 16 -n "$THROUGHPUT_N" "$url" > "$WORK/tp.txt"
    rps=$(awk '/Requests per second/ {print $4}' "$WORK/tp.txt")
    failed=$(cat "$WORK/lat.txt" "$WORK/tp.txt" | awk '/Failed requests|Non-2xx responses/ {s+=$NF} END {print s+0}')
    echo "$round,$name,$p50,$p90,$p99,$rps,$failed" | tee -a "$RESULTS"
  done
done

python3 - "$RESULTS" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1])))
def med(t, f): return statistics.median(float(r[f]) for r in rows if r["target"] == t)
def added(t):
    out = []
    for r in rows:
        if r["target"] == t:
            d = next(float(x["p50_ms"]) for x in rows if x["target"] == "direct" and x["round"] == r["round"])
            out.append(float(r["p50_ms"]) - d)
    return statistics.median(out)
print("\nmedians over %d rounds" % len({r["round"] for r in rows}))
print("%-20s %10s %10s %10s %12s %10s" % ("target", "p50 ms", "p99 ms", "added p50", "req/s c=16", "% nginx"))
for t in ("direct", "gateway-httpclient5", "gateway-socket", "nginx"):
    print("%-20s %10.3f %10.3f %10.3f %12.0f %9.0f%%" % (t, med(t, "p50_ms"), med(t, "p99_ms"),
          added(t) if t != "direct" else 0, med(t, "rps_c16"), 100 * med(t, "rps_c16") / med("nginx", "rps_c16")))
print("failed or non-2xx requests: %d" % sum(int(r["failed"]) for r in rows))
PY
echo "[bench] results: $RESULTS"
