#!/usr/bin/env bash
# The gateway against NGINX as a plain reverse proxy in front of the same service, in one run
# (issue 6's benchmark; results in docs/benchmarks.md). Starts the split system and NGINX itself,
# measures, stops both.
#
#   bench/gateway-vs-nginx.sh [ROUNDS]        (default 3 rounds; about 3 minutes each)
#
# Needs: the split build (./mvnw -Psplit install -DskipTests), ApacheBench (ab) and NGINX (installed
# with apt-get as nginx-light when missing and this runs as root). For each round and each target
# (the product service directly on 9082, the gateway on 9080, NGINX on 9180, all forwarding to the
# same product-service) it runs: a warm-up (discarded); latency with one client (ab -c 1, percentiles
# from ab's CSV, in ms with three decimals); throughput with 16 clients (ab -c 16). The request is a
# product page, GET /api/v1/products/{id}, which the service marks no-cache, so the gateway forwards
# every one (no cache hit can flatter it). Two more targets answer without forwarding (the gateway's
# own /health/live, an NGINX 'return 200'), to show what each front costs by itself. The gateway runs
# with every edge policy on (see the exports below). Output: a table on stdout and a CSV in
# bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
WORK=$(mktemp -d)
RESULTS=bench/results/gateway-vs-nginx-$(date -u +%Y-%m-%d).csv
LATENCY_N=${LATENCY_N:-4000}
THROUGHPUT_N=${THROUGHPUT_N:-30000}

command -v ab >/dev/null || { echo "needs ApacheBench (apt-get install apache2-utils)"; exit 1; }
if ! command -v nginx >/dev/null; then
  if [ "$(id -u)" = 0 ]; then DEBIAN_FRONTEND=noninteractive apt-get install -y -q nginx-light >/dev/null;
  else echo "needs nginx (apt-get install nginx-light)"; exit 1; fi
fi

SYSTEM_PID=""
NGINX_PID=""
stop() {
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
  if [ -n "$SYSTEM_PID" ]; then kill -TERM "$SYSTEM_PID" 2>/dev/null || true; wait "$SYSTEM_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap stop EXIT

# Every edge policy on (issue 22, item 7): request limits, an IP deny list and IP rules, the route,
# CORS, a rate limit with a quota too large to trip, edge authentication (an anonymous route), a 5 %
# canary and a 1 % shadow to a candidate (the same product-service under another name), the cache (a
# product page is no-cache, so every one is forwarded), a response transform and the response header
# policy.
export CLEAVE_GATEWAY_RATE_LIMIT_DEFAULT=1000000000/PT1M
export CLEAVE_GATEWAY_IP_DENY=198.51.100.0/24,2001:db8:bad::/48
export CLEAVE_GATEWAY_IP_RULES="allow /metrics 127.0.0.0/8 ::1, allow /gateway/** 127.0.0.0/8 ::1"
export CLEAVE_GATEWAY_CORS_ALLOWED_ORIGINS=https://shop.example
export CLEAVE_GATEWAY_TRANSFORMS="/api/v1/products set-response-header X-Served-By cleave-gateway"
export CLEAVE_GATEWAY_UPSTREAM_PRODUCT_CANDIDATE='${cleave.gateway.upstream.product}'
export CLEAVE_GATEWAY_RELEASES="/api/v1/products product-candidate 5"
export CLEAVE_GATEWAY_SHADOWS="/api/v1/products product-candidate 1"

echo "[bench] starting the split system (log: $WORK/system.log)"
./mvnw -q -Psplit -Prun > "$WORK/system.log" 2>&1 &
SYSTEM_PID=$!
for _ in $(seq 1 180); do
  curl -sf -o /dev/null http://localhost:9080/health/ready && break
  sleep 1
done
curl -sf -o /dev/null http://localhost:9080/health/ready || { tail -20 "$WORK/system.log"; exit 1; }

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
    location = /local { return 200 "{\\"status\\":\\"UP\\"}"; }
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
sleep 1

ID=$(curl -sf "http://localhost:9082/api/v1/products?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
PATH_="/api/v1/products/$ID"
# The *-local targets answer without forwarding (the gateway's own liveness check, an NGINX 'return
# 200'): what each front costs on its own.
NAMES="direct gateway nginx gateway-local nginx-local"
declare -A TARGET=([direct]="http://127.0.0.1:9082$PATH_" [gateway]="http://127.0.0.1:9080$PATH_"
  [nginx]="http://127.0.0.1:9180$PATH_" [gateway-local]="http://127.0.0.1:9080/health/live"
  [nginx-local]="http://127.0.0.1:9180/local")
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
def med(target, field):
    return statistics.median(float(r[field]) for r in rows if r["target"] == target)
def spread(target, field):
    values = [float(r[field]) for r in rows if r["target"] == target]
    return min(values), max(values)
print()
print("medians over %d rounds (spread min..max)" % len({r["round"] for r in rows}))
print("%-8s %18s %10s %10s %22s" % ("target", "p50 ms (c=1)", "p90 ms", "p99 ms", "req/s (c=16)"))
for t in ("direct", "gateway", "nginx", "gateway-local", "nginx-local"):
    lo, hi = spread(t, "rps_c16")
    plo, phi = spread(t, "p50_ms")
    print("%-8s %7.3f (%.3f..%.3f) %10.3f %10.3f %9.0f (%.0f..%.0f)" % (t, med(t, "p50_ms"), plo, phi,
          med(t, "p90_ms"), med(t, "p99_ms"), med(t, "rps_c16"), lo, hi))
added = {}
for t in ("gateway", "nginx"):
    # Added p50 per round (same round's direct call), then the median.
    per_round = []
    for r in rows:
        if r["target"] == t:
            direct = next(float(d["p50_ms"]) for d in rows if d["target"] == "direct" and d["round"] == r["round"])
            per_round.append(float(r["p50_ms"]) - direct)
    added[t] = statistics.median(per_round)
print()
if added["nginx"] > 0.01:
    print("added p50: gateway %.3f ms, nginx %.3f ms -> ratio %.2f (target: gateway <= 0.25 ms)" % (added["gateway"], added["nginx"],
          added["gateway"] / added["nginx"]))
else:
    print("added p50: gateway %.3f ms, nginx %.3f ms: NGINX adds nothing measurable, so no ratio exists"
          " (target: gateway <= 0.25 ms)" % (added["gateway"], added["nginx"]))
print("throughput: gateway %.0f req/s = %.0f%% of nginx %.0f req/s (target >= 90%%)" % (med("gateway", "rps_c16"),
      100 * med("gateway", "rps_c16") / med("nginx", "rps_c16"), med("nginx", "rps_c16")))
print("failed or non-2xx requests: %d" % sum(int(r["failed"]) for r in rows))
PY
echo "[bench] results: $RESULTS"
