#!/usr/bin/env bash
# Checkout benchmark against a running Cleave (see docs/benchmarks.md).
# usage: bench/checkout.sh [--mode closed --concurrency 16 | --mode open --rate 150]
#                          [--warmup 30s] [--duration 60s] [--customers 64] [--products 50] [--out results.jsonl]
# Needs an administrator: BENCH_ADMIN_EMAIL and BENCH_ADMIN_PASSWORD (the server's CLEAVE_ADMIN_*), and
# loopback trusted as a proxy (CLEAVE_HTTP_TRUSTED_PROXIES=127.0.0.1,0:0:0:0:0:0:0:1) so the set-up logins
# of many customers are not throttled as one client address. BENCH_BASE (default http://localhost:9080).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -o install -DskipTests -pl tools/cleave-bench -am >/dev/null 2>&1 || ./mvnw -q install -DskipTests -pl tools/cleave-bench -am
exec ./mvnw -q org.codehaus.mojo:exec-maven-plugin:java -pl tools/cleave-bench -Dexec.args="checkout $*"
