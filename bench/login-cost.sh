#!/usr/bin/env bash
# Login cost against a running Cleave: sequential latency, then concurrent throughput.
# A login is dominated by one PBKDF2-HMAC-SHA256 verification (600,000 iterations).
# usage: bench/login-cost.sh [BASE_URL] [N per client] [CONCURRENCY]
# The server must trust loopback as a proxy (CLEAVE_HTTP_TRUSTED_PROXIES=127.0.0.1,0:0:0:0:0:0:0:1),
# because each client names its own address so that per-address throttling does not interfere.
# Needs curl and awk; registers one account in the target system.
set -euo pipefail
B=${1:-http://localhost:9080}; N=${2:-30}; C=${3:-4}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
EMAIL="bench-$RANDOM$RANDOM@cleave.test"; PW='correct horse battery staple'
curl -s -o /dev/null -X POST $B/api/v1/users -H 'Content-Type: application/json' -d "{\"email\":\"$EMAIL\",\"password\":\"$PW\",\"name\":\"Bench\"}"
login() { curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -X POST $B/api/v1/auth/login -H 'Content-Type: application/json' -H "X-Forwarded-For: 2001:db8::$1" -d "{\"email\":\"$EMAIL\",\"password\":\"$PW\"}"; }
for i in 1 2 3 4 5; do login 1 >/dev/null; done   # warm-up
for i in $(seq 1 $N); do login 2; done | sort -k2 -n | awk '{ if ($1!=200) bad++; t[NR]=$2*1000 } END { n=NR; printf "sequential: %d logins, non-200: %d, median %.0f ms, p90 %.0f ms, min %.0f ms\n", n, bad, t[int(n/2)+1], t[int(n*0.9)], t[1] }'
start=$(date +%s.%N)
for c in $(seq 1 $C); do (for i in $(seq 1 $N); do login $c; done > "$work/conc.$c") & done; wait
end=$(date +%s.%N)
cat "$work"/conc.* | awk -v s=$start -v e=$end -v c=$C '{ if ($1!=200) bad++; n++ } END { printf "concurrent: %d clients, %d logins in %.1f s = %.1f logins/s, non-200: %d\n", c, n, e-s, n/(e-s), bad }'
